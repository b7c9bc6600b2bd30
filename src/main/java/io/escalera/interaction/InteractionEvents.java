package io.escalera.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** Domain events of the interaction module. */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    public record InteractionLogged(long interactionId, long customerId, InteractionChannel channel, Direction direction,
                                    Instant at, boolean resolvedFirstContact) {
    }

    /**
     * Contacts imported in bulk (one event for the whole file, not one per row): the days they fall on, first and
     * last (old days of changed contacts included), and how many were created and changed.
     */
    public record InteractionsImported(long importId, LocalDate from, LocalDate to, long created, long updated) {
    }
}
