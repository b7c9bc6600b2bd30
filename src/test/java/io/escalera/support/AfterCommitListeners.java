package io.escalera.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for listeners that run after commit (Spring Modulith's event registry records each publication and its
 * completion), so that a test reads what they wrote without guessing a delay.
 */
public final class AfterCommitListeners {

    private AfterCommitListeners() {
    }

    /**
     * Until no publication for a listener of the named class is left incomplete (at most 30 s: a full value recompute
     * after an import took 10–11 s on a loaded 2-core machine, next to the per-tier KPI facts rebuild it sets off).
     */
    public static void await(JdbcClient jdbc, String listenerClass) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE ?")
                    .param(listenerClass + "%").query(Long.class).single() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("listeners of " + listenerClass + " did not finish");
    }
}
