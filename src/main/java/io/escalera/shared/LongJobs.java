package io.escalera.shared;

/**
 * Long recurring work (the nightly recomputes, purges, rounds) runs on an executor of its own, bounded, rather than on
 * a scheduler thread: the scheduler's threads stay free for the short jobs that must run every minute. A
 * {@code @Scheduled} method hands its work over and returns at once; the job counts as <em>running</em> until the work
 * ends, and its success is recorded in {@link JobHealth} only when the work ends without an error.
 */
public interface LongJobs {

    /**
     * Runs {@code work} on the long-job executor. Called from a {@code @Scheduled} method, the work belongs to that job:
     * while a previous run of the same job is still going this round is skipped (false), and the scheduler's own run
     * no longer counts as the job's success.
     *
     * @return false when the job's previous run is still going (nothing handed over)
     * @throws org.springframework.core.task.TaskRejectedException when the executor's queue is full
     */
    boolean handOff(Runnable work);
}
