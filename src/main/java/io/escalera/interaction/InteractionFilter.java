package io.escalera.interaction;

import java.time.LocalDate;

/** The interaction list's filters; null or false means "any". */
public record InteractionFilter(LocalDate from, LocalDate to, Long unitId, InteractionChannel channel, Long reasonId,
                                Direction direction, Boolean resolvedFirstContact, String handledBy) {

    public static InteractionFilter none() {
        return new InteractionFilter(null, null, null, null, null, null, null, null);
    }
}
