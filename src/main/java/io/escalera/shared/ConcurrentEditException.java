package io.escalera.shared;

/**
 * Somebody else saved the same record since it was loaded. The UI offers to reload or overwrite; nothing is
 * silently lost.
 */
public class ConcurrentEditException extends RuntimeException {

    private final String changedBy;

    public ConcurrentEditException(String recordType, Object id, String changedBy) {
        super(recordType + " " + id + " was changed by " + changedBy + " meanwhile");
        this.changedBy = changedBy;
    }

    public String changedBy() {
        return changedBy;
    }
}
