package io.escalera.complaint;

/** A compensation above the STAFF limit waits for a MANAGER's approval; only GRANTED ones count as cost. */
public enum CompensationStatus {
    GRANTED, PENDING_APPROVAL, REJECTED
}
