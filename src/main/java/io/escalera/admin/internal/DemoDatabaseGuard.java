package io.escalera.admin.internal;

import io.escalera.shared.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Demo mode (logins with public passwords) runs only on a database that demo mode created: the first demo start on
 * an EMPTY database (no units, hence no users) marks it ({@code demo_database}); a demo start on a database that has
 * data but no mark stops the application before it seeds demo data (see {@link DemoDatabaseRefusedFailureAnalyzer}).
 * Runs once every bean exists (Liquibase has run), before the web server, the jobs and the demo setup start.
 */
@Component
class DemoDatabaseGuard implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDatabaseGuard.class);

    private final JdbcClient jdbc;
    private final DemoProperties demo;
    private final BooleanSupplier databaseHasData;
    private final Clock clock;

    /**
     * "Has data" is "has units", through this module's own repository: every user belongs to a unit and every
     * start outside demo mode creates the head office, so a database with users or any start behind it has units.
     * (Not through the users' service: its method security sees no signed-in user while the context is still
     * being refreshed, even inside SystemUser.)
     */
    @Autowired
    DemoDatabaseGuard(JdbcClient jdbc, DemoProperties demo, UnitRepository units, Clock clock) {
        this(jdbc, demo, () -> units.count() > 0, clock);
    }

    DemoDatabaseGuard(JdbcClient jdbc, DemoProperties demo, BooleanSupplier databaseHasData, Clock clock) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.databaseHasData = databaseHasData;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    /** Marks an empty database as a demo one, or refuses a database that has data and no mark; nothing outside demo mode. */
    void check() {
        if (!demo.enabled() || isDemoDatabase()) {
            return;
        }
        if (databaseHasData.getAsBoolean()) {
            throw new DemoDatabaseRefusedException();
        }
        jdbc.sql("INSERT IGNORE INTO demo_database (id, created_at) VALUES (1, ?)").param(Timestamp.from(clock.instant())).update();
        log.info("Demo mode: this new database is marked as a demo database (demo_database)");
    }

    private boolean isDemoDatabase() {
        return jdbc.sql("SELECT COUNT(*) FROM demo_database").query(Long.class).single() > 0;
    }

    /** Demo mode was started on a database that has data and was not created by demo mode. */
    static class DemoDatabaseRefusedException extends IllegalStateException {
        DemoDatabaseRefusedException() {
            super("Demo mode refuses this database: it has data and was not created by demo mode");
        }
    }
}
