package io.escalera.customer;

import java.time.LocalDate;

/**
 * The order list's filters; null means "any".
 *
 * @param late       delivered after the promised date
 * @param incomplete delivered, but not in full
 * @param returned   with a returned amount
 * @param allUnits   widen from the user's own unit to all units, where the user may
 */
public record OrderFilter(LocalDate from, LocalDate to, Long unitId, SalesChannel channel, boolean late,
                          boolean incomplete, boolean returned, boolean allUnits) {

    public OrderFilter(LocalDate from, LocalDate to, Long unitId, SalesChannel channel, boolean late, boolean incomplete,
                       boolean returned) {
        this(from, to, unitId, channel, late, incomplete, returned, false);
    }

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, false, false, false, false);
    }
}
