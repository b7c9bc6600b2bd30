package io.escalera.interaction;

import java.time.Instant;

/** Domain events of the interaction module. */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    public record InteractionLogged(long interactionId, long customerId, InteractionChannel channel, Direction direction,
                                    Instant at, boolean resolvedFirstContact) {
    }
}
