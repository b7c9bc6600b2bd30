package io.escalera.kpi.internal;

import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.kpi.KpiFilter;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The daily facts the boards read: one definition per base table of what it adds per day, unit and channel, used both
 * to fill the summary tables and — for the benchmark and the equality test — to compute the same sums straight from
 * the base tables. Every KPI is a ratio of these sums, or a percentile of the minute histograms.
 */
@Component
public class KpiFacts {

    /**
     * What a base table adds, grouped by day, unit and channel (and value tier, for the tiered facts); {@code :from}
     * and {@code :to} bound the day. The template marks where the tier goes: {@code {T}} its column in the grouping
     * select, {@code {G}} in its GROUP BY, {@code {g}} in the outer select, {@code {J alias}} the join to the
     * customers' tiers through the alias's customer id.
     */
    private record Source(String template) {

        String sql(Slice slice) {
            return slice.expand(template);
        }
    }

    /**
     * Which facts: over every customer, or per value tier (each customer's tier as of the value module's last full
     * run, kept in {@code kpi_customer_tier} so that facts and drill-downs agree).
     */
    enum Slice {
        ALL("kpi_daily", "kpi_minutes", "kpi_monthly", "kpi_scores", "", ""),
        TIER("kpi_tier_daily", "kpi_tier_minutes", "kpi_tier_monthly", "kpi_tier_scores", "tier, ", ", tier");

        final String daily;
        final String minutes;
        final String monthly;
        final String scores;
        /** the tier column first in the monthly roll-up; after the channel in the facts */
        final String leadingColumn;
        final String column;

        Slice(String daily, String minutes, String monthly, String scores, String leadingColumn, String column) {
            this.daily = daily;
            this.minutes = minutes;
            this.monthly = monthly;
            this.scores = scores;
            this.leadingColumn = leadingColumn;
            this.column = column;
        }

        static Slice of(KpiFilter filter) {
            return filter.tier() == null ? ALL : TIER;
        }

        String expand(String template) {
            if (this == ALL) {
                return template.replace("{g}", "").replace("{T}", "").replace("{G}", "").replaceAll("\\{J \\w+}", "");
            }
            // a customer without a tier (no value computed yet, an anonymous answer) is counted under '-'
            return template.replace("{g}", ", g.tier").replace("{T}", ", COALESCE(t.segment_key, '-') AS tier").replace("{G}", ", t.segment_key")
                    .replaceAll("\\{J (\\w+)}", " LEFT JOIN kpi_customer_tier t ON t.customer_id = $1.customer_id");
        }
    }

    /**
     * Follow-ups of unhappy answers, by the day they were opened (the answer's unit and order channel): opened, closed
     * within their due time, of known customers, and recovered (the feedback module's one definition). Closing and
     * recovery happen later: a closure marks the opening day again, recovery is brought up to date by the nightly rebuild.
     */
    private static final Source LOOP = new Source("""
            SELECT g.day, g.unit_id, g.channel{g}, m.measure,
                   CASE m.measure WHEN 'loop_opened' THEN g.opened WHEN 'loop_closed_in_sla' THEN g.closed_in_sla
                                  WHEN 'loop_known' THEN g.known ELSE g.recovered END AS value
            FROM (SELECT DATE(u.opened_at) AS day, COALESCE(u.unit_id, 0) AS unit_id, COALESCE(fo.channel, '') AS channel{T},
                         COUNT(*) AS opened, SUM(u.closed_at IS NOT NULL AND u.closed_at <= u.due_at) AS closed_in_sla,
                         SUM(u.customer_id IS NOT NULL) AS known, SUM(RECOVERED) AS recovered
                  FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id LEFT JOIN customer_order fo ON fo.id = f.order_id{J u}
                  WHERE u.opened_at >= :from AND u.opened_at < :to
                  GROUP BY DATE(u.opened_at), COALESCE(u.unit_id, 0), COALESCE(fo.channel, ''){G}) g
            JOIN (SELECT 'loop_opened' AS measure UNION ALL SELECT 'loop_closed_in_sla' UNION ALL SELECT 'loop_known'
                  UNION ALL SELECT 'loop_recovered') m""".replace("RECOVERED", io.escalera.feedback.LoopMeasures.recoveredCondition("u", "f")));

