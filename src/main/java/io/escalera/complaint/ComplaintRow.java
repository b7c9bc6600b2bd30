package io.escalera.complaint;

import io.escalera.interaction.InteractionChannel;

import java.time.Instant;

/** A case as the queues show it. */
public record ComplaintRow(long id, long customerId, String customerName, Instant openedAt, InteractionChannel channel,
                           ComplaintCategory category, Severity severity, ComplaintStatus status, String assignee,
                           String assigneeName, String unitName, Instant nextDueAt, SlaState sla) {
}
