package io.escalera.shared;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Application settings as keyed values stored in the database, read by any module. Each module owns the keys it
 * defines (e.g. {@link GeneralSettings} for the ones of the whole application).
 */
public interface Settings {

    Optional<String> find(String key);

    default String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    default int getInt(String key, int fallback) {
        return find(key).map(Integer::parseInt).orElse(fallback);
    }

    /** Stores a value and writes an audit event; callers must have been authorised for that key. */
    void put(String key, String value);

    /**
     * The settings whose keys start with {@code prefix}, read with one query: for a module that reads its whole group
     * of settings at once (e.g. on every event). Read-only.
     */
    Settings snapshot(String prefix);

    /** Settings held in memory, as {@link #snapshot} returns them. */
    static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings() {
            @Override
            public Optional<String> find(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public void put(String key, String value) {
                throw new UnsupportedOperationException("a snapshot of settings is read-only");
            }

            @Override
            public Settings snapshot(String prefix) {
                return of(copy.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            }
        };
    }
}
