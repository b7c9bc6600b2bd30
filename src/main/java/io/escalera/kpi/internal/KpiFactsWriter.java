package io.escalera.kpi.internal;

import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.customer.CustomerSegments;
import io.escalera.kpi.internal.FactSources.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the daily facts of some days from the base tables ({@link FactSources}), rolls their months up again and
 * drops what was kept of the old facts (the histograms of ended periods, the kept percentiles of changed months). The
 * callers hold the facts lock and the transaction ({@code KpiRebuilds}).
 */
@Component
public class KpiFactsWriter {

    private final JdbcClient jdbc;
    private final CustomerSegmentFilters segments;
    private final CustomerActivityFacts customers;
    private final ClosedPeriodHistograms closedPeriods;
    private final PercentileMemo percentiles;

    KpiFactsWriter(JdbcClient jdbc, CustomerSegmentFilters segments, CustomerActivityFacts customers,
                   ClosedPeriodHistograms closedPeriods, PercentileMemo percentiles) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.customers = customers;
        this.closedPeriods = closedPeriods;
        this.percentiles = percentiles;
    }

    /** Replaces the facts of the days in [from, to], over every customer and per tier. @return rows written */
    public int rebuild(LocalDate from, LocalDate to) {
        return rebuild(FactSlice.ALL, from, to) + rebuild(FactSlice.TIER, from, to) + customers.rebuild(from, to);
    }

    /**
     * Replaces the facts over every customer of the days in [from, to] (the nightly rebuild), and the customer facts
     * (whose tiers only regroup what every customer adds). @return rows written
     */
    public int rebuildUntiered(LocalDate from, LocalDate to) {
        return rebuild(FactSlice.ALL, from, to) + customers.rebuild(from, to);
    }

    /**
     * Takes every customer's tier from the value module's last run and rebuilds the tiered facts of the days in
     * [from, to] with them. @return rows written
     */
    public int rebuildTiered(LocalDate from, LocalDate to) {
        segments.snapshot(CustomerSegments.VALUE_TIERS, "kpi_customer_tier");
        return rebuild(FactSlice.TIER, from, to) + customers.rebuild(from, to);
    }

    /** The first day any base table has data for, or null when there is none. */
    public LocalDate firstDay() {
        return jdbc.sql("""
                        SELECT LEAST(COALESCE((SELECT MIN(order_date) FROM customer_order), '9999-12-31'),
                                     COALESCE((SELECT DATE(MIN(answered_at)) FROM feedback), '9999-12-31'),
                                     COALESCE((SELECT DATE(MIN(opened_at)) FROM complaint_case), '9999-12-31'),
                                     COALESCE((SELECT DATE(MIN(occurred_at)) FROM interaction), '9999-12-31'))""")
                .query(Date.class).optional().map(Date::toLocalDate).filter(d -> d.getYear() < 9999).orElse(null);
    }

    private int rebuild(FactSlice slice, LocalDate from, LocalDate to) {
        closedPeriods.clear();
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        Map<YearMonth, String> minutesBefore = minuteChecksums(slice, first, last);
        jdbc.sql("DELETE FROM " + slice.daily + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        jdbc.sql("DELETE FROM " + slice.minutes + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        jdbc.sql("DELETE FROM " + slice.scores + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        Map<String, Object> days = KpiFacts.days(from, to);
        int rows = jdbc.sql("INSERT INTO " + slice.scores + " (day, unit_id, channel" + slice.column() + ", kind, score, answers) "
                + FactSources.SCORES.sql(slice)).params(days).update();
        for (Source source : FactSources.SUMS) {
            rows += jdbc.sql("INSERT INTO " + slice.daily + " (day, unit_id, channel" + slice.column() + ", measure, value) " + source.sql(slice))
                    .params(days).update();
        }
        for (Source source : FactSources.MINUTES) {
            rows += jdbc.sql("INSERT INTO " + slice.minutes + " (day, unit_id, channel" + slice.column() + ", measure, minutes, cases) "
                    + source.sql(slice)).params(days).update();
        }
        rollUpMonths(slice, from, to);
        // after the new facts are in: the kept percentiles of months whose minutes changed are dropped (no percentile is
        // being kept meanwhile: rebuilds and the keeping share the facts lock)
        Map<YearMonth, String> minutesAfter = minuteChecksums(slice, first, last);
        Set<YearMonth> changed = new TreeSet<>(minutesBefore.keySet());
        changed.addAll(minutesAfter.keySet());
        changed.removeIf(month -> Objects.equals(minutesBefore.get(month), minutesAfter.get(month)));
        percentiles.rebuilt(slice == FactSlice.TIER, changed);
        return rows;
    }

    /** The months touched are rolled up again from their days. */
    private void rollUpMonths(FactSlice slice, LocalDate from, LocalDate to) {
        Date firstMonth = Date.valueOf(from.withDayOfMonth(1));
        Date lastMonth = Date.valueOf(to.withDayOfMonth(1));
        jdbc.sql("DELETE FROM " + slice.monthly + " WHERE month BETWEEN ? AND ?").params(firstMonth, lastMonth).update();
        jdbc.sql("INSERT INTO " + slice.monthly + " (" + slice.leadingColumn() + "month, unit_id, channel, measure, value) SELECT "
                        + slice.leadingColumn() + "DATE_FORMAT(day, '%Y-%m-01'), unit_id, channel, measure, SUM(value) FROM " + slice.daily
                        + " WHERE day BETWEEN ? AND ? GROUP BY " + (slice == FactSlice.ALL ? "1, 2, 3, 4" : "1, 2, 3, 4, 5"))
                .params(firstMonth, Date.valueOf(to.withDayOfMonth(to.lengthOfMonth()))).update();
    }

    /** A checksum of the minute facts of each month in [first, last]: a rebuild that writes the same rows keeps it. */
    private Map<YearMonth, String> minuteChecksums(FactSlice slice, Date first, Date last) {
        Map<YearMonth, String> sums = new HashMap<>();
        jdbc.sql("SELECT EXTRACT(YEAR_MONTH FROM day), CONCAT_WS('/', COUNT(*), SUM(cases), SUM(minutes * cases), BIT_XOR(CRC32(CONCAT_WS('|', day, unit_id, channel, measure, minutes, cases"
                        + slice.column() + ")))) FROM " + slice.minutes + " WHERE day BETWEEN ? AND ? GROUP BY 1")
                .params(first, last).query(rs -> {
                    int yearMonth = rs.getInt(1);
                    sums.put(YearMonth.of(yearMonth / 100, yearMonth % 100), rs.getString(2));
                });
        return sums;
    }
}
