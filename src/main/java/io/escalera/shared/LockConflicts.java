package io.escalera.shared;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Work that keeps shared counters (summary cells many customers fall into) can lose a lock conflict to a concurrent
 * update; the loser simply runs again. The work must run in a transaction of its own, so that a retry starts afresh.
 */
public final class LockConflicts {

    private LockConflicts() {
    }

    public static void retry(int attempts, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (PessimisticLockingFailureException lost) {
                if (attempt >= attempts) {
                    throw lost;
                }
            }
        }
    }
}
