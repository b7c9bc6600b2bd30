package io.escalera.value.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The queries that gather every customer's {@link ValueFacts} as of a day, set-based: one GROUP BY per source table
 * joined to the customers, and the orders streamed in customer order from one covering index (see {@link FactsReader}).
 * Nothing after {@code asOf} (and no order after {@code day}) is read, so the same
 * query serves today's recompute and the back-test's "what we knew then". It joins other modules' tables read-only,
 * as reports do; it never writes them. Every value is bound as a parameter.
 */
final class FactsQuery {

    private FactsQuery() {
    }

    /** A statement and the values it binds, in the order of its placeholders. */
    record Query(String sql, List<Object> params) {

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
        }
    }

    /** Collects the values of a statement as it is written: {@link #bind} gives the placeholder and keeps the value. */
    private static final class Binder {
        private final List<Object> values = new ArrayList<>();

        String bind(Object value) {
            values.add(value);
            return "?";
        }

        Query query(String sql) {
            return new Query(sql, List.copyOf(values));
        }
    }

    /**
     * @param slaMoment  when a case counts as past its due time (now, or the end of the back-test's cut-off day);
     *                   everything else counts up to the end of {@code day}
     * @param customerId one customer, or null for everyone (in customer order)
     * @param withValue  false leaves out what only the value needs (compensation, minutes, stage), for the back-test
     */
    static Query sql(LocalDate day, Instant slaMoment, Long customerId, boolean withValue) {
        Timestamp end = Timestamp.valueOf(day.plusDays(1).atStartOfDay());
        Timestamp sla = Timestamp.valueOf(LocalDateTime.ofInstant(slaMoment, ZoneId.systemDefault()));
        Timestamp yearStart = Timestamp.valueOf(day.minusDays(365).atStartOfDay());
        Binder b = new Binder();
        // the named pieces, each written where it stands (its value is bound in the order of the text)
        Function<String, String> oneCustomer = column -> customerId == null ? "" : " AND " + column + " = " + b.bind(customerId);
        Supplier<String> beforeEnd = () -> " < " + b.bind(end);
        Supplier<String> sinceYearStart = () -> " >= " + b.bind(yearStart);
        String sql = "SELECT c.id, c.home_unit_id, c.acquisition_channel, c.birth_date, " + (withValue ? "s.stage" : "NULL AS stage") + ","
                + (withValue ? " m.compensation, i.minutes," : " NULL AS compensation, NULL AS minutes,")
                + " f.last_detractor, f.last_unhappy, f.latest_nps,"
                + " k.past_sla, k.last_complaint, k.complaints_year, v.sent, v.answered, "
                + (withValue ? "IF(p.at_risk, p.flagged_on, NULL) AS flagged_on" : "NULL AS flagged_on")
                + " FROM customer c"
                + " LEFT JOIN (SELECT customer_id,"
                + " MAX(IF(kind = 'NPS' AND score <= 6 AND answered_at" + sinceYearStart.get() + ", answered_at, NULL)) AS last_detractor,"
                + " MAX(IF(kind = 'CSAT' AND score <= 2 AND answered_at" + sinceYearStart.get() + ", answered_at, NULL)) AS last_unhappy,"
                + " CAST(SUBSTRING_INDEX(MAX(IF(kind = 'NPS', CONCAT(DATE_FORMAT(answered_at, '%Y%m%d%H%i%s%f'),"
                + " LPAD(id, 14, '0'), ':', score), NULL)), ':', -1) AS INT) AS latest_nps"
                + " FROM feedback WHERE customer_id IS NOT NULL AND answered_at" + beforeEnd.get() + oneCustomer.apply("customer_id")
                + " GROUP BY customer_id) f ON f.customer_id = c.id"
                + " LEFT JOIN (SELECT customer_id,"
                + " SUM(resolution_due_at < " + b.bind(sla) + " AND (resolved_at IS NULL OR resolved_at >= " + b.bind(sla) + ")) AS past_sla,"
                + " MAX(IF(opened_at" + sinceYearStart.get() + ", opened_at, NULL)) AS last_complaint,"
                + " SUM(opened_at" + sinceYearStart.get() + ") AS complaints_year"
                + " FROM complaint_case WHERE opened_at" + beforeEnd.get() + oneCustomer.apply("customer_id")
                + " GROUP BY customer_id) k ON k.customer_id = c.id"
                + " LEFT JOIN (SELECT customer_id, COUNT(*) AS sent, SUM(answered_at IS NOT NULL AND answered_at" + beforeEnd.get() + ") AS answered"
                + " FROM survey_invitation WHERE sent_at" + beforeEnd.get() + oneCustomer.apply("customer_id")
                + " GROUP BY customer_id) v ON v.customer_id = c.id"
                + (withValue ? " LEFT JOIN loyalty_stage s ON s.customer_id = c.id"
                        + " LEFT JOIN customer_value p ON p.customer_id = c.id"
                        + " LEFT JOIN (SELECT cs.customer_id, SUM(g.amount) AS compensation"
                        + " FROM complaint_compensation g JOIN complaint_case cs ON cs.id = g.case_id"
                        + " WHERE g.status = 'GRANTED' AND g.granted_at" + beforeEnd.get() + oneCustomer.apply("cs.customer_id")
                        + " GROUP BY cs.customer_id) m ON m.customer_id = c.id"
                        + " LEFT JOIN (SELECT customer_id, SUM(minutes) AS minutes FROM interaction"
                        + " WHERE occurred_at" + beforeEnd.get() + oneCustomer.apply("customer_id")
                        + " GROUP BY customer_id) i ON i.customer_id = c.id" : "")
                + " WHERE 1 = 1" + oneCustomer.apply("c.id")
                + " ORDER BY c.id";
        return b.query(sql);
    }

    /** Every order up to {@code day}, per customer in date order, from the index alone (customer/004). */
    static Query orders(LocalDate day, Long customerId) {
        Binder b = new Binder();
        return b.query("SELECT customer_id, order_date, gross_amount - discount, cost_of_goods, returned_amount "
                + "FROM customer_order FORCE INDEX (ix_order_customer_money) WHERE order_date <= " + b.bind(Date.valueOf(day))
                + (customerId == null ? "" : " AND customer_id = " + b.bind(customerId)) + " ORDER BY customer_id, order_date, id");
    }

    /** The customer row of {@link #sql} with the customer's folded orders. */
    static ValueFacts read(ResultSet rs, OrderSums o) throws SQLException {
        return new ValueFacts(rs.getLong("id"), rs.getLong("home_unit_id"), rs.getString("acquisition_channel"),
                date(rs, "birth_date"), rs.getString("stage"), o.orders, o.firstOrder, o.lastOrder, o.netSales, o.costKnown,
                o.salesWithoutCost, o.returns, o.ordersYear, o.ordersPreviousYear, o.salesYear, o.costKnownYear,
                o.salesWithoutCostYear, o.returnsYear, o.ordersHalf, o.salesHalf, o.ordersPreviousHalf, o.salesPreviousHalf,
                money(rs, "compensation"), rs.getLong("minutes"),
                time(rs, "last_detractor"), time(rs, "last_unhappy"), (Integer) rs.getObject("latest_nps", Integer.class),
                rs.getInt("past_sla"), time(rs, "last_complaint"), rs.getInt("complaints_year"), rs.getInt("sent"),
                rs.getInt("answered"), date(rs, "flagged_on"));
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
