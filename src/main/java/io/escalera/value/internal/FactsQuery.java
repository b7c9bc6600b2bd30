package io.escalera.value.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The queries that gather every customer's {@link ValueFacts} as of a day, set-based: one GROUP BY per source table
 * joined to the customers, and the orders streamed in customer order from one covering index (see {@link FactsReader}). Nothing after {@code asOf} (and no order after {@code day}) is read, so the same
 * query serves today's recompute and the back-test's "what we knew then". It joins other modules' tables read-only,
 * as reports do; it never writes them.
 */
final class FactsQuery {

    private FactsQuery() {
    }

    /**
     * @param slaMoment  when a case counts as past its due time (now, or the end of the back-test's cut-off day);
     *                   everything else counts up to the end of {@code day}
     * @param customerId one customer, or null for everyone (in customer order)
     * @param withValue  false leaves out what only the value needs (compensation, minutes, stage), for the back-test
     */
    static String sql(LocalDate day, Instant slaMoment, Long customerId, boolean withValue) {
        String t = "'" + Timestamp.valueOf(day.plusDays(1).atStartOfDay()) + "'";
        String sla = "'" + Timestamp.valueOf(LocalDateTime.ofInstant(slaMoment, ZoneId.systemDefault())) + "'";
        String yearStartTime = "'" + day.minusDays(365) + " 00:00:00'";
        String one = customerId == null ? "" : " AND customer_id = " + customerId;
        String sql = """
                SELECT c.id, c.home_unit_id, c.acquisition_channel, c.birth_date, /*stage*/ NULL AS stage,
                       /*compensation*/ NULL AS compensation, /*minutes*/ NULL AS minutes,
                       f.last_detractor, f.last_unhappy, f.latest_nps,
                       k.past_sla, k.last_complaint, k.complaints_year, v.sent, v.answered, /*flagged*/ NULL AS flagged_on
                FROM customer c
                LEFT JOIN (SELECT customer_id,
                                  MAX(IF(kind = 'NPS' AND score <= 6 AND answered_at >= YT, answered_at, NULL)) AS last_detractor,
                                  MAX(IF(kind = 'CSAT' AND score <= 2 AND answered_at >= YT, answered_at, NULL)) AS last_unhappy,
                                  CAST(SUBSTRING_INDEX(MAX(IF(kind = 'NPS', CONCAT(DATE_FORMAT(answered_at, '%Y%m%d%H%i%s%f'),
                                       LPAD(id, 14, '0'), ':', score), NULL)), ':', -1) AS INT) AS latest_nps
                           FROM feedback WHERE customer_id IS NOT NULL AND answered_at < T ONE GROUP BY customer_id) f ON f.customer_id = c.id
                LEFT JOIN (SELECT customer_id,
                                  SUM(resolution_due_at < SLA AND (resolved_at IS NULL OR resolved_at >= SLA)) AS past_sla,
                                  MAX(IF(opened_at >= YT, opened_at, NULL)) AS last_complaint,
                                  SUM(opened_at >= YT) AS complaints_year
                           FROM complaint_case WHERE opened_at < T ONE GROUP BY customer_id) k ON k.customer_id = c.id
                LEFT JOIN (SELECT customer_id, COUNT(*) AS sent, SUM(answered_at IS NOT NULL AND answered_at < T) AS answered
                           FROM survey_invitation WHERE sent_at < T ONE GROUP BY customer_id) v ON v.customer_id = c.id
                /*value joins*/
                WHERE 1 = 1 CUSTOMER
                ORDER BY c.id""";
        if (withValue) {
            sql = sql.replace("/*stage*/ NULL AS stage", "s.stage")
                    .replace("/*compensation*/ NULL AS compensation", "m.compensation")
                    .replace("/*minutes*/ NULL AS minutes", "i.minutes")
                    .replace("/*flagged*/ NULL AS flagged_on", "IF(p.at_risk, p.flagged_on, NULL) AS flagged_on")
                    .replace("/*value joins*/", """
                            LEFT JOIN loyalty_stage s ON s.customer_id = c.id
                            LEFT JOIN customer_value p ON p.customer_id = c.id
                            LEFT JOIN (SELECT cs.customer_id, SUM(g.amount) AS compensation
                                       FROM complaint_compensation g JOIN complaint_case cs ON cs.id = g.case_id
                                       WHERE g.status = 'GRANTED' AND g.granted_at < T ONECS GROUP BY cs.customer_id) m ON m.customer_id = c.id
                            LEFT JOIN (SELECT customer_id, SUM(minutes) AS minutes FROM interaction
                                       WHERE occurred_at < T ONE GROUP BY customer_id) i ON i.customer_id = c.id""");
        }
        return sql.replace("YT", yearStartTime)
                .replace("< SLA AND", "< " + sla + " AND").replace(">= SLA)", ">= " + sla + ")")
                .replace(" T ", " " + t + " ").replace("< T)", "< " + t + ")").replace(">= T)", ">= " + t + ")")
                .replace("ONECS", customerId == null ? "" : " AND cs.customer_id = " + customerId)
                .replace("ONE", one).replace("CUSTOMER", customerId == null ? "" : " AND c.id = " + customerId);
    }

    /** Every order up to {@code day}, per customer in date order, from the index alone (customer/004). */
    static String orders(LocalDate day, Long customerId) {
        return "SELECT customer_id, order_date, gross_amount - discount, cost_of_goods, returned_amount "
                + "FROM customer_order FORCE INDEX (ix_order_customer_money) WHERE order_date <= '" + day + "'"
                + (customerId == null ? "" : " AND customer_id = " + customerId) + " ORDER BY customer_id, order_date, id";
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
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
