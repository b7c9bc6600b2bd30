package io.escalera.value;

/** The satisfaction side of the value × satisfaction matrix: the customer's latest NPS answer ever, or none. */
public enum NpsBand {
    PROMOTER, PASSIVE, DETRACTOR, NONE;

    public static NpsBand ofScore(Integer score) {
        return score == null ? NONE : score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
