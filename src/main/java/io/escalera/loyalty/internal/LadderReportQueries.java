package io.escalera.loyalty.internal;

import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.LifecycleStep;
import io.escalera.loyalty.Stage;
import io.escalera.shared.Histograms;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ladder reports in SQL, from the one-row-per-customer table {@code loyalty_stage} (stage, milestones and the
 * report filters copied from the customer) and, for movement, the stage history — never from the orders.
 */
@Component
public class LadderReportQueries {

    private static final List<Stage> RUNGS = List.of(Stage.PROSPECT, Stage.SHOPPER, Stage.CUSTOMER, Stage.CLIENT, Stage.ADVOCATE);
    /** The day each rung was first reached; a prospect "reached" the ladder on registering. */
    private static final Map<Stage, String> REACHED_ON = Map.of(Stage.PROSPECT, "created_on", Stage.SHOPPER, "shopper_on",
            Stage.CUSTOMER, "customer_on", Stage.CLIENT, "client_on", Stage.ADVOCATE, "advocate_on");

    private final JdbcClient jdbc;

    private final CustomerSegmentFilters segments;

    private final FunnelCells cells;

    LadderReportQueries(JdbcClient jdbc, CustomerSegmentFilters segments, FunnelCells cells) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.cells = cells;
    }

    /** A WHERE clause for the filter over the alias' report columns, its parameters appended to {@code params}. */
    private String where(String alias, LadderFilter filter, Set<Long> units, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1").append(UnitCondition.and(alias + ".home_unit_id", units));
        if (filter.segment() != null && cells.counts(filter.segment())) {
            // a value tier as the funnel's cells count it: the snapshot of the last full value run
            where.append(" AND ").append(alias).append(".customer_id IN (SELECT customer_id FROM ").append(FunnelCells.SEGMENT_SNAPSHOT)
                    .append(" WHERE segment_key = ?)");
            params.add(filter.segment());
        } else if (filter.segment() != null) {
            where.append(" AND ").append(segments.condition(filter.segment(), alias + ".customer_id"));
        }
        if (filter.channel() != null) {
            where.append(" AND ").append(alias).append(".acquisition_channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.cohortFrom() != null) {
            where.append(" AND ").append(alias).append(".created_on >= ?");
            params.add(Date.valueOf(filter.cohortFrom()));
        }
        if (filter.cohortTo() != null) {
            where.append(" AND ").append(alias).append(".created_on <= ?");
            params.add(Date.valueOf(filter.cohortTo()));
        }
        return where.toString();
    }

    /** The cells serve a filter of whole registration months and no customer segment but a value tier. */
    public boolean fromCells(LadderFilter filter) {
        return (filter.segment() == null || cells.counts(filter.segment())) && (filter.cohortFrom() == null || filter.cohortFrom().getDayOfMonth() == 1)
                && (filter.cohortTo() == null || filter.cohortTo().equals(filter.cohortTo().withDayOfMonth(filter.cohortTo().lengthOfMonth())));
    }

    private static String cellWhere(LadderFilter filter, Set<Long> units, List<Object> params) {
        StringBuilder where = new StringBuilder("customers <> 0").append(UnitCondition.and("home_unit_id", units));
        if (filter.channel() != null) {
            where.append(" AND acquisition_channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.cohortFrom() != null) {
            where.append(" AND created_month >= ?");
            params.add(Date.valueOf(filter.cohortFrom()));
        }
        if (filter.cohortTo() != null) {
            where.append(" AND created_month <= ?");
            params.add(Date.valueOf(filter.cohortTo()));
        }
        return where.toString();
    }

    /**
     * The funnel: from the counted cells ({@link FunnelCells}) when they serve the filter, else in one pass over the
     * customers (a report scan costs about a second per million rows here, so one pass
     * matters): each customer gives one row "stage and how many rungs reached" and one row per climb made with its
     * days, grouped into small histograms; counts, conversions and exact medians are read from them.
     */
    public LadderReport.Funnel funnel(LadderFilter filter, Set<Long> units) {
        return funnel(filter, units, fromCells(filter), true);
    }

    /**
     * The funnel without the median days between rungs: from the cells, only the milestones are read (one cell in
     * twenty; the others are the climbs' day histograms).
     */
    public LadderReport.Funnel funnelWithoutClimbDays(LadderFilter filter, Set<Long> units) {
        return funnel(filter, units, fromCells(filter), false);
    }

    /** The funnel counted from the stage rows, whatever the filter: the reference the cells must equal. */
    public LadderReport.Funnel funnelFromStageRows(LadderFilter filter, Set<Long> units) {
        return funnel(filter, units, false, true);
    }

    private LadderReport.Funnel funnel(LadderFilter filter, Set<Long> units, boolean fromCells, boolean climbDays) {
        List<Object> params = new ArrayList<>();
        if (fromCells && filter.segment() != null) {
            params.add(filter.segment());
        }
        String where = fromCells ? null : where("s", filter, units, params);
        Map<Stage, Long> now = new EnumMap<>(Stage.class);
        long[] reached = new long[RUNGS.size()];
        Map<Integer, TreeMap<Long, Long>> climbs = new TreeMap<>();
        String sql = fromCells
                // the counted cells (per unit, channel, month and climb days: about 500,000 at a million customers)
                ? (filter.segment() == null ? "SELECT k, v, SUM(customers) FROM ladder_funnel_cell WHERE "
                        : "SELECT k, v, SUM(customers) FROM ladder_funnel_segment_cell WHERE segment_key = ? AND ")
                        + (climbDays ? "" : "k = 4 AND ") + cellWhere(filter, units, params) + " GROUP BY k, v"
                                // the stage rows first: left to itself the optimizer starts from the five climbs and reads a customer
                // segment five times over (10 s for value tier C instead of 3)
                : "SELECT STRAIGHT_JOIN " + FunnelCells.KV + ", COUNT(*) " + FunnelCells.FROM + " WHERE " + where + " GROUP BY c.k, v";
        jdbc.sql(sql)
                .params(params).query((rs, n) -> {
                    int kind = rs.getInt(1);
                    long value = rs.getLong(2);
                    long count = rs.getLong(3);
                    if (kind < 4) {
                        climbs.computeIfAbsent(kind, k -> new TreeMap<>()).merge(value, count, Long::sum);
                    } else {
                        // milestones are reached in order, so their number says which rungs were reached
                        now.merge(Stage.values()[(int) (value / 10) - 1], count, Long::sum);
                        for (int rung = 0; rung <= value % 10; rung++) {
                            reached[rung] += count;
                        }
                    }
                    return null;
                }).list();
        List<LadderReport.Rung> rungs = new ArrayList<>();
        for (int i = 0; i < RUNGS.size(); i++) {
            Double conversion = i + 1 < RUNGS.size() && reached[i] > 0 ? (double) reached[i + 1] / reached[i] : null;
            TreeMap<Long, Long> climb = climbDays ? climbs.get(i) : null;
            rungs.add(new LadderReport.Rung(RUNGS.get(i), now.getOrDefault(RUNGS.get(i), 0L), reached[i], conversion,
                    climb == null ? null : Histograms.median(climb)));
        }
        return new LadderReport.Funnel(rungs, now.getOrDefault(Stage.LAPSED, 0L), reached[0]);
    }

    public LadderReport.Movement movement(LadderFilter filter, Set<Long> units, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        String where = where("h", filter, units, params);
        List<LadderReport.Flow> flows = jdbc.sql("""
                        SELECT h.from_stage, h.to_stage, COUNT(*) FROM loyalty_stage_change h
                        WHERE h.changed_on BETWEEN ? AND ? AND h.from_stage IS NOT NULL AND %s
                        GROUP BY h.from_stage, h.to_stage""".formatted(where))
                .params(params).query((rs, n) -> new LadderReport.Flow(Stage.valueOf(rs.getString(1)), Stage.valueOf(rs.getString(2)),
                        rs.getLong(3))).list();
        Map<Stage, Map<LadderReport.Flow.Kind, Long>> byRung = new EnumMap<>(Stage.class);
        for (Stage rung : RUNGS) {
            Map<LadderReport.Flow.Kind, Long> kinds = new EnumMap<>(LadderReport.Flow.Kind.class);
            for (LadderReport.Flow.Kind kind : LadderReport.Flow.Kind.values()) {
                kinds.put(kind, 0L);
            }
            byRung.put(rung, kinds);
        }
        for (LadderReport.Flow flow : flows) {
            // won back counts on the rung reached; every other move on the rung left
            Stage rung = flow.kind() == LadderReport.Flow.Kind.WON_BACK ? flow.to() : flow.from();
            byRung.get(rung).merge(flow.kind(), flow.customers(), Long::sum);
        }
        return new LadderReport.Movement(flows.stream().sorted(Comparator.comparing(LadderReport.Flow::from)
                .thenComparing(LadderReport.Flow::to)).toList(), byRung);
    }

    /** Acquisition months from {@code firstMonth} on, with the highest rung reached {@code months} months after registering. */
    public List<LadderReport.Cohort> cohorts(LadderFilter filter, Set<Long> units, YearMonth firstMonth, int months, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder sums = new StringBuilder();
        for (int i = 1; i < RUNGS.size(); i++) {
            sums.append(", SUM(s.").append(REACHED_ON.get(RUNGS.get(i))).append(" <= DATE_ADD(s.created_on, INTERVAL ? MONTH))");
            params.add(months);
        }
        params.add(Date.valueOf(firstMonth.atDay(1)));
        String where = where("s", filter, units, params);
        return jdbc.sql("""
                        SELECT DATE_FORMAT(s.created_on, '%%Y-%%m'), COUNT(*)%s FROM loyalty_stage s
                        WHERE s.created_on >= ? AND %s GROUP BY 1 ORDER BY 1""".formatted(sums, where))
                .params(params).query((rs, n) -> {
                    YearMonth month = YearMonth.parse(rs.getString(1));
                    long size = rs.getLong(2);
                    if (month.plusMonths(months).atEndOfMonth().isAfter(today)) {
                        return new LadderReport.Cohort(month, size, null);
                    }
                    Map<Stage, Long> highest = new EnumMap<>(Stage.class);
                    long above = size;
                    for (int i = 0; i < RUNGS.size(); i++) {
                        long reachedNext = i + 1 < RUNGS.size() ? rs.getLong(3 + i) : 0;
                        highest.put(RUNGS.get(i), above - reachedNext);
                        above = reachedNext;
                    }
                    return new LadderReport.Cohort(month, size, highest);
                }).list();
    }

    public List<LadderReport.Step> lifecycle(LadderFilter filter, Set<Long> units) {
        List<Object> params = new ArrayList<>();
        String where = where("s", filter, units, params);
        long[] counts = jdbc.sql("""
                        SELECT COUNT(*), SUM(s.shopper_on IS NOT NULL), SUM(s.expanded_on IS NOT NULL),
                               SUM(s.expanded_on IS NOT NULL AND s.retained_on IS NOT NULL), SUM(s.expanded_on IS NOT NULL AND s.recommends)
                        FROM loyalty_stage s WHERE %s""".formatted(where))
                .params(params).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        List<LadderReport.Step> steps = new ArrayList<>();
        LifecycleStep[] all = LifecycleStep.values();
        for (int i = 0; i < all.length; i++) {
            Double conversion = i == 0 || counts[i - 1] == 0 ? null : (double) counts[i] / counts[i - 1];
            steps.add(new LadderReport.Step(all[i], counts[i], conversion));
        }
        return steps;
    }

    public List<LadderReport.CustomerRow> customers(LadderFilter filter, Set<Long> units, LadderSegment segment, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where("s", filter, units, params) + " AND " + condition(segment, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                        SELECT s.customer_id, c.external_code, c.name, s.stage, s.since
                        FROM loyalty_stage s JOIN customer c ON c.id = s.customer_id
                        WHERE %s ORDER BY s.customer_id LIMIT ? OFFSET ?""".formatted(where))
                .params(params).query((rs, n) -> new LadderReport.CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Stage.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate())).list();
    }

    private static String condition(LadderSegment segment, List<Object> params) {
        return switch (segment) {
            case LadderSegment.OnRung(Stage stage) -> {
                params.add(stage.name());
                yield "s.stage = ?";
            }
            case LadderSegment.Reached(Stage stage) -> stage == Stage.LAPSED ? "1 = 0" : "s." + REACHED_ON.get(stage) + " IS NOT NULL";
            case LadderSegment.Moved(List<Stage> from, List<Stage> to, LocalDate fromDay, LocalDate toDay) -> {
                params.add(Date.valueOf(fromDay));
                params.add(Date.valueOf(toDay));
                yield "s.customer_id IN (SELECT h.customer_id FROM loyalty_stage_change h WHERE h.changed_on BETWEEN ? AND ? AND h.from_stage IN ("
                        + names(from) + ") AND h.to_stage IN (" + names(to) + "))";
            }
            case LadderSegment.CohortRung(YearMonth cohort, int months, Stage highest) -> {
                params.add(Date.valueOf(cohort.atDay(1)));
                params.add(Date.valueOf(cohort.atEndOfMonth()));
                int rung = RUNGS.indexOf(highest);
                StringBuilder sql = new StringBuilder("s.created_on BETWEEN ? AND ?");
                if (rung > 0) {
                    sql.append(" AND s.").append(REACHED_ON.get(highest)).append(" <= DATE_ADD(s.created_on, INTERVAL ? MONTH)");
                    params.add(months);
                }
                if (rung + 1 < RUNGS.size()) {
                    String next = "s." + REACHED_ON.get(RUNGS.get(rung + 1));
                    sql.append(" AND (").append(next).append(" IS NULL OR ").append(next).append(" > DATE_ADD(s.created_on, INTERVAL ? MONTH))");
                    params.add(months);
                }
                yield sql.toString();
            }
            case LadderSegment.Lifecycle(LifecycleStep step) -> switch (step) {
                case APPROACH -> "1 = 1";
                case ACQUIRE -> "s.shopper_on IS NOT NULL";
                case EXPAND -> "s.expanded_on IS NOT NULL";
                case RETAIN -> "s.expanded_on IS NOT NULL AND s.retained_on IS NOT NULL";
                case RECOMMEND -> "s.expanded_on IS NOT NULL AND s.recommends";
            };
        };
    }

    /** Stage names are enum constants: safe to inline. */
    private static String names(List<Stage> stages) {
        return stages.isEmpty() ? "NULL" : stages.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    }
}