    /*
     * Each source groups its table once, all measures as columns (one pass over the rows), then turns the few grouped
     * rows into one row per measure.
     */
    private static final List<Source> SUMS = List.of(
            new Source("""
                    SELECT g.day, g.unit_id, g.channel{g}, m.measure,
                           CASE m.measure WHEN 'orders' THEN g.orders WHEN 'gross' THEN g.gross WHEN 'net' THEN g.net
                                          WHEN 'returned' THEN g.returned WHEN 'delivered' THEN g.delivered ELSE g.otif END AS value
                    FROM (SELECT o.order_date AS day, o.unit_id, o.channel{T}, COUNT(*) AS orders, SUM(o.gross_amount) AS gross,
                                 SUM(o.gross_amount - o.discount) AS net, SUM(o.returned_amount) AS returned,
                                 SUM(o.actual_delivery IS NOT NULL) AS delivered,
                                 SUM(o.actual_delivery IS NOT NULL AND (o.promised_delivery IS NULL OR o.actual_delivery <= o.promised_delivery)
                                     AND COALESCE(o.delivered_in_full, TRUE)) AS otif
                          FROM customer_order o{J o} WHERE o.order_date >= :from AND o.order_date < :to
                          GROUP BY o.order_date, o.unit_id, o.channel{G}) g
                    JOIN (SELECT 'orders' AS measure UNION ALL SELECT 'gross' UNION ALL SELECT 'net' UNION ALL SELECT 'returned'
                          UNION ALL SELECT 'delivered' UNION ALL SELECT 'otif') m"""),
            new Source("""
                    SELECT g.day, g.unit_id, g.channel{g}, m.measure,
                           CASE m.measure WHEN 'nps_answers' THEN g.nps_answers WHEN 'nps_promoters' THEN g.nps_promoters
                                          WHEN 'nps_detractors' THEN g.nps_detractors WHEN 'csat_answers' THEN g.csat_answers
                                          WHEN 'csat_sum' THEN g.csat_sum WHEN 'csat_top' THEN g.csat_top WHEN 'ces_answers' THEN g.ces_answers
                                          WHEN 'ces_sum' THEN g.ces_sum ELSE g.ces_top END AS value
                    FROM (SELECT DATE(f.answered_at) AS day, COALESCE(f.unit_id, 0) AS unit_id, COALESCE(o.channel, '') AS channel{T},
                                 SUM(f.kind = 'NPS') AS nps_answers, SUM(f.kind = 'NPS' AND f.score >= 9) AS nps_promoters,
                                 SUM(f.kind = 'NPS' AND f.score <= 6) AS nps_detractors,
                                 SUM(f.kind = 'CSAT') AS csat_answers, SUM(IF(f.kind = 'CSAT', f.score, 0)) AS csat_sum,
                                 SUM(f.kind = 'CSAT' AND f.score >= 4) AS csat_top,
                                 SUM(f.kind = 'CES') AS ces_answers, SUM(IF(f.kind = 'CES', f.score, 0)) AS ces_sum,
                                 SUM(f.kind = 'CES' AND f.score >= 5) AS ces_top
                          FROM feedback f LEFT JOIN customer_order o ON o.id = f.order_id{J f}
                          WHERE f.answered_at >= :from AND f.answered_at < :to
                          GROUP BY DATE(f.answered_at), COALESCE(f.unit_id, 0), COALESCE(o.channel, ''){G}) g
                    JOIN (SELECT 'NPS' AS kind, 'nps_answers' AS measure UNION ALL SELECT 'NPS', 'nps_promoters' UNION ALL SELECT 'NPS', 'nps_detractors'
                          UNION ALL SELECT 'CSAT', 'csat_answers' UNION ALL SELECT 'CSAT', 'csat_sum' UNION ALL SELECT 'CSAT', 'csat_top'
                          UNION ALL SELECT 'CES', 'ces_answers' UNION ALL SELECT 'CES', 'ces_sum' UNION ALL SELECT 'CES', 'ces_top') m
                      -- a kind with no answer that day adds no rows
                      ON CASE m.kind WHEN 'NPS' THEN g.nps_answers WHEN 'CSAT' THEN g.csat_answers ELSE g.ces_answers END > 0"""),
            new Source("""
                    SELECT DATE(k.opened_at) AS day, k.unit_id, k.channel{T}, 'cases_opened' AS measure, COUNT(*) AS value
                    FROM complaint_case k{J k} WHERE k.opened_at >= :from AND k.opened_at < :to
                    GROUP BY DATE(k.opened_at), k.unit_id, k.channel{G}"""),
            new Source("""
                    SELECT g.day, g.unit_id, g.channel{g}, m.measure, IF(m.measure = 'cases_resolved', g.resolved, g.in_sla) AS value
                    FROM (SELECT DATE(k.resolved_at) AS day, k.unit_id, k.channel{T}, COUNT(*) AS resolved,
                                 SUM(k.resolved_at <= k.resolution_due_at) AS in_sla
                          FROM complaint_case k{J k} WHERE k.resolved_at >= :from AND k.resolved_at < :to
                          GROUP BY DATE(k.resolved_at), k.unit_id, k.channel{G}) g
                    JOIN (SELECT 'cases_resolved' AS measure UNION ALL SELECT 'resolved_in_sla') m"""),
            new Source("""
                    SELECT DATE(c.granted_at) AS day, k.unit_id, k.channel{T}, 'compensation' AS measure, SUM(c.amount) AS value
                    FROM complaint_compensation c JOIN complaint_case k ON k.id = c.case_id{J k}
                    WHERE c.status = 'GRANTED' AND c.granted_at >= :from AND c.granted_at < :to
                    GROUP BY DATE(c.granted_at), k.unit_id, k.channel{G}"""),
            new Source("""
                    SELECT g.day, g.unit_id, g.channel{g}, m.measure, IF(m.measure = 'inbound', g.inbound, g.fcr) AS value
                    FROM (SELECT DATE(i.occurred_at) AS day, i.unit_id, i.channel{T}, COUNT(*) AS inbound,
                                 SUM(i.resolved_first_contact) AS fcr
                          FROM interaction i{J i} WHERE i.direction = 'IN' AND i.occurred_at >= :from AND i.occurred_at < :to
                          GROUP BY DATE(i.occurred_at), i.unit_id, i.channel{G}) g
                    JOIN (SELECT 'inbound' AS measure UNION ALL SELECT 'inbound_fcr') m"""), LOOP);

