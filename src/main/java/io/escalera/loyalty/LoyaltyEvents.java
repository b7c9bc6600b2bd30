package io.escalera.loyalty;

import java.time.Instant;

/** What the loyalty module announces. */
public final class LoyaltyEvents {

    private LoyaltyEvents() {
    }

    /**
     * The nightly full recompute of the ladder ran to its end on this node (a night skipped because another run was
     * going on announces nothing): the nightly work that reads the stages — customer values — follows it.
     *
     * @param changed customers whose stage changed
     */
    public record NightlyRecomputeEnded(Instant at, int changed) {
    }
}
