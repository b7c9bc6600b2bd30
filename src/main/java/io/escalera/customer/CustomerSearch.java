package io.escalera.customer;

import java.time.LocalDate;

/**
 * The customer list's search: one text (code, name, email or phone, recognised by its shape) and filters.
 *
 * @param text         blank for everybody
 * @param unitId       only customers of this home unit (and units below it), or null
 * @param channel      acquisition channel, or null
 * @param createdFrom  created on or after, or null
 * @param createdTo    created on or before, or null
 * @param allUnits     widen from the user's own unit to all units, where the user may
 * @param segment      a contributed {@link CustomerSegments} segment (e.g. value tier A), or null
 */
public record CustomerSearch(String text, Long unitId, AcquisitionChannel channel, LocalDate createdFrom, LocalDate createdTo,
                             boolean allUnits, String segment) {

    public CustomerSearch(String text, Long unitId, AcquisitionChannel channel, LocalDate createdFrom, LocalDate createdTo,
                          boolean allUnits) {
        this(text, unitId, channel, createdFrom, createdTo, allUnits, null);
    }

    public CustomerSearch(String text, Long unitId, AcquisitionChannel channel, LocalDate createdFrom, LocalDate createdTo) {
        this(text, unitId, channel, createdFrom, createdTo, false, null);
    }

    public static CustomerSearch text(String text) {
        return new CustomerSearch(text, null, null, null, null, false, null);
    }
}
