package io.escalera.loyalty.internal;

import io.escalera.loyalty.LadderEngine;
import io.escalera.loyalty.LadderRules;
import io.escalera.loyalty.Stage;
import io.escalera.loyalty.StageDecision;
import io.escalera.shared.jdbc.LoadDataWriter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The full recompute in one pass: every customer (with their stage row and value tier), their orders and their NPS
 * answers are read in customer order, side by side, each once; every stage is decided by {@link LadderEngine} as
 * the incremental update decides it, and only the rows that differ from the stored ones are written (into the work
 * table {@code ladder_next}). The funnel cells of the outcome are counted on the way.
 * <p>
 * Before, the orders were folded into a work table of a million rows, which a set-based statement joined to the
 * customers, the answers and the referrals to write a second million-row table, and the cells were grouped from the
 * stage rows afterwards: each step cost about as much as reading the orders (the floor).
 */
final class LadderRecomputePass {

    /** {@code TO_DAYS('1970-01-01')}: days are read as numbers, not as dates (no calendar object per row). */
    private static final long EPOCH_TO_DAYS = 719_528;

    static final List<String> NEXT_COLUMNS = List.of("customer_id", "stage", "reason_key", "reason_args", "home_unit_id",
            "acquisition_channel", "created_on", "shopper_on", "customer_on", "client_on", "expanded_on", "retained_on", "recommends");

    private static final String CUSTOMERS = """
            SELECT c.id, c.home_unit_id, c.acquisition_channel, TO_DAYS(c.created_at),
                   s.customer_id IS NOT NULL, s.stage, s.reason_key, s.reason_args, s.home_unit_id, s.acquisition_channel,
                   TO_DAYS(s.created_on), TO_DAYS(s.shopper_on), TO_DAYS(s.customer_on), TO_DAYS(s.client_on),
                   TO_DAYS(s.advocate_on), TO_DAYS(s.expanded_on), TO_DAYS(s.retained_on), s.recommends, g.segment_key
            FROM customer c
            LEFT JOIN loyalty_stage s ON s.customer_id = c.id
            LEFT JOIN %s g ON g.customer_id = c.id
            ORDER BY c.id""".formatted(FunnelCells.SEGMENT_SNAPSHOT);

    private static final String ORDERS = """
            SELECT customer_id, TO_DAYS(order_date), ROUND((gross_amount - discount) * 100), categories
            FROM customer_order FORCE INDEX (ix_order_customer_money)
            WHERE order_date <= ? ORDER BY customer_id, order_date, id""";

    /** Every NPS answer before the end of the day, the latest of each customer last (ix_feedback_customer's order). */
    private static final String NPS = """
            SELECT customer_id, score FROM feedback FORCE INDEX (ix_feedback_customer)
            WHERE kind = 'NPS' AND answered_at < ? AND customer_id IS NOT NULL
            ORDER BY customer_id, kind, answered_at, id""";

    /** One customer's stage row: as stored, or as decided now. Days as epoch days, null when absent. */
    record Row(String stage, String reasonKey, String reasonArgs, Long homeUnitId, String channel, Long createdOn,
               Long shopperOn, Long customerOn, Long clientOn, Long advocateOn, Long expandedOn, Long retainedOn,
               boolean recommends) {
    }

    /** What the pass found: how many rows it wrote to ladder_next, and the outcome's funnel cells. */
    record Outcome(long written, Map<String, Integer> cells, Map<String, Integer> segmentCells) {
    }

    private final DataSource dataSource;

