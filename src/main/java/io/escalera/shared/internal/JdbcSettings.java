package io.escalera.shared.internal;

import io.escalera.shared.AuditLog;
import io.escalera.shared.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Objects;
import java.util.Optional;

@Component
class JdbcSettings implements Settings {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    JdbcSettings(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Override
    public Optional<String> find(String key) {
        return jdbc.sql("SELECT setting_value FROM app_setting WHERE setting_key = ?").param(key)
                .query(String.class).optional();
    }

    @Override
    public Settings snapshot(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        java.util.Map<String, String> values = new java.util.HashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM app_setting WHERE setting_key LIKE ?").param(pattern)
                .query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return Settings.of(values);
    }

    @Override
    @Transactional
    public void put(String key, String value) {
        Optional<String> previous = find(key);
        if (previous.isPresent() && Objects.equals(previous.get(), value)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))
                ON DUPLICATE KEY UPDATE setting_value = VALUES(setting_value), updated_at = VALUES(updated_at)""")
                .params(key, value).update();
        auditLog.record("SETTING_CHANGED", "setting", key, previous.orElse("(default)") + " → " + value);
    }
}
