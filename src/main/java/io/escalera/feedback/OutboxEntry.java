package io.escalera.feedback;

import java.time.Instant;
import java.util.List;

/** An unanswered invitation as the outbox shows it. */
public record OutboxEntry(long id, long customerId, String customerName, String email, List<FeedbackKind> kinds,
                          InvitationOrigin origin, Instant createdAt, Instant sentAt, Instant remindedAt, Instant expiresAt,
                          String lastError) {
}
