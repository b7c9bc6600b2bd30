package io.escalera.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits until the application's background work has ended, for a test that compares the whole database before and
 * after something: listeners still to run, a cluster job holding its lock (the per-tier KPI facts rebuild that a value
 * run in an earlier test set off takes seconds and commits in one go), then the same reading twice in a row.
 */
public final class BackgroundWork {

    private static final long PAUSE_MS = 500;

    private BackgroundWork() {
    }

    /**
     * @param reading what the test compares (a fingerprint of the schema)
     * @return the reading once nothing is running and it no longer changes (at most 2 min)
     */
    public static <T> T awaitSettled(JdbcClient jdbc, Supplier<T> reading) throws InterruptedException {
        T last = null;
        for (long giveUp = System.nanoTime() + 120_000_000_000L; System.nanoTime() < giveUp; Thread.sleep(PAUSE_MS)) {
            if (running(jdbc)) {
                last = null;
                continue;
            }
            T now = reading.get();
            if (last != null && Objects.equals(last, now) && !running(jdbc)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("background work did not settle in 2 min: " + jobs(jdbc));
    }

    private static boolean running(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM job_lock WHERE locked_until > NOW(3)").query(Long.class).single() > 0;
    }

    private static Map<String, Object> jobs(JdbcClient jdbc) {
        return jdbc.sql("SELECT name, locked_until FROM job_lock WHERE locked_until > NOW(3)").query().listOfRows()
                .stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get("name"), r -> r.get("locked_until")));
    }
}
