package io.escalera.loyalty;

import io.escalera.customer.AcquisitionChannel;

import java.time.LocalDate;

/**
 * Which customers a ladder report covers.
 *
 * @param unitId     a unit and the units below it (a region rolls up its stores), or null for the user's own lists
 * @param allUnits   widen to every unit, where the user may
 * @param channel    acquisition channel, or null for any
 * @param cohortFrom registered on or after this day (an acquisition month or quarter), or null
 * @param cohortTo   registered on or before this day, or null
 * @param segment    a contributed customer segment (e.g. value tier A), or null for every customer
 */
public record LadderFilter(Long unitId, boolean allUnits, AcquisitionChannel channel, LocalDate cohortFrom, LocalDate cohortTo,
                           String segment) {

    public LadderFilter(Long unitId, boolean allUnits, AcquisitionChannel channel, LocalDate cohortFrom, LocalDate cohortTo) {
        this(unitId, allUnits, channel, cohortFrom, cohortTo, null);
    }

    public static LadderFilter everyone() {
        return new LadderFilter(null, false, null, null, null);
    }
}
