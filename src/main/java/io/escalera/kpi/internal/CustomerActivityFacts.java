package io.escalera.kpi.internal;

import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.shared.jdbc.StreamingQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What customers do, per day, under their home unit and value tier (the repeat purchase, frequency, retention and
 * churn KPIs), in {@code kpi_customer_daily}:
 * <ul>
 *   <li>{@code customer_orders}: orders on the day;</li>
 *   <li>{@code buyers_month/quarter/year}: customers whose first order of that calendar period falls on the day,
 *       {@code repeat_…} whose second does — so a whole period sums to the customers with one order or more, and with
 *       two or more;</li>
 *   <li>{@code new_customers}: a first order ever; {@code spells_started}: an order with none in the 365 days before
 *       it; {@code lapsed}: 366 days after a customer's order with none in the 365 days after it, counted only once
 *       that day has come. Active customers on a day (an order in the 365 days up to it) are then every spell started
 *       up to it less every lapse up to it: a running sum over the monthly roll-up.</li>
 * </ul>
 * The definition is the SQL over the base tables ({@link #SOURCES}): a day's refresh runs it, and the benchmark and the
 * tests compare with it. The full rebuild gets the same numbers by folding each customer's orders in one ordered pass
 * over the order-history index (the SQL's per-order look-back costs minutes at ten million orders).
 */
@Component
public class CustomerActivityFacts {

    static final List<String> MEASURES = List.of("customer_orders", "buyers_month", "repeat_month", "buyers_quarter",
            "repeat_quarter", "buyers_year", "repeat_year", "new_customers", "spells_started", "lapsed");

    /** Ranges up to this many days are refreshed by the SQL; longer ones by the fold. */
    private static final int LONGEST_SQL_REFRESH = 7;

    /**
     * Per customer and day with orders in [:firstDay, :lastDay]: how many orders, and how many the customer had before
     * that day in its month, quarter, year and the 365 days before; then counted per day, home unit and tier.
     */
    private static final String ORDERS_OF_THE_DAYS = """
            SELECT g.day, g.unit_id, g.tier, m.measure,
                   CASE m.measure WHEN 'customer_orders' THEN g.orders WHEN 'buyers_month' THEN g.bm WHEN 'repeat_month' THEN g.rm
                                  WHEN 'buyers_quarter' THEN g.bq WHEN 'repeat_quarter' THEN g.rq WHEN 'buyers_year' THEN g.byr
                                  WHEN 'repeat_year' THEN g.ry WHEN 'new_customers' THEN g.new_customers ELSE g.started END AS value
            FROM (SELECT x.day, c.home_unit_id AS unit_id, COALESCE(t.segment_key, '-') AS tier, SUM(x.k) AS orders,
                         SUM(x.pm = 0) AS bm, SUM(x.pm <= 1 AND x.pm + x.k >= 2) AS rm,
                         SUM(x.pq = 0) AS bq, SUM(x.pq <= 1 AND x.pq + x.k >= 2) AS rq,
                         SUM(x.py = 0) AS byr, SUM(x.py <= 1 AND x.py + x.k >= 2) AS ry,
                         SUM(x.p365 = 0) AS started,
                         SUM(x.p365 = 0 AND NOT EXISTS (SELECT 1 FROM customer_order e
                                                        WHERE e.customer_id = x.customer_id AND e.order_date < x.day)) AS new_customers
                  FROM (SELECT d.customer_id, d.day, d.k, COUNT(p.id) AS p365,
                               COALESCE(SUM(p.order_date >= DATE_FORMAT(d.day, '%Y-%m-01')), 0) AS pm,
                               COALESCE(SUM(p.order_date >= MAKEDATE(YEAR(d.day), 1) + INTERVAL QUARTER(d.day) - 1 QUARTER), 0) AS pq,
                               COALESCE(SUM(p.order_date >= MAKEDATE(YEAR(d.day), 1)), 0) AS py
                        FROM (SELECT o.customer_id, o.order_date AS day, COUNT(*) AS k FROM customer_order o
                              WHERE o.order_date BETWEEN :firstDay AND :lastDay GROUP BY o.customer_id, o.order_date) d
                        LEFT JOIN customer_order p ON p.customer_id = d.customer_id
                              AND p.order_date >= d.day - INTERVAL 365 DAY AND p.order_date < d.day
                        GROUP BY d.customer_id, d.day, d.k) x
                  JOIN customer c ON c.id = x.customer_id LEFT JOIN kpi_customer_tier t ON t.customer_id = x.customer_id
                  GROUP BY x.day, c.home_unit_id, COALESCE(t.segment_key, '-')) g
            JOIN (SELECT 'customer_orders' AS measure UNION ALL SELECT 'buyers_month' UNION ALL SELECT 'repeat_month'
                  UNION ALL SELECT 'buyers_quarter' UNION ALL SELECT 'repeat_quarter' UNION ALL SELECT 'buyers_year'
                  UNION ALL SELECT 'repeat_year' UNION ALL SELECT 'new_customers' UNION ALL SELECT 'spells_started') m""";

    /** Customers lapsing on a day in [:firstDay, :lastDay] up to :today: their order 366 days before, none after it. */
    private static final String LAPSES = """
            SELECT l.day, c.home_unit_id AS unit_id, COALESCE(t.segment_key, '-') AS tier, 'lapsed' AS measure, COUNT(*) AS value
            FROM (SELECT DISTINCT o.customer_id, o.order_date + INTERVAL 366 DAY AS day FROM customer_order o
                  WHERE o.order_date BETWEEN :firstDay - INTERVAL 366 DAY AND LEAST(:lastDay, :today) - INTERVAL 366 DAY
                    AND NOT EXISTS (SELECT 1 FROM customer_order n WHERE n.customer_id = o.customer_id
                                    AND n.order_date > o.order_date AND n.order_date <= o.order_date + INTERVAL 365 DAY)) l
            JOIN customer c ON c.id = l.customer_id LEFT JOIN kpi_customer_tier t ON t.customer_id = l.customer_id
            GROUP BY l.day, c.home_unit_id, COALESCE(t.segment_key, '-')""";

    private static final List<String> SOURCES = List.of(ORDERS_OF_THE_DAYS, LAPSES);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    CustomerActivityFacts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Replaces the facts of the days in [from, to] (the caller holds the KPI rebuild lock). @return rows written */
    public int rebuild(LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM kpi_customer_daily WHERE day BETWEEN ? AND ?").params(Date.valueOf(from), Date.valueOf(to)).update();
        int rows = to.toEpochDay() - from.toEpochDay() < LONGEST_SQL_REFRESH ? insertBySql(from, to) : insertByFold(from, to);
        Date firstMonth = Date.valueOf(from.withDayOfMonth(1));
        jdbc.sql("DELETE FROM kpi_customer_monthly WHERE month BETWEEN ? AND ?").params(firstMonth, Date.valueOf(to.withDayOfMonth(1))).update();
        jdbc.sql("""
                        INSERT INTO kpi_customer_monthly (month, unit_id, tier, measure, value)
                        SELECT DATE_FORMAT(day, '%Y-%m-01'), unit_id, tier, measure, SUM(value) FROM kpi_customer_daily
                        WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3, 4""")
                .params(firstMonth, Date.valueOf(YearMonth.from(to).atEndOfMonth())).update();
        return rows;
    }

    private int insertBySql(LocalDate from, LocalDate to) {
        int rows = 0;
        for (String source : SOURCES) {
            rows += jdbc.sql("INSERT INTO kpi_customer_daily (day, unit_id, tier, measure, value) SELECT * FROM (" + source
                    + ") s WHERE s.value <> 0").params(params(from, to)).update();
        }
        return rows;
    }

    private record Cell(LocalDate day, long unitId, String tier) {
    }

    /** Every customer's orders in date order, one ordered pass over the order-history index, folded into day cells. */
    private int insertByFold(LocalDate from, LocalDate to) {
        LocalDate lastLapse = to.isAfter(today()) ? today() : to;
        Map<Cell, long[]> cells = new HashMap<>();
        CustomerActivityFold fold = new CustomerActivityFold(from, to, lastLapse, (day, unit, tier, measure, value) ->
                cells.computeIfAbsent(new Cell(day, unit, tier), k -> new long[MEASURES.size()])[measure] += value);
        StreamingQuery.forEach(jdbcTemplate, """
                        SELECT STRAIGHT_JOIN o.customer_id, c.home_unit_id, COALESCE(t.segment_key, '-'), o.order_date
                        FROM customer_order o FORCE INDEX (ix_order_customer_money) JOIN customer c ON c.id = o.customer_id
                        LEFT JOIN kpi_customer_tier t ON t.customer_id = o.customer_id
                        ORDER BY o.customer_id, o.order_date""", List.of(),
                (rs, n) -> {
                    fold.add(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate());
                    return null;
                }, ignored -> {
                });
        fold.finish();
        List<Object[]> rows = new ArrayList<>();
        cells.forEach((cell, values) -> {
            for (int m = 0; m < values.length; m++) {
                if (values[m] != 0) {
                    rows.add(new Object[] {Date.valueOf(cell.day()), cell.unitId(), cell.tier(), MEASURES.get(m), values[m]});
                }
            }
        });
        for (int i = 0; i < rows.size(); i += 5_000) {
            jdbcTemplate.batchUpdate("INSERT INTO kpi_customer_daily (day, unit_id, tier, measure, value) VALUES (?, ?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 5_000)));
        }
        return rows.size();
    }

    /** The same per-day sums computed by the SQL definition over the base tables (benchmark, tests). */
    public Map<String, BigDecimal> rawSums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, BigDecimal> sums = new HashMap<>();
        if (filter.channel() != null) {
            return sums;
        }
        for (String source : SOURCES) {
            Map<String, Object> params = params(from, to);
            jdbc.sql("SELECT s.measure, SUM(s.value) FROM (" + source + ") s WHERE 1 = 1" + filterSql("s", filter, units, params)
                            + " GROUP BY s.measure HAVING SUM(s.value) <> 0")
                    .params(params).query((rs, n) -> sums.put(rs.getString(1), BigDecimal.valueOf(rs.getLong(2)))).list();
        }
        return sums;
    }

    /**
     * What {@link Ledger#measures} answers for a period, counted straight from the orders another way — distinct
     * customers per period instead of per-day facts (the benchmark's raw side, and a check of the running sums): buyers
     * and repeat buyers of the period, customers with an order in the 365 days up to a day, lapsed customers.
     */
    public Map<String, BigDecimal> rawMeasures(KpiPeriod period, KpiFilter filter, Set<Long> units) {
        Map<String, BigDecimal> measures = new HashMap<>();
        if (filter.channel() != null) {
            return measures;
        }
        LocalDate end = period.to().isAfter(today()) ? today() : period.to();
        Map<String, Object> params = new HashMap<>();
        params.put("from", Date.valueOf(period.from()));
        params.put("end", Date.valueOf(end));
        String where = KpiFacts.conditions("c.home_unit_id", null, "COALESCE(t.segment_key, '-')", filter, units, params);
        String customers = " JOIN customer c ON c.id = x.customer_id LEFT JOIN kpi_customer_tier t ON t.customer_id = x.customer_id WHERE 1 = 1" + where;
        jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(x.n >= 2), 0), COALESCE(SUM(x.n), 0),
                               COALESCE(SUM(NOT EXISTS (SELECT 1 FROM customer_order e WHERE e.customer_id = x.customer_id AND e.order_date < :from)), 0)
                        FROM (SELECT o.customer_id, COUNT(*) AS n FROM customer_order o WHERE o.order_date BETWEEN :from AND :end
                              GROUP BY o.customer_id) x""" + customers)
                .params(params).query((RowCallbackHandler) rs -> {
                    if (period.kind() != KpiPeriod.Kind.CUSTOM) {
                        measures.put("buyers", BigDecimal.valueOf(rs.getLong(1)));
                        measures.put("repeat_buyers", BigDecimal.valueOf(rs.getLong(2)));
                    }
                    measures.put("customer_orders", BigDecimal.valueOf(rs.getLong(3)));
                    measures.put("new_customers", BigDecimal.valueOf(rs.getLong(4)));
                });
        measures.put("lapsed", BigDecimal.valueOf(jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT DISTINCT o.customer_id, o.order_date FROM customer_order o
                              WHERE o.order_date BETWEEN :from - INTERVAL 366 DAY AND :end - INTERVAL 366 DAY
                                AND NOT EXISTS (SELECT 1 FROM customer_order n WHERE n.customer_id = o.customer_id
                                                AND n.order_date > o.order_date AND n.order_date <= o.order_date + INTERVAL 365 DAY)) x"""
                + customers).params(params).query(Long.class).single()));
        for (Map.Entry<String, LocalDate> active : Map.of("active_start", period.from().minusDays(1), "active_end", end).entrySet()) {
            Map<String, Object> dayParams = new HashMap<>(params);
            dayParams.put("day", Date.valueOf(active.getValue()));
            measures.put(active.getKey(), BigDecimal.valueOf(jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT DISTINCT o.customer_id FROM customer_order o
                          WHERE o.order_date BETWEEN :day - INTERVAL 365 DAY AND :day) x""" + customers)
                    .params(dayParams).query(Long.class).single()));
        }
        return measures;
    }

    /** The stored per-day sums over [from, to], as {@link #rawSums} computes them. */
    public Map<String, BigDecimal> sums(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units) {
        Map<String, BigDecimal> sums = new HashMap<>();
        if (filter.channel() != null) {
            return sums;
        }
        Map<String, Object> params = params(from, to);
        jdbc.sql("SELECT d.measure, SUM(d.value) FROM kpi_customer_daily d WHERE d.day BETWEEN :firstDay AND :lastDay"
                        + filterSql("d", filter, units, params) + " GROUP BY d.measure HAVING SUM(d.value) <> 0")
                .params(params).query((rs, n) -> sums.put(rs.getString(1), BigDecimal.valueOf(rs.getLong(2)))).list();
        return sums;
    }

    /**
     * The stored facts up to {@code lastDay} for the filter, to answer periods from: whole months from the monthly
     * roll-up (read once), the days of a month cut by a period's edge read when first needed. A channel filter has
     * none (customers belong to no channel).
     */
    public Ledger ledger(LocalDate lastDay, KpiFilter filter, Set<Long> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("lastMonth", Date.valueOf(lastDay.withDayOfMonth(1)));
        String where = filterSql("d", filter, units, params);
        TreeMap<YearMonth, Map<String, Long>> months = new TreeMap<>();
        if (filter.channel() == null) {
            jdbc.sql("SELECT d.month, d.measure, SUM(d.value) FROM kpi_customer_monthly d WHERE d.month <= :lastMonth" + where
                            + " GROUP BY d.month, d.measure")
                    .params(params).query((rs, n) -> months.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getLong(3))).list();
        }
        return new Ledger(filter.channel() != null, months, month -> {
            Map<String, Object> dayParams = params(month.atDay(1), month.atEndOfMonth());
            String dayWhere = filterSql("d", filter, units, dayParams);
            TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
            jdbc.sql("SELECT d.day, d.measure, SUM(d.value) FROM kpi_customer_daily d WHERE d.day BETWEEN :firstDay AND :lastDay" + dayWhere
                            + " GROUP BY d.day, d.measure")
                    .params(dayParams).query((rs, n) -> days.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getLong(3))).list();
            return days;
        });
    }

    /** The customer facts of a filter, answering what the customer KPIs read for any period. */
    public static final class Ledger {

        private final boolean none;
        private final TreeMap<YearMonth, Map<String, Long>> months;
        private final Function<YearMonth, TreeMap<LocalDate, Map<String, Long>>> daysOf;
        private final Map<YearMonth, TreeMap<LocalDate, Map<String, Long>>> days = new HashMap<>();

        Ledger(boolean none, TreeMap<YearMonth, Map<String, Long>> months,
               Function<YearMonth, TreeMap<LocalDate, Map<String, Long>>> daysOf) {
            this.none = none;
            this.months = months;
            this.daysOf = daysOf;
        }

        /**
         * What the customer KPIs read for the period: its orders, new customers and lapses; its kind's buyers and
         * repeat buyers (a calendar month, quarter or year — a range of days has none); the active customers the day
         * before it starts and on its last day (or today, for a period not over yet). Empty for a channel filter.
         */
        public Map<String, BigDecimal> measures(KpiPeriod period) {
            Map<String, BigDecimal> measures = new HashMap<>();
            if (none) {
                return measures;
            }
            for (String measure : List.of("customer_orders", "new_customers", "lapsed")) {
                measures.put(measure, BigDecimal.valueOf(sum(measure, period.from(), period.to())));
            }
            String kind = switch (period.kind()) {
                case MONTH -> "month";
                case QUARTER -> "quarter";
                case YEAR -> "year";
                case CUSTOM -> null;
            };
            if (kind != null) {
                measures.put("buyers", BigDecimal.valueOf(sum("buyers_" + kind, period.from(), period.to())));
                measures.put("repeat_buyers", BigDecimal.valueOf(sum("repeat_" + kind, period.from(), period.to())));
            }
            measures.put("active_start", BigDecimal.valueOf(active(period.from().minusDays(1))));
            measures.put("active_end", BigDecimal.valueOf(active(period.to())));
            return measures;
        }

        /** Active customers at the end of the day: spells started up to it less lapses up to it. */
        private long active(LocalDate day) {
            LocalDate first = months.isEmpty() ? day : months.firstKey().atDay(1);
            return first.isAfter(day) ? 0 : sum("spells_started", first, day) - sum("lapsed", first, day);
        }

        private long sum(String measure, LocalDate from, LocalDate to) {
            long total = 0;
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                boolean whole = !from.isAfter(month.atDay(1)) && !to.isBefore(month.atEndOfMonth());
                if (whole) {
                    total += months.getOrDefault(month, Map.of()).getOrDefault(measure, 0L);
                } else if (months.containsKey(month)) {
                    LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
                    LocalDate end = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
                    total += days.computeIfAbsent(month, daysOf).subMap(start, true, end, true).values().stream()
                            .mapToLong(m -> m.getOrDefault(measure, 0L)).sum();
                }
            }
            return total;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Map<String, Object> params(LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("firstDay", Date.valueOf(from));
        params.put("lastDay", Date.valueOf(to));
        params.put("today", Date.valueOf(today()));
        return params;
    }

    /** The filter on the customer facts' own columns: they have no channel (a channel filter returns none before). */
    private static String filterSql(String alias, KpiFilter filter, Set<Long> units, Map<String, Object> params) {
        return KpiFacts.conditions(alias + ".unit_id", null, alias + ".tier", filter, units, params);
    }
}
