package io.escalera.exchange;

import java.time.Instant;
import java.util.Set;

/** Where events are POSTed, which ones, and whether it is on. The secret is not part of what lists show. */
public record WebhookEndpoint(long id, String url, Set<WebhookEvent> events, boolean active, String createdBy,
                             Instant createdAt, long version) {
}
