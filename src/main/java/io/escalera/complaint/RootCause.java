package io.escalera.complaint;

import io.escalera.shared.NamedEntry;

/** A cause or (with a parent) a sub-cause of the root-cause taxonomy. */
public record RootCause(long id, Long parentId, String name, boolean retired, long version) implements NamedEntry {

    public boolean isCause() {
        return parentId == null;
    }
}
