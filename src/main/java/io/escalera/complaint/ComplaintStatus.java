package io.escalera.complaint;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a case: NEW → ASSIGNED → IN_PROGRESS ⇄ WAITING_CUSTOMER → RESOLVED → CLOSED, and REOPENED from
 * RESOLVED or CLOSED (then back to IN_PROGRESS). Resolving is possible from IN_PROGRESS and from WAITING_CUSTOMER
 * (a customer who never answers). The service refuses any other move.
 */
public enum ComplaintStatus {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED, REOPENED;

    public Set<ComplaintStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED);
            case ASSIGNED, REOPENED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(WAITING_CUSTOMER, RESOLVED);
            case WAITING_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
        };
    }

    public boolean canMoveTo(ComplaintStatus target) {
        return next().contains(target);
    }

    /** Still being worked: not RESOLVED and not CLOSED. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public static Set<ComplaintStatus> openStatuses() {
        return EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_CUSTOMER, REOPENED);
    }
}
