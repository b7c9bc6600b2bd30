package io.escalera.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** An interaction as lists show it. */
public record InteractionRow(long id, long customerId, String customerName, Instant occurredAt, InteractionChannel channel,
                             Direction direction, String reason, String summary, boolean resolvedFirstContact, int minutes,
                             String handledBy, String handledByName, LocalDate followUpOn, Instant followUpDoneAt) {
}