    LadderRecomputePass(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Decides every customer's stage on {@code day} and writes the rows that differ from the stored ones (new
     * customers included) to {@code ladder_next} (which must exist) on the transaction's connection {@code target}.
     */
    Outcome run(Connection target, LadderRules rules, LocalDate day, boolean countCells) throws SQLException {
        Map<Long, LocalDate> referrals = lastReferrals(day);
        Map<String, Integer> cells = new HashMap<>();
        Map<String, Integer> segmentCells = new HashMap<>();
        long written = 0;
        long today = day.toEpochDay();
        PurchaseHistory history = new PurchaseHistory(rules, day);
        // each stream needs a connection of its own (a connection reading a streamed result can do nothing else)
        try (Connection customerSource = dataSource.getConnection();
             Connection orderSource = dataSource.getConnection();
             Connection npsSource = dataSource.getConnection();
             PreparedStatement customerRead = streamed(customerSource, CUSTOMERS);
             PreparedStatement orderRead = streamed(orderSource, ORDERS);
             PreparedStatement npsRead = streamed(npsSource, NPS)) {
            orderRead.setDate(1, Date.valueOf(day));
            npsRead.setTimestamp(1, Timestamp.valueOf(day.plusDays(1).atStartOfDay()));
            LoadDataWriter next = new LoadDataWriter(target, "ladder_next", NEXT_COLUMNS, 50_000);
            try (ResultSet customers = customerRead.executeQuery(); ResultSet orders = orderRead.executeQuery();
                 ResultSet answers = npsRead.executeQuery()) {
                boolean moreOrders = orders.next();
                boolean moreAnswers = answers.next();
                while (customers.next()) {
                    long id = customers.getLong(1);
                    history.clear();
                    while (moreOrders && orders.getLong(1) <= id) {
                        if (orders.getLong(1) == id) {
                            history.add(LocalDate.ofEpochDay(orders.getLong(2) - EPOCH_TO_DAYS), orders.getLong(3), orders.getString(4));
                        }
                        moreOrders = orders.next();
                    }
                    Integer nps = null;
                    while (moreAnswers && answers.getLong(1) <= id) {
                        if (answers.getLong(1) == id) {
                            nps = answers.getInt(2);
                        }
                        moreAnswers = answers.next();
                    }
                    Row stored = customers.getBoolean(5) ? stored(customers) : null;
                    Row decided = decide(customers, history.summary(), nps, referrals.get(id), day, rules);
                    Row outcome = decided;
                    if (stored != null && unchanged(stored, decided)) {
                        outcome = stored;
                    } else {
                        write(next, id, decided);
                        written++;
                        // the statements that store it keep the first day as an advocate
                        Long advocateOn = stored != null && stored.advocateOn() != null ? stored.advocateOn()
                                : Stage.ADVOCATE.name().equals(decided.stage()) ? Long.valueOf(today) : null;
                        outcome = withAdvocateOn(decided, advocateOn);
                    }
                    if (countCells) {
                        count(outcome, customers.getString(19), cells, segmentCells);
                    }
                }
            }
            next.close();
        }
        return new Outcome(written, cells, segmentCells);
    }

    private static PreparedStatement streamed(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(20_000);
        return statement;
    }