    /** How many answers gave each score, per kind (the Voice board's distributions). */
    private static final Source SCORES = new Source("""
            SELECT DATE(f.answered_at) AS day, COALESCE(f.unit_id, 0) AS unit_id, COALESCE(o.channel, '') AS channel{T}, f.kind, f.score,
                   COUNT(*) AS answers
            FROM feedback f LEFT JOIN customer_order o ON o.id = f.order_id{J f}
            WHERE f.answered_at >= :from AND f.answered_at < :to
            GROUP BY DATE(f.answered_at), COALESCE(f.unit_id, 0), COALESCE(o.channel, ''){G}, f.kind, f.score""");

    private static final List<Source> MINUTES = List.of(
            new Source("""
                    SELECT DATE(k.first_response_at) AS day, k.unit_id, k.channel{T}, 'first_response' AS measure,
                           k.first_response_minutes AS minutes, COUNT(*) AS cases
                    FROM complaint_case k{J k} WHERE k.first_response_minutes IS NOT NULL AND k.first_response_at >= :from AND k.first_response_at < :to
                    GROUP BY day, k.unit_id, k.channel{G}, minutes"""),
            new Source("""
                    SELECT DATE(k.resolved_at) AS day, k.unit_id, k.channel{T}, 'resolution' AS measure,
                           k.resolution_minutes AS minutes, COUNT(*) AS cases
                    FROM complaint_case k{J k} WHERE k.resolution_minutes IS NOT NULL AND k.resolved_at >= :from AND k.resolved_at < :to
                    GROUP BY day, k.unit_id, k.channel{G}, minutes"""));

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final CustomerSegmentFilters segments;
    private final CustomerActivityFacts customers;
    /**
     * Minute histograms of periods that have ended, kept a few minutes: they are the heaviest read of a board (a
     * year holds hundreds of thousands of distinct case minutes) and change only when their days are rebuilt.
     */
    private final Map<String, CachedHistograms> closedPeriods = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedHistograms(Map<String, TreeMap<Long, Long>> histograms, java.time.Instant until) {
    }

