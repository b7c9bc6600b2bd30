package io.escalera.feedback;

import java.time.Instant;

/**
 * A closed-loop follow-up of an unhappy answer, in the queue of the customer's unit.
 *
 * @param withinSla for a closed follow-up, whether it was closed by its due time; null while open
 */
public record LoopFollowUp(long id, long feedbackId, Long customerId, Long unitId, String customerName, FeedbackKind kind, int score,
                           String comment, Instant openedAt, Instant dueAt, Instant closedAt, FollowUpOutcome outcome,
                           String notes, String closedByName, Long complaintId, long version, Boolean withinSla) {

    public boolean open() {
        return closedAt == null;
    }
}
