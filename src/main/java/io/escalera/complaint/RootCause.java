package io.escalera.complaint;

/** A cause or (with a parent) a sub-cause of the root-cause taxonomy. */
public record RootCause(long id, Long parentId, String name, boolean retired, long version) {

    public boolean isCause() {
        return parentId == null;
    }
}
