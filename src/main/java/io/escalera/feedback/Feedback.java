package io.escalera.feedback;

import java.time.Instant;

/** One answer with every field of the brief; {@code customerId} is null for an anonymous answer. */
public record Feedback(long id, Long customerId, Instant answeredAt, FeedbackKind kind, int score, String comment,
                       FeedbackSource source, Touchpoint touchpoint, Long orderId, Long interactionId, Long complaintId,
                       String recordedByName) {
}