    /** The latest day each customer referred someone, up to the day (a few ten thousand referrers). */
    private Map<Long, LocalDate> lastReferrals(LocalDate day) throws SQLException {
        Map<Long, LocalDate> last = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT referrer_id, TO_DAYS(MAX(referred_on)) FROM referral WHERE referred_on <= ? GROUP BY referrer_id")) {
            read.setDate(1, Date.valueOf(day));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getLong(1), LocalDate.ofEpochDay(rs.getLong(2) - EPOCH_TO_DAYS));
                }
            }
        }
        return last;
    }

    private static Row stored(ResultSet rs) throws SQLException {
        return new Row(rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class), rs.getString(10),
                day(rs, 11), day(rs, 12), day(rs, 13), day(rs, 14), day(rs, 15), day(rs, 16), day(rs, 17), rs.getBoolean(18));
    }

    private static Long day(ResultSet rs, int column) throws SQLException {
        long toDays = rs.getLong(column);
        return rs.wasNull() ? null : toDays - EPOCH_TO_DAYS;
    }

    /** The customer's row as the engine decides it today (advocate_on left as stored: the store statements keep it). */
    private static Row decide(ResultSet customer, PurchaseHistory.Summary p, Integer nps, LocalDate lastReferral,
                              LocalDate day, LadderRules rules) throws SQLException {
        StageDecision decision = p == null ? new StageDecision(Stage.PROSPECT, "ladder.reason.prospect", "")
                : LadderEngine.decide(p.inWindow(), p.lastOrder(), p.medianGap(), nps, lastReferral, day, rules);
        boolean recommends = p != null && p.retainedOn() != null
                && ((nps != null && nps >= rules.promoterScore()) || lastReferral != null);
        return new Row(decision.stage().name(), decision.reasonKey(), decision.reasonArgs(),
                (Long) customer.getObject(2, Long.class), customer.getString(3), day(customer, 4),
                p == null ? null : epoch(p.shopperOn()), p == null ? null : epoch(p.customerOn()),
                p == null ? null : epoch(p.clientOn()), null,
                p == null ? null : epoch(p.expandedOn()), p == null ? null : epoch(p.retainedOn()), recommends);
    }

    private static Long epoch(LocalDate day) {
        return day == null ? null : day.toEpochDay();
    }

    /**
     * Whether storing the decision would change nothing: the fields the update compares (it writes a row only when
     * one differs), and a first day as an advocate still to be set.
     */
    private static boolean unchanged(Row s, Row n) {
        return s.stage().equals(n.stage()) && Objects.equals(s.reasonKey(), n.reasonKey())
                && Objects.equals(s.reasonArgs(), n.reasonArgs()) && Objects.equals(s.homeUnitId(), n.homeUnitId())
                && Objects.equals(s.channel(), n.channel()) && Objects.equals(s.createdOn(), n.createdOn())
                && Objects.equals(s.shopperOn(), n.shopperOn()) && Objects.equals(s.customerOn(), n.customerOn())
                && Objects.equals(s.clientOn(), n.clientOn()) && Objects.equals(s.expandedOn(), n.expandedOn())
                && Objects.equals(s.retainedOn(), n.retainedOn()) && s.recommends() == n.recommends()
                && !(s.advocateOn() == null && Stage.ADVOCATE.name().equals(n.stage()));
    }

    private static Row withAdvocateOn(Row r, Long advocateOn) {
        return new Row(r.stage(), r.reasonKey(), r.reasonArgs(), r.homeUnitId(), r.channel(), r.createdOn(), r.shopperOn(),
                r.customerOn(), r.clientOn(), advocateOn, r.expandedOn(), r.retainedOn(), r.recommends());
    }

    private static void write(LoadDataWriter next, long id, Row r) throws SQLException {
        next.add(id, r.stage(), r.reasonKey(), r.reasonArgs(), r.homeUnitId(), r.channel(), date(r.createdOn()),
                date(r.shopperOn()), date(r.customerOn()), date(r.clientOn()), date(r.expandedOn()), date(r.retainedOn()),
                r.recommends());
    }

    private static LocalDate date(Long epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
    }

    /**
     * The customer's funnel rows, as {@link FunnelCells#KV} counts them from a stage row: one (k = 4) for the stage and
     * rungs reached, one per climb (k = 0–3) with the days it took.
     */
    private static void count(Row r, String segment, Map<String, Integer> cells, Map<String, Integer> segmentCells) {
        String cell = (r.homeUnitId() == null ? 0 : r.homeUnitId()) + "|" + (r.channel() == null ? "" : r.channel()) + "|"
                + (r.createdOn() == null ? "1970-01-01" : LocalDate.ofEpochDay(r.createdOn()).withDayOfMonth(1).toString()) + "|";
        int rungs = (r.shopperOn() != null ? 1 : 0) + (r.customerOn() != null ? 1 : 0) + (r.clientOn() != null ? 1 : 0)
                + (r.advocateOn() != null ? 1 : 0);
        add(cell + "4|" + (stageOrder(r.stage()) * 10 + rungs), segment, cells, segmentCells);
        climb(cell, 0, r.shopperOn(), r.createdOn(), segment, cells, segmentCells);
        climb(cell, 1, r.customerOn(), r.shopperOn(), segment, cells, segmentCells);
        climb(cell, 2, r.clientOn(), r.customerOn(), segment, cells, segmentCells);
        climb(cell, 3, r.advocateOn(), r.clientOn(), segment, cells, segmentCells);
    }

    private static void climb(String cell, int k, Long reached, Long from, String segment,
                              Map<String, Integer> cells, Map<String, Integer> segmentCells) {
        if (reached != null) {
            // GREATEST(0, DATEDIFF(reached, from)) is NULL without a start; such a row is counted under 0 days
            add(cell + k + "|" + (from == null ? 0 : Math.max(0, reached - from)), segment, cells, segmentCells);
        }
    }

    private static void add(String key, String segment, Map<String, Integer> cells, Map<String, Integer> segmentCells) {
        cells.merge(key, 1, Integer::sum);
        if (segment != null) {
            segmentCells.merge(segment + "|" + key, 1, Integer::sum);
        }
    }

    /** FIELD(stage, 'PROSPECT', 'SHOPPER', 'CUSTOMER', 'CLIENT', 'ADVOCATE', 'LAPSED'). */
    private static int stageOrder(String stage) {
        return switch (stage) {
            case "PROSPECT" -> 1;
            case "SHOPPER" -> 2;
            case "CUSTOMER" -> 3;
            case "CLIENT" -> 4;
            case "ADVOCATE" -> 5;
            case "LAPSED" -> 6;
            default -> 0;
        };
    }
}
