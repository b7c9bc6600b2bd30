package io.escalera.shared.internal.database;

import liquibase.integration.spring.SpringLiquibase;
import liquibase.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Liquibase marks its lock row ({@code DATABASECHANGELOGLOCK}, {@code LOCKED=1}) while it updates the schema; a start
 * killed meanwhile leaves it set, and every later start waits 5 minutes and fails. Before Liquibase runs, this
 * releases such a lock when no live start can hold it:
 * <ul>
 * <li>on the <b>embedded</b> database always: its folder belongs to this one process (a second Escalera on it is
 * refused at start), so a held lock is a killed start's;</li>
 * <li>on an <b>external</b> database only when the lock was taken by this host (Liquibase writes its name into
 * {@code LOCKEDBY}) at least {@code escalera.liquibase.stale-lock-after} (10 min) ago by the database's clock — a
 * lock of another host, or a younger one, may belong to a node that is updating the schema now, and is left alone
 * with a log line that says how to release it by hand.</li>
 * </ul>
 * The release is conditional on the row being unchanged, so a lock taken in between is never cleared.
 */
@Component
class StaleLiquibaseLock implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(StaleLiquibaseLock.class);
    private static final String MANUAL_RELEASE =
            "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1";

    private final Environment environment;

    StaleLiquibaseLock(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
            Duration staleAfter = DurationStyle.detectAndParse(environment.getProperty("escalera.liquibase.stale-lock-after", "PT10M"));
            try {
                releaseIfStale(liquibase.getDataSource(), embedded, NetUtil.getLocalHostName(), staleAfter);
            } catch (SQLException e) {
                log.warn("Could not check the Liquibase lock: {}", e.getMessage());
            }
        }
        return bean;
    }

    /** @return whether a lock was released */
    static boolean releaseIfStale(DataSource dataSource, boolean embedded, String thisHost, Duration staleAfter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!lockTableExists(connection)) {
                return false;
            }
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT LOCKEDBY, LOCKGRANTED, TIMESTAMPDIFF(SECOND, LOCKGRANTED, NOW()) FROM DATABASECHANGELOGLOCK"
                            + " WHERE ID = 1 AND LOCKED = 1");
                 ResultSet lock = read.executeQuery()) {
                if (!lock.next()) {
                    return false;
                }
                String lockedBy = lock.getString(1);
                Timestamp granted = lock.getTimestamp(2);
                long ageSeconds = lock.getLong(3);
                boolean byThisHost = lockedBy != null && (lockedBy.startsWith(thisHost + " (") || lockedBy.startsWith(thisHost + "#"));
                String rule;
                if (embedded) {
                    rule = "the embedded database is used by this process alone";
                } else if (byThisHost && ageSeconds >= staleAfter.toSeconds()) {
                    rule = "it was taken by this host (" + thisHost + ") " + Duration.ofSeconds(ageSeconds) + " ago,"
                            + " longer than escalera.liquibase.stale-lock-after (" + staleAfter + ")";
                } else {
                    log.warn("The Liquibase lock is held by {} since {} ({} s ago): left alone, because {}. Liquibase"
                                    + " waits for it. If no node is updating the schema, release it with: {}",
                            lockedBy, granted, ageSeconds, byThisHost ? "it is younger than escalera.liquibase.stale-lock-after ("
                                    + staleAfter + ")" : "another host (not " + thisHost + ") may be updating the schema",
                            MANUAL_RELEASE);
                    return false;
                }
                try (PreparedStatement release = connection.prepareStatement(
                        "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL"
                                + " WHERE ID = 1 AND LOCKED = 1 AND LOCKEDBY <=> ? AND LOCKGRANTED <=> ?")) {
                    release.setString(1, lockedBy);
                    release.setTimestamp(2, granted);
                    if (release.executeUpdate() == 1) {
                        log.warn("Released a stale Liquibase lock held by {} since {}, left by a start that was killed"
                                + " during a schema update: {}", lockedBy, granted, rule);
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static boolean lockTableExists(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'DATABASECHANGELOGLOCK'");
             ResultSet rows = exists.executeQuery()) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }
}
