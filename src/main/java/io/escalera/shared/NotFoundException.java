package io.escalera.shared;

/**
 * A record does not exist, or exists outside what the current user may see: both answer the same, so that nothing
 * leaks the existence of records of other units.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
