package io.escalera.value;

/** A: the top 20 % of buying customers by economic + strategic value; B: the next 30 %; C: the rest. */
public enum ValueTier {
    A, B, C;

    /** Its key as a customer segment (a filter of the lists and reports). */
    public String segmentKey() {
        return "tier-" + name();
    }

    /** Its name for people, e.g. "Value tier A (top 20 %)". */
    public String labelKey() {
        return "segment.tier-" + name();
    }
}
