package io.escalera.shared;

import java.time.Duration;

/**
 * Scheduled work that must run on one node at a time when the application runs on several: otherwise every node
 * mails the same pending survey invitations, marks the same SLA breaches and runs each nightly recompute.
 */
public interface ClusterJobs {

    /**
     * Runs {@code work} on this node unless another node is running the same job, which is then skipped here (the
     * next schedule tries again). A lock held longer than {@code atMost} is taken over: its node is presumed gone.
     * Call it outside a transaction.
     *
     * @return whether the work ran here
     */
    boolean runAlone(String job, Duration atMost, Runnable work);
}
