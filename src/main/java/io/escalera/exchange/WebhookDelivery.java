package io.escalera.exchange;

import java.time.Instant;

/** One event sent (or to be sent) to one endpoint: the delivery log's row. */
public record WebhookDelivery(long id, long endpointId, String eventType, String payload, Status status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                              String lastError, Instant deliveredAt) {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }
}
