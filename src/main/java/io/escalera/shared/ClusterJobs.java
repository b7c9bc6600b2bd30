package io.escalera.shared;

import java.time.Duration;

/**
 * Work that must run on one node at a time when the application runs on several: otherwise every node mails the same
 * pending survey invitations, marks the same SLA breaches and runs each nightly recompute, and two full recomputes
 * swap tables under each other.
 */
public interface ClusterJobs {

    /**
     * Runs {@code work} on this node unless a run of the same job is going on (on any node, this one included), which
     * is then skipped here (the next schedule tries again). A run longer than {@code atMost} loses its lock: its node
     * is presumed stuck. Call it outside a transaction.
     *
     * @return whether the work ran here
     */
    boolean runAlone(String job, Duration atMost, Runnable work);

    /**
     * Runs {@code work} under the job's lock, waiting (up to {@code maxWait}) for a run of the same job on any node to
     * end: work that must happen (a rule change, an import's recompute, a "recompute now") is never skipped. With
     * {@code coalesce}, a run of the job that <em>started after this call</em> and completed while it waited has done
     * this work too, and it returns without running again: several triggers during one run make one run after it,
     * not one each. Call it outside a transaction.
     *
     * @return whether the work ran here (false: a later run did it)
     * @throws ActionRefusedException {@code job.busy} when the job stayed locked for {@code maxWait}
     */
    boolean runQueued(String job, Duration atMost, Duration maxWait, boolean coalesce, Runnable work);
}
