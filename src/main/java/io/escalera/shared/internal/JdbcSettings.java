package io.escalera.shared.internal;

import io.escalera.shared.AuditLog;
import io.escalera.shared.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings, read from the database as one small table and kept in memory (issue 30: read on every use, they took
 * a connection on hot paths such as every survey page and every board). A setting saved on this node is seen at once
 * (the copy is dropped when the save commits); one saved on another node once the copy is older than
 * {@code escalera.settings.cache-ttl} (5 s by default). A transaction that saved a setting reads the database until it
 * ends, so it sees its own change and nobody else sees it before the commit.
 */
@Component
class JdbcSettings implements Settings {

    /** Bound to a transaction that has saved a setting, until it completes. */
    private static final Object SAVED_IN_THIS_TRANSACTION = new Object();

    private record Copy(Map<String, String> values, long readAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final long ttlNanos;
    private volatile Copy copy;
    /** Moved on by every save: a read that a save overtook is not kept. */
    private final AtomicLong saves = new AtomicLong();

    JdbcSettings(JdbcClient jdbc, AuditLog auditLog, @Value("${escalera.settings.cache-ttl:PT5S}") Duration ttl) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Optional<String> find(String key) {
        return Optional.ofNullable(current().get(key));
    }

    @Override
    public Settings snapshot(String prefix) {
        Map<String, String> values = new HashMap<>();
        current().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key, value);
            }
        });
        return Settings.of(values);
    }

    @Override
    @Transactional
    public void put(String key, String value) {
        Optional<String> previous = Optional.ofNullable(read().get(key));
        if (previous.isPresent() && Objects.equals(previous.get(), value)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))
                ON DUPLICATE KEY UPDATE setting_value = VALUES(setting_value), updated_at = VALUES(updated_at)""")
                .params(key, value).update();
        forgetWhenCommitted();
        auditLog.record("SETTING_CHANGED", "setting", key, previous.orElse("(default)") + " → " + value);
    }

    private Map<String, String> current() {
        if (TransactionSynchronizationManager.hasResource(SAVED_IN_THIS_TRANSACTION)) {
            return read();
        }
        long now = System.nanoTime();
        Copy held = copy;
        if (held != null && now - held.readAt() < ttlNanos) {
            return held.values();
        }
        long savesBefore = saves.get();
        Map<String, String> values = read();
        if (saves.get() == savesBefore) {
            copy = new Copy(values, now);
        }
        return values;
    }

    private Map<String, String> read() {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM app_setting WHERE setting_value IS NOT NULL")
                .query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return Map.copyOf(values);
    }

    private void forgetWhenCommitted() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(SAVED_IN_THIS_TRANSACTION)) {
            TransactionSynchronizationManager.bindResource(SAVED_IN_THIS_TRANSACTION, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SAVED_IN_THIS_TRANSACTION);
                    forget();
                }
            });
        }
    }

    private void forget() {
        saves.incrementAndGet();
        copy = null;
    }
}
