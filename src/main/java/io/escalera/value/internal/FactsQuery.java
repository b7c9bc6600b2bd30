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
 * The one query that gathers every customer's {@link ValueFacts} as of a day, set-based: one GROUP BY per source
 * table, joined to the customers. Nothing after {@code asOf} (and no order after {@code day}) is read, so the same
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
        String d = quote(day);
        String yearStart = quote(day.minusDays(365));
        String previousYearStart = quote(day.minusDays(730));
        String halfStart = quote(day.minusMonths(6));
        String previousHalfStart = quote(day.minusMonths(12));
        String t = "'" + Timestamp.valueOf(day.plusDays(1).atStartOfDay()) + "'";
        String sla = "'" + Timestamp.valueOf(LocalDateTime.ofInstant(slaMoment, ZoneId.systemDefault())) + "'";
        String yearStartTime = "'" + day.minusDays(365) + " 00:00:00'";
        String one = customerId == null ? "" : " AND customer_id = " + customerId;
        String sql = """
                SELECT c.id, c.home_unit_id, c.acquisition_channel, c.birth_date, /*stage*/ NULL AS stage,
                       o.orders, o.first_order, o.last_order, o.net_sales, o.cost_known, o.sales_without_cost, o.returns,
                       o.orders_year, o.orders_previous_year, o.sales_year, o.cost_known_year, o.sales_without_cost_year, o.returns_year,
                       o.orders_half, o.sales_half, o.orders_previous_half, o.sales_previous_half,
                       /*compensation*/ NULL AS compensation, /*minutes*/ NULL AS minutes,
                       f.last_detractor, f.last_unhappy, f.latest_nps,
                       k.past_sla, k.last_complaint, k.complaints_year, v.sent, v.answered, /*flagged*/ NULL AS flagged_on
                FROM customer c
                LEFT JOIN (SELECT customer_id, COUNT(*) AS orders, MIN(order_date) AS first_order, MAX(order_date) AS last_order,
                                  SUM(gross_amount - discount) AS net_sales, COALESCE(SUM(cost_of_goods), 0) AS cost_known,
                                  SUM(IF(cost_of_goods IS NULL, gross_amount - discount, 0)) AS sales_without_cost,
                                  SUM(returned_amount) AS returns,
                                  SUM(order_date >= Y1) AS orders_year,
                                  SUM(order_date >= Y2 AND order_date < Y1) AS orders_previous_year,
                                  SUM(IF(order_date >= Y1, gross_amount - discount, 0)) AS sales_year,
                                  SUM(IF(order_date >= Y1, COALESCE(cost_of_goods, 0), 0)) AS cost_known_year,
                                  SUM(IF(order_date >= Y1 AND cost_of_goods IS NULL, gross_amount - discount, 0)) AS sales_without_cost_year,
                                  SUM(IF(order_date >= Y1, returned_amount, 0)) AS returns_year,
                                  SUM(order_date > H1) AS orders_half,
                                  SUM(IF(order_date > H1, gross_amount - discount, 0)) AS sales_half,
                                  SUM(order_date > H2 AND order_date <= H1) AS orders_previous_half,
                                  SUM(IF(order_date > H2 AND order_date <= H1, gross_amount - discount, 0)) AS sales_previous_half
                           FROM customer_order WHERE order_date <= D ONE GROUP BY customer_id) o ON o.customer_id = c.id
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
        return sql.replace("Y1", yearStart).replace("Y2", previousYearStart).replace("H1", halfStart)
                .replace("H2", previousHalfStart).replace("YT", yearStartTime).replace(" D ", " " + d + " ")
                .replace("< SLA AND", "< " + sla + " AND").replace(">= SLA)", ">= " + sla + ")")
                .replace(" T ", " " + t + " ").replace("< T)", "< " + t + ")").replace(">= T)", ">= " + t + ")")
                .replace("ONECS", customerId == null ? "" : " AND cs.customer_id = " + customerId)
                .replace("ONE", one).replace("CUSTOMER", customerId == null ? "" : " AND c.id = " + customerId);
    }

    private static String quote(LocalDate day) {
        return "'" + day + "'";
    }

    static ValueFacts read(ResultSet rs) throws SQLException {
        return new ValueFacts(rs.getLong("id"), rs.getLong("home_unit_id"), rs.getString("acquisition_channel"),
                date(rs, "birth_date"), rs.getString("stage"), rs.getInt("orders"), date(rs, "first_order"),
                date(rs, "last_order"), money(rs, "net_sales"), money(rs, "cost_known"), money(rs, "sales_without_cost"),
                money(rs, "returns"), rs.getInt("orders_year"), rs.getInt("orders_previous_year"), money(rs, "sales_year"),
                money(rs, "cost_known_year"), money(rs, "sales_without_cost_year"), money(rs, "returns_year"),
                rs.getInt("orders_half"), money(rs, "sales_half"), rs.getInt("orders_previous_half"),
                money(rs, "sales_previous_half"), money(rs, "compensation"), rs.getLong("minutes"),
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
