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
 */
public record CustomerSearch(String text, Long unitId, AcquisitionChannel channel, LocalDate createdFrom, LocalDate createdTo) {

    public static CustomerSearch text(String text) {
        return new CustomerSearch(text, null, null, null, null);
    }
}
