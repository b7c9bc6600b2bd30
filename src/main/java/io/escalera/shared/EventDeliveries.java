package io.escalera.shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Domain events handled after commit are delivered at least once: each publication to a listener is stored (Spring
 * Modulith's registry), republished at start, and retried on a timer when it failed, up to a number of attempts. A
 * publication that still fails after the last attempt is a <em>dead letter</em>: it stays in the registry, is no
 * longer retried and is listed here (and logged) for an operator to look into.
 */
public interface EventDeliveries {

    /** The dead letters, oldest first (at most {@code limit}). */
    List<DeadLetter> deadLetters(int limit);

    long deadLetterCount();

    record DeadLetter(UUID id, String listener, String eventType, Instant publishedAt, int attempts) {
    }
}
