package io.escalera.feedback;

/** Why an invitation exists: made by hand, or by one of the rules. */
public enum InvitationOrigin {
    STAFF, AFTER_DELIVERY, AFTER_RESOLUTION, RELATIONSHIP
}