    static final java.time.Duration CLOSED_PERIOD_CACHE = java.time.Duration.ofMinutes(10);

    private final PercentileMemo percentiles;

    KpiFacts(JdbcClient jdbc, java.time.Clock clock, CustomerSegmentFilters segments, CustomerActivityFacts customers,
             PercentileMemo percentiles) {
        this.jdbc = jdbc;
        this.percentiles = percentiles;
        this.customers = customers;
        this.segments = segments;
        this.clock = clock;
    }

    /** Replaces the facts of the days in [from, to], over every customer and per tier. @return rows written */
    public int rebuild(LocalDate from, LocalDate to) {
        return rebuild(Slice.ALL, from, to) + rebuild(Slice.TIER, from, to) + customers.rebuild(from, to);
    }

    /**
     * Replaces the facts over every customer of the days in [from, to] (the nightly rebuild), and the customer facts
     * (whose tiers only regroup what every customer adds). @return rows written
     */
    public int rebuildUntiered(LocalDate from, LocalDate to) {
        return rebuild(Slice.ALL, from, to) + customers.rebuild(from, to);
    }

    /**
     * Takes every customer's tier from the value module's last run and rebuilds the tiered facts of the days in
     * [from, to] with them. @return rows written
     */
    public int rebuildTiered(LocalDate from, LocalDate to) {
        segments.snapshot(io.escalera.customer.CustomerSegments.VALUE_TIERS, "kpi_customer_tier");
        return rebuild(Slice.TIER, from, to) + customers.rebuild(from, to);
    }

