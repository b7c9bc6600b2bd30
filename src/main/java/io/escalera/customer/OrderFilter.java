package io.escalera.customer;

import java.time.LocalDate;

/**
 * The order list's filters; null means "any".
 *
 * @param late       delivered after the promised date
 * @param incomplete delivered, but not in full
 * @param returned   with a returned amount
 */
public record OrderFilter(LocalDate from, LocalDate to, Long unitId, SalesChannel channel, boolean late,
                          boolean incomplete, boolean returned) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, false, false, false);
    }
}
