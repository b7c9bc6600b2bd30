package io.escalera.value;

import java.time.Instant;

/** Domain events of the value module. */
public final class ValueEvents {

    private ValueEvents() {
    }

    /**
     * Every customer's value, tier, RFM and risk were computed again (nightly, on demand, after a rule change or a
     * generated data set): reports that slice by tier take the new tiers from here.
     */
    public record ValuesRecomputed(Instant at) {
    }
}
