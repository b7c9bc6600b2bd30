package io.escalera.shared.internal.database;

import com.zaxxer.hikari.HikariDataSource;
import io.escalera.support.EscaleraTest;
import liquibase.util.NetUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start killed while Liquibase updated the schema leaves {@code DATABASECHANGELOGLOCK} locked; the next start
 * releases it (with a log line) when no live node can hold it, and otherwise leaves it alone.
 */
@EscaleraTest
@ExtendWith(OutputCaptureExtension.class)
class StaleLiquibaseLockTest {

    private static final String KILLED = "escalera_killed_start";

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired EmbeddedMariaDb server;

    @AfterEach
    void unlock() {
        jdbc.sql("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1").update();
    }

    @Test
    void aStartAfterAKilledFirstStartReleasesItsLockOnTheEmbeddedDatabaseAndSaysSo(CapturedOutput output) {
        // a first start killed while Liquibase built the schema: the lock table holds its lock, nothing else is there
        jdbc.sql("DROP DATABASE IF EXISTS " + KILLED).update();
        jdbc.sql("CREATE DATABASE " + KILLED).update();
        jdbc.sql("CREATE TABLE " + KILLED + ".DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED TINYINT(1) NOT NULL,"
                + " LOCKGRANTED DATETIME NULL, LOCKEDBY VARCHAR(255) NULL)").update();
        jdbc.sql("INSERT INTO " + KILLED + ".DATABASECHANGELOGLOCK VALUES (1, 1, NOW() - INTERVAL 30 SECOND, 'some-host (10.0.0.9)')").update();
        String waitProperty = "liquibase.changelogLockWaitTimeInMinutes";
        String wait = System.setProperty(waitProperty, "0");
        try {
            // without the release Liquibase cannot start: it waits for the lock (5 min by default; here not at all)
            assertThatThrownBy(() -> startLiquibase(LiquibaseOnly.class).close())
                    .hasStackTraceContaining("Could not acquire change log lock");

            try (ConfigurableApplicationContext context = startLiquibase(LiquibaseWithRelease.class)) {
                assertThat(context.isActive()).isTrue();
            }
        } finally {
            if (wait == null) {
                System.clearProperty(waitProperty);
            } else {
                System.setProperty(waitProperty, wait);
            }
        }
        assertThat(jdbc.sql("SELECT LOCKED FROM " + KILLED + ".DATABASECHANGELOGLOCK WHERE ID = 1").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM " + KILLED + ".DATABASECHANGELOG").query(Integer.class).single())
                .as("the schema was then built").isPositive();
        assertThat(output).contains("Released a stale Liquibase lock held by some-host (10.0.0.9)")
                .contains("the embedded database is used by this process alone");
        jdbc.sql("DROP DATABASE " + KILLED).update();
    }

    private ConfigurableApplicationContext startLiquibase(Class<?> configuration) {
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties("embedded.port=" + server.port(), "embedded.password=" + server.password(),
                        "logging.level.root=warn", "logging.level.io.escalera=info")
                .run();
    }

    @Test
    void onAnExternalDatabaseOnlyAnOldLockOfThisHostIsReleased() throws Exception {
        String thisHost = NetUtil.getLocalHostName();
        Duration tenMinutes = Duration.ofMinutes(10);

        lockAsAKilledStartWould("another-host (10.0.0.9)", Duration.ofHours(5));
        assertThat(StaleLiquibaseLock.releaseIfStale(dataSource, false, thisHost, tenMinutes)).as("another host's").isFalse();
        lockAsAKilledStartWould(thisHost + " (127.0.1.1)", Duration.ofMinutes(2));
        assertThat(StaleLiquibaseLock.releaseIfStale(dataSource, false, thisHost, tenMinutes)).as("a young one").isFalse();
        assertThat(locked()).isOne();

        lockAsAKilledStartWould(thisHost + " (127.0.1.1)", Duration.ofMinutes(11));
        assertThat(StaleLiquibaseLock.releaseIfStale(dataSource, false, thisHost, tenMinutes)).isTrue();
        assertThat(locked()).isZero();
    }

    /** What Liquibase's lock statement writes (LOCKGRANTED by the database's clock), backdated by {@code age}. */
    private void lockAsAKilledStartWould(String lockedBy, Duration age) {
        jdbc.sql("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = ?, LOCKGRANTED = NOW() - INTERVAL ? SECOND WHERE ID = 1")
                .params(lockedBy, age.toSeconds()).update();
    }

    private int locked() {
        return jdbc.sql("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1").query(Integer.class).single();
    }

    /** A start of just Liquibase, as the application runs it, on the schema of a killed start. */
    @ImportAutoConfiguration(LiquibaseAutoConfiguration.class)
    static class LiquibaseOnly {

        @Bean(destroyMethod = "close")
        DataSource dataSource(org.springframework.core.env.Environment environment) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + environment.getProperty("embedded.port") + "/" + KILLED);
            dataSource.setUsername("root");
            dataSource.setPassword(environment.getProperty("embedded.password"));
            dataSource.setMaximumPoolSize(2);
            return dataSource;
        }
    }

    /** The same, with the application's release of a stale lock. */
    @Import({LiquibaseOnly.class, StaleLiquibaseLock.class})
    static class LiquibaseWithRelease {
    }
}
