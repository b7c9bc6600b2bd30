package io.escalera.complaint;

/** What the SLA clock says about a case right now, as the lists and the case page show it. */
public enum SlaState {
    /** Open, every due time more than the "due soon" window away. */
    ON_TRACK,
    /** Open, a due time within the "due soon" window. */
    DUE_SOON,
    /** Open (or resolved) past a due time. */
    BREACHED,
    /** Waiting for the customer: the resolution clock is stopped. */
    PAUSED,
    /** Resolved within the resolution target. */
    MET
}
