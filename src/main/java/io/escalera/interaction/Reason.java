package io.escalera.interaction;

import io.escalera.shared.NamedEntry;

/** Why the customer contacted us; retired reasons stay on old interactions but are not offered any more. */
public record Reason(long id, String name, boolean retired, long version) implements NamedEntry {
}
