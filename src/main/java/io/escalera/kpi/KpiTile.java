package io.escalera.kpi;

import java.util.List;

/**
 * One KPI on a board.
 *
 * @param value     this period's value (null: nothing to count, or not available yet)
 * @param previous  the period before
 * @param yearEarlier the same period a year earlier
 * @param trend     the last twelve periods, oldest first, ending with this one (nulls where nothing was counted;
 *                  percentiles are read for this period and the one before only)
 * @param target    the target set for this KPI, period and filter, or null
 */
public record KpiTile(Kpi kpi, Double value, Double previous, Double yearEarlier, List<Double> trend, KpiTarget target) {

    /** Where the value stands against the target, or null without one (or without a value). */
    public KpiTarget.Status status() {
        return target == null ? null : target.statusOf(value);
    }

    /** The change against another value, or null when either is missing. */
    public static Double change(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }
}