    private int rebuild(Slice slice, LocalDate from, LocalDate to) {
        closedPeriods.clear();
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        Map<java.time.YearMonth, String> minutesBefore = minuteChecksums(slice, first, last);
        jdbc.sql("DELETE FROM " + slice.daily + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        jdbc.sql("DELETE FROM " + slice.minutes + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        jdbc.sql("DELETE FROM " + slice.scores + " WHERE day BETWEEN ? AND ?").params(first, last).update();
        int rows = jdbc.sql("INSERT INTO " + slice.scores + " (day, unit_id, channel" + slice.column + ", kind, score, answers) "
                + SCORES.sql(slice)).params(days(from, to)).update();
        for (Source source : SUMS) {
            rows += jdbc.sql("INSERT INTO " + slice.daily + " (day, unit_id, channel" + slice.column + ", measure, value) " + source.sql(slice))
                    .params(days(from, to)).update();
        }
        for (Source source : MINUTES) {
            rows += jdbc.sql("INSERT INTO " + slice.minutes + " (day, unit_id, channel" + slice.column + ", measure, minutes, cases) "
                    + source.sql(slice)).params(days(from, to)).update();
        }
        // the months touched are rolled up again from their days
        Date firstMonth = Date.valueOf(from.withDayOfMonth(1));
        Date lastMonth = Date.valueOf(to.withDayOfMonth(1));
        jdbc.sql("DELETE FROM " + slice.monthly + " WHERE month BETWEEN ? AND ?").params(firstMonth, lastMonth).update();
        jdbc.sql("INSERT INTO " + slice.monthly + " (" + slice.leadingColumn + "month, unit_id, channel, measure, value) SELECT "
                        + slice.leadingColumn + "DATE_FORMAT(day, '%Y-%m-01'), unit_id, channel, measure, SUM(value) FROM " + slice.daily
                        + " WHERE day BETWEEN ? AND ? GROUP BY " + (slice == Slice.ALL ? "1, 2, 3, 4" : "1, 2, 3, 4, 5"))
                .params(firstMonth, Date.valueOf(to.withDayOfMonth(to.lengthOfMonth()))).update();
        // after the new facts are in: the kept percentiles of months whose minutes changed are dropped (no percentile is
        // being kept meanwhile: rebuilds and the keeping share the facts lock)
        Map<java.time.YearMonth, String> minutesAfter = minuteChecksums(slice, first, last);
        java.util.Set<java.time.YearMonth> changed = new java.util.TreeSet<>(minutesBefore.keySet());
        changed.addAll(minutesAfter.keySet());
        changed.removeIf(month -> java.util.Objects.equals(minutesBefore.get(month), minutesAfter.get(month)));
        percentiles.rebuilt(slice == Slice.TIER, changed);
        return rows;
    }

    /** A checksum of the minute facts of each month in [first, last]: a rebuild that writes the same rows keeps it. */
    private Map<java.time.YearMonth, String> minuteChecksums(Slice slice, Date first, Date last) {
        Map<java.time.YearMonth, String> sums = new HashMap<>();
        jdbc.sql("SELECT EXTRACT(YEAR_MONTH FROM day), CONCAT_WS('/', COUNT(*), SUM(cases), SUM(minutes * cases), BIT_XOR(CRC32(CONCAT_WS('|', day, unit_id, channel, measure, minutes, cases"
                        + slice.column + ")))) FROM " + slice.minutes + " WHERE day BETWEEN ? AND ? GROUP BY 1")
                .params(first, last).query(rs -> {
                    int yearMonth = rs.getInt(1);
                    sums.put(java.time.YearMonth.of(yearMonth / 100, yearMonth % 100), rs.getString(2));
                });
        return sums;
    }

    /** Forgets the cached histograms and kept percentiles of ended periods (the benchmark measures first views with it). */
    public void forgetCachedHistograms() {
        closedPeriods.clear();
        percentiles.forgetAll();
    }

    /** Sums per month and measure over whole months [fromMonth, toMonth], from the monthly roll-up. */
    public Map<java.time.YearMonth, Map<String, BigDecimal>> monthlySums(java.time.YearMonth fromMonth, java.time.YearMonth toMonth,
                                                                         KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("firstMonth", Date.valueOf(fromMonth.atDay(1)));
        params.put("lastMonth", Date.valueOf(toMonth.atDay(1)));
        String where = filterSql("d", filter, units, params);
        Map<java.time.YearMonth, Map<String, BigDecimal>> sums = new TreeMap<>();
        jdbc.sql("SELECT d.month, d.measure, SUM(d.value) FROM " + Slice.of(filter).monthly + " d WHERE d.month BETWEEN :firstMonth AND :lastMonth" + where
                        + " GROUP BY d.month, d.measure")
                .params(params).query((rs, n) -> sums.computeIfAbsent(java.time.YearMonth.from(rs.getDate(1).toLocalDate()), k -> new HashMap<>())
                        .put(rs.getString(2), money(rs.getBigDecimal(3)))).list();
        return sums;
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

    /** Sums per measure over the days and filter, from the summary table. */
    public Map<String, BigDecimal> sums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("SELECT d.measure, SUM(d.value) FROM " + Slice.of(filter).daily + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where + " GROUP BY d.measure")
                .params(params).query((rs, n) -> sums.put(rs.getString(1), money(rs.getBigDecimal(2)))).list();
        return sums;
    }

    /** The same sums computed from the base tables (what the summary saves; the benchmark and a test compare them). */
    public Map<String, BigDecimal> rawSums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Source source : SUMS) {
            Map<String, Object> params = days(from, to);
            String where = filterSql("x", filter, units, params);
            jdbc.sql("SELECT x.measure, SUM(x.value) FROM (" + source.sql(Slice.of(filter)) + ") x WHERE 1 = 1" + where + " GROUP BY x.measure")
                    .params(params).query((rs, n) -> sums.merge(rs.getString(1), money(rs.getBigDecimal(2)), BigDecimal::add)).list();
        }
        return sums;
    }

