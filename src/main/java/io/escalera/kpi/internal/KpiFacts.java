package io.escalera.kpi.internal;

import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.internal.FactSources.Source;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads of the daily facts the boards show: sums per measure, minute histograms and score counts over some days and a
 * board filter, from the summary tables — or, for the benchmark and the equality test, the same computed straight
 * from the base tables ({@link FactSources}). Every KPI is a ratio of these sums, or a percentile of the minute
 * histograms. The facts are written by {@link KpiFactsWriter}.
 */
@Component
public class KpiFacts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClosedPeriodHistograms closedPeriods;
    private final PercentileMemo percentiles;

    KpiFacts(JdbcClient jdbc, Clock clock, ClosedPeriodHistograms closedPeriods, PercentileMemo percentiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.closedPeriods = closedPeriods;
        this.percentiles = percentiles;
    }

    /** Forgets the cached histograms and kept percentiles of ended periods (the benchmark measures first views with it). */
    public void forgetCachedHistograms() {
        closedPeriods.clear();
        percentiles.forgetAll();
    }

    /** Sums per month and measure over whole months [fromMonth, toMonth], from the monthly roll-up. */
    public Map<YearMonth, Map<String, BigDecimal>> monthlySums(YearMonth fromMonth, YearMonth toMonth,
                                                                         KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("firstMonth", Date.valueOf(fromMonth.atDay(1)));
        params.put("lastMonth", Date.valueOf(toMonth.atDay(1)));
        String where = filterSql("d", filter, units, params);
        Map<YearMonth, Map<String, BigDecimal>> sums = new TreeMap<>();
        jdbc.sql("SELECT d.month, d.measure, SUM(d.value) FROM " + FactSlice.of(filter).monthly + " d WHERE d.month BETWEEN :firstMonth AND :lastMonth" + where
                        + " GROUP BY d.month, d.measure")
                .params(params).query((rs, n) -> sums.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), k -> new HashMap<>())
                        .put(rs.getString(2), money(rs.getBigDecimal(3)))).list();
        return sums;
    }


    /** Sums per measure over the days and filter, from the summary table. */
    public Map<String, BigDecimal> sums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("SELECT d.measure, SUM(d.value) FROM " + FactSlice.of(filter).daily + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where + " GROUP BY d.measure")
                .params(params).query((rs, n) -> sums.put(rs.getString(1), money(rs.getBigDecimal(2)))).list();
        return sums;
    }

    /** The same sums computed from the base tables (what the summary saves; the benchmark and a test compare them). */
    public Map<String, BigDecimal> rawSums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Source source : FactSources.SUMS) {
            Map<String, Object> params = days(from, to);
            String where = filterSql("x", filter, units, params);
            jdbc.sql("SELECT x.measure, SUM(x.value) FROM (" + source.sql(FactSlice.of(filter)) + ") x WHERE 1 = 1" + where + " GROUP BY x.measure")
                    .params(params).query((rs, n) -> sums.merge(rs.getString(1), money(rs.getBigDecimal(2)), BigDecimal::add)).list();
        }
        return sums;
    }

    /** Sums per unit and measure (unit comparison), from the summary table. */
    public Map<Long, Map<String, BigDecimal>> sumsByUnit(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<Long, Map<String, BigDecimal>> sums = new TreeMap<>();
        jdbc.sql("SELECT d.unit_id, d.measure, SUM(d.value) FROM " + FactSlice.of(filter).daily + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where
                        + " GROUP BY d.unit_id, d.measure")
                .params(params).query((rs, n) -> sums.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), money(rs.getBigDecimal(3)))).list();
        return sums;
    }

    /** Minute histograms per unit, from the summary table. */
    public Map<Long, Map<String, TreeMap<Long, Long>>> minutesByUnit(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<Long, Map<String, TreeMap<Long, Long>>> histograms = new TreeMap<>();
        jdbc.sql("SELECT d.unit_id, d.measure, d.minutes, SUM(d.cases) FROM " + FactSlice.of(filter).minutes + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where
                        + " GROUP BY d.unit_id, d.measure, d.minutes")
                .params(params).query((rs, n) -> histograms.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).merge(rs.getLong(3), rs.getLong(4), Long::sum)).list();
        return histograms;
    }

    /** Minute histograms (measure → minutes → cases) over the days and filter, from the summary table. */
    public Map<String, TreeMap<Long, Long>> minutes(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        if (!to.isBefore(LocalDate.now(clock))) {
            return readMinutes(from, to, filter, units);
        }
        // keyed by the facts' generation: a rebuild on another node makes this node read the histograms again
        String key = percentiles.generation() + "|" + from + "|" + to + "|" + PercentileMemo.scopeText(filter, units);
        return closedPeriods.get(key, () -> readMinutes(from, to, filter, units));
    }


    /** Minute histograms over the days and filter, read now (not kept in the cache of ended periods). */
    public Map<String, TreeMap<Long, Long>> readMinutes(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        // grouped by the measure's bytes: a year's histogram keyed by the collated text outgrew the in-memory temporary
        // table and went to disk (a year over all units 0.3-0.5 s; 0.2 s so)
        jdbc.sql("SELECT MIN(d.measure), d.minutes, SUM(d.cases) FROM " + FactSlice.of(filter).minutes + " d WHERE d.day BETWEEN :firstDay AND :lastDay"
                        + where + " GROUP BY CAST(d.measure AS BINARY), d.minutes")
                .params(params).query((rs, n) -> histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .merge(rs.getLong(2), rs.getLong(3), Long::sum)).list();
        return histograms;
    }

    public Map<String, TreeMap<Long, Long>> rawMinutes(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        for (Source source : FactSources.MINUTES) {
            Map<String, Object> params = days(from, to);
            String where = filterSql("x", filter, units, params);
            jdbc.sql("SELECT x.measure, x.minutes, SUM(x.cases) FROM (" + source.sql(FactSlice.of(filter)) + ") x WHERE 1 = 1" + where + " GROUP BY x.measure, x.minutes")
                    .params(params).query((rs, n) -> histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .merge(rs.getLong(2), rs.getLong(3), Long::sum)).list();
        }
        return histograms;
    }

    /** Answers per kind and score over the days and filter, from the summary table. */
    public Map<String, TreeMap<Integer, Long>> scores(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        return readScores("SELECT d.kind, d.score, SUM(d.answers) FROM " + FactSlice.of(filter).scores + " d WHERE d.day BETWEEN :firstDay AND :lastDay"
                + where + " GROUP BY d.kind, d.score", params);
    }

    /** The same from the base tables. */
    public Map<String, TreeMap<Integer, Long>> rawScores(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("x", filter, units, params);
        return readScores("SELECT x.kind, x.score, SUM(x.answers) FROM (" + FactSources.SCORES.sql(FactSlice.of(filter)) + ") x WHERE 1 = 1" + where
                + " GROUP BY x.kind, x.score", params);
    }

    private Map<String, TreeMap<Integer, Long>> readScores(String sql, Map<String, Object> params) {
        Map<String, TreeMap<Integer, Long>> scores = new TreeMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> scores.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                .put(rs.getInt(2), rs.getLong(3))).list();
        return scores;
    }

    /** Sums are counts or money: two decimals, so that sums from either path compare equal. */
    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String filterSql(String alias, KpiFilter filter, Set<Long> units, Map<String, Object> params) {
        return conditions(alias + ".unit_id", alias + ".channel", alias + ".tier", filter, units, params);
    }

    /**
     * A board filter as SQL conditions (" AND …") on the given unit, channel and tier columns, its values put in
     * {@code params}; a null channel column leaves the channel out (facts that have none).
     */
    static String conditions(String unitColumn, String channelColumn, String tierColumn, KpiFilter filter, Set<Long> units,
                             Map<String, Object> params) {
        StringBuilder where = new StringBuilder(UnitCondition.and(unitColumn, units));
        if (channelColumn != null && filter.channel() != null) {
            where.append(" AND ").append(channelColumn).append(" = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.tier() != null) {
            where.append(" AND ").append(tierColumn).append(" = :tier");
            params.put("tier", filter.tier().segmentKey());
        }
        return where.toString();
    }

    static Map<String, Object> days(LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        params.put("firstDay", Date.valueOf(from));
        params.put("lastDay", Date.valueOf(to));
        return params;
    }
}
