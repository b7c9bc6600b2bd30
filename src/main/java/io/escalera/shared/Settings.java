package io.escalera.shared;

import java.util.Optional;

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
}