    /** Sums per unit and measure (unit comparison), from the summary table. */
    public Map<Long, Map<String, BigDecimal>> sumsByUnit(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<Long, Map<String, BigDecimal>> sums = new TreeMap<>();
        jdbc.sql("SELECT d.unit_id, d.measure, SUM(d.value) FROM " + Slice.of(filter).daily + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where
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
        jdbc.sql("SELECT d.unit_id, d.measure, d.minutes, SUM(d.cases) FROM " + Slice.of(filter).minutes + " d WHERE d.day BETWEEN :firstDay AND :lastDay" + where
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
        java.time.Instant now = clock.instant();
        CachedHistograms cached = closedPeriods.get(key);
        if (cached == null || cached.until().isBefore(now)) {
            if (closedPeriods.size() > 500) {
                closedPeriods.clear();
            }
            cached = new CachedHistograms(readMinutes(from, to, filter, units), now.plus(CLOSED_PERIOD_CACHE));
            closedPeriods.put(key, cached);
        }
        return cached.histograms();
    }

    /** Minute histograms over the days and filter, read now (not kept in the cache of ended periods). */
    public Map<String, TreeMap<Long, Long>> readMinutes(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        // grouped by the measure's bytes: a year's histogram keyed by the collated text outgrew the in-memory temporary
        // table and went to disk (a year over all units 0.3-0.5 s; 0.2 s so)
        jdbc.sql("SELECT MIN(d.measure), d.minutes, SUM(d.cases) FROM " + Slice.of(filter).minutes + " d WHERE d.day BETWEEN :firstDay AND :lastDay"
                        + where + " GROUP BY CAST(d.measure AS BINARY), d.minutes")
                .params(params).query((rs, n) -> histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .merge(rs.getLong(2), rs.getLong(3), Long::sum)).list();
        return histograms;
    }

    public Map<String, TreeMap<Long, Long>> rawMinutes(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        for (Source source : MINUTES) {
            Map<String, Object> params = days(from, to);
            String where = filterSql("x", filter, units, params);
            jdbc.sql("SELECT x.measure, x.minutes, SUM(x.cases) FROM (" + source.sql(Slice.of(filter)) + ") x WHERE 1 = 1" + where + " GROUP BY x.measure, x.minutes")
                    .params(params).query((rs, n) -> histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .merge(rs.getLong(2), rs.getLong(3), Long::sum)).list();
        }
        return histograms;
    }

    /** Answers per kind and score over the days and filter, from the summary table. */
    public Map<String, TreeMap<Integer, Long>> scores(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("d", filter, units, params);
        return readScores("SELECT d.kind, d.score, SUM(d.answers) FROM " + Slice.of(filter).scores + " d WHERE d.day BETWEEN :firstDay AND :lastDay"
                + where + " GROUP BY d.kind, d.score", params);
    }

    /** The same from the base tables. */
    public Map<String, TreeMap<Integer, Long>> rawScores(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = days(from, to);
        String where = filterSql("x", filter, units, params);
        return readScores("SELECT x.kind, x.score, SUM(x.answers) FROM (" + SCORES.sql(Slice.of(filter)) + ") x WHERE 1 = 1" + where
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
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
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

    private static Map<String, Object> days(LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        params.put("firstDay", Date.valueOf(from));
        params.put("lastDay", Date.valueOf(to));
        return params;
    }
}
