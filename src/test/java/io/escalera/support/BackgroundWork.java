package io.escalera.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits until the application's background work has ended, for a test that compares the whole database before and
 * after something: no product job holding its cluster lock (the per-tier KPI facts rebuild that a value run of an
 * earlier test set off takes seconds and commits in one go), then the same reading — with the set of publications
 * still incomplete — three times in a row over a second. Publications that stay incomplete (a test's dead letter) and
 * locks of made-up jobs other tests hold ({@code test-…}) do not count as work going on.
 */
public final class BackgroundWork {

    private static final long PAUSE_MS = 500;
    private static final int SAME_READINGS = 3;

    private BackgroundWork() {
    }

    /**
     * @param reading what the test compares (a fingerprint of the schema)
     * @return the reading once nothing is running and it no longer changes (at most 2 min)
     */
    public static <T> T awaitSettled(JdbcClient jdbc, Supplier<T> reading) throws InterruptedException {
        Object last = null;
        int same = 0;
        for (long giveUp = System.nanoTime() + 120_000_000_000L; System.nanoTime() < giveUp; Thread.sleep(PAUSE_MS)) {
            if (!productJobsRunning(jdbc).isEmpty()) {
                last = null;
                same = 0;
                continue;
            }
            T now = reading.get();
            List<Object> both = List.of(now, incompletePublications(jdbc));
            same = Objects.equals(last, both) ? same + 1 : 1;
            last = both;
            if (same >= SAME_READINGS && productJobsRunning(jdbc).isEmpty()) {
                return now;
            }
        }
        throw new AssertionError("background work did not settle in 2 min; jobs running: " + productJobsRunning(jdbc));
    }

    private static List<String> incompletePublications(JdbcClient jdbc) {
        return jdbc.sql("SELECT ID FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL ORDER BY ID").query(String.class).list();
    }

    private static Map<String, Object> productJobsRunning(JdbcClient jdbc) {
        return jdbc.sql("SELECT name, locked_until FROM job_lock WHERE locked_until > NOW(3) AND name NOT LIKE 'test-%'")
                .query().listOfRows().stream()
                .collect(java.util.stream.Collectors.toMap(r -> (String) r.get("name"), r -> r.get("locked_until")));
    }
}
