package io.escalera.feedback;

import java.time.Instant;

/** An answer as the answers list shows it: with its customer's name (null for an anonymous answer). */
public record AnswerRow(long id, Instant answeredAt, FeedbackKind kind, int score, String comment, FeedbackSource source,
                        Touchpoint touchpoint, Long customerId, String customerName) {
}
