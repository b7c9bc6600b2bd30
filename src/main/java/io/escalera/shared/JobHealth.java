package io.escalera.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The recurring jobs of this node and when each last finished without an error. Every {@code @Scheduled} method is
 * watched without any code of its own (its period is read from its schedule and each successful run is reported by
 * the scheduler's observation); other recurring work calls {@link #expect} once and {@link #ran} after each success.
 * A job is <em>overdue</em> when it has not succeeded for more than twice its period: the health endpoint then says
 * DOWN and the gauge {@code escalera.job.since.success} (seconds, tag {@code job}) shows the lag.
 */
public interface JobHealth {

    /** Watches {@code job}, expected to succeed at least every {@code period}; counted from now until it first runs. */
    void expect(String job, Duration period);

    /** Records a successful run of {@code job} now. */
    void ran(String job);

    /** The watched jobs, by name. */
    List<Job> jobs();

    /**
     * @param lastRun     when its last run started (null until it first runs on this node); a run handed to the long-job
     *                    executor ({@link LongJobs}) lasts until that work ends
     * @param running     a run has started and not yet ended
     * @param lastSuccess null until the job first succeeds on this node
     * @param lag         time since the last success (or since it was first expected)
     */
    record Job(String name, Duration period, Instant lastRun, boolean running, Instant lastSuccess, Duration lag,
               boolean overdue) {
    }
}
