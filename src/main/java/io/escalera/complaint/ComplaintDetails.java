package io.escalera.complaint;

import io.escalera.interaction.InteractionChannel;

import java.time.Instant;

/**
 * One case with every field of the brief. Durations are in minutes, net of the time spent waiting for the customer.
 *
 * @param version what a change must name, so that nobody overwrites a change they have not seen
 */
public record ComplaintDetails(long id, long customerId, String customerName, long unitId, String unitName,
                               Instant openedAt, String openedByName, InteractionChannel channel,
                               ComplaintCategory category, Severity severity, Long orderId, String orderExternalId,
                               String description, ComplaintStatus status, String assignee, String assigneeName,
                               Instant responseDueAt, Instant resolutionDueAt, Instant firstResponseAt,
                               Integer firstResponseMinutes, Instant pausedSince, int pausedMinutes, Instant resolvedAt,
                               Integer resolutionMinutes, String resolution, Long rootCauseId, String rootCauseName,
                               Instant closedAt, Instant responseBreachedAt, Instant resolutionBreachedAt,
                               int reopenedCount, Long sourceInteractionId, String updatedByName, Instant updatedAt,
                               long version, SlaState sla) {
}
