package io.escalera.complaint;

/** The complaint list's queues. */
public enum ComplaintQueue {
    /** Open cases assigned to me. */
    MINE,
    /** Every case of my unit (and the units below it), any status unless filtered. */
    UNIT,
    /** Open cases nobody has taken yet. */
    UNASSIGNED,
    /** Open cases past a due time or within the "due soon" window. */
    AT_RISK
}
