package io.escalera.value;

/** A: the top 20 % of buying customers by economic + strategic value; B: the next 30 %; C: the rest. */
public enum ValueTier {
    A, B, C;

    /** Its name for people, e.g. "Value tier A (top 20 %)". */
    public String labelKey() {
        return "segment.tier-" + name();
    }
}
