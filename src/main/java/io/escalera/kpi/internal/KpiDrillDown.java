package io.escalera.kpi.internal;

import io.escalera.feedback.LoopMeasures;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiAnswer;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiRecord;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The records behind a board number, with the same period, units and channel as the facts. */
@Component
public class KpiDrillDown {

    private final JdbcClient jdbc;
    private final Clock clock;

    KpiDrillDown(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The records behind a KPI, newest first: the orders, cases, contacts or answers it counts in the period and
     * filter (for a rate: those its numerator counts, e.g. the late or incomplete deliveries behind OTIF).
     */
    public List<KpiRecord> records(Kpi kpi, LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units,
                                                   long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        params.put("fromDay", Date.valueOf(from));
        params.put("toDay", Date.valueOf(to));
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        params.put("limit", limit);
        params.put("offset", offset);
        if (filter.channel() != null) {
            params.put("channel", filter.channel());
        }
        if (filter.tier() != null) {
            params.put("tier", filter.tier().segmentKey());
        }
        String sql = switch (kpi) {
            case ORDERS, NET_SALES, AVERAGE_TICKET -> orders("1 = 1", "'kpi.record.order'", "CONCAT(x.gross_amount - x.discount)");
            case OTIF -> orders("x.actual_delivery IS NOT NULL AND NOT (x.actual_delivery IS NOT NULL AND (x.promised_delivery IS NULL"
                    + " OR x.actual_delivery <= x.promised_delivery) AND COALESCE(x.delivered_in_full, TRUE))",
                    "IF(x.actual_delivery > x.promised_delivery, 'kpi.record.late', 'kpi.record.incomplete')", "CONCAT(x.actual_delivery)");
            case RETURN_RATE -> orders("x.returned_amount > 0", "'kpi.record.returned'", "CONCAT(x.returned_amount)");
            case CASES_OPENED, COMPLAINT_RATE -> cases("x.opened_at", "1 = 1", "'kpi.record.case'", "x.category");
            case SLA_COMPLIANCE, RESOLUTION_MEDIAN, RESOLUTION_P90 -> cases("x.resolved_at", "x.resolved_at IS NOT NULL",
                    "IF(x.resolved_at <= x.resolution_due_at, 'kpi.record.within-sla', 'kpi.record.breached')", "CONCAT(x.resolution_minutes)");
            case FIRST_RESPONSE_MEDIAN, FIRST_RESPONSE_P90 -> cases("x.first_response_at", "x.first_response_at IS NOT NULL",
                    "'kpi.record.first-response'", "CONCAT(x.first_response_minutes)");
            case COMPENSATION_COST -> """
                    SELECT 'case', k.id, c2.granted_at, k.customer_id, c.external_code, c.name, 'kpi.record.compensation', CONCAT(c2.type, '|', c2.amount)
                    FROM complaint_compensation c2 JOIN complaint_case k ON k.id = c2.case_id LEFT JOIN customer c ON c.id = k.customer_id
                    WHERE c2.status = 'GRANTED' AND c2.granted_at >= :from AND c2.granted_at < :to""" + UnitCondition.and("k.unit_id", units)
                    + (filter.channel() == null ? "" : " AND k.channel = :channel") + tierCondition("k.customer_id", filter)
                    + " ORDER BY c2.granted_at DESC, c2.id DESC";
            case FIRST_CONTACT_RESOLUTION -> """
                    SELECT 'contact', i.id, i.occurred_at, i.customer_id, c.external_code, c.name,
                           IF(i.resolved_first_contact, 'kpi.record.resolved-first', 'kpi.record.not-resolved-first'), i.channel
                    FROM interaction i LEFT JOIN customer c ON c.id = i.customer_id
                    WHERE i.direction = 'IN' AND i.occurred_at >= :from AND i.occurred_at < :to""" + UnitCondition.and("i.unit_id", units)
                    + (filter.channel() == null ? "" : " AND i.channel = :channel") + tierCondition("i.customer_id", filter)
                    + " ORDER BY i.occurred_at DESC, i.id DESC";
            case PURCHASE_FREQUENCY -> customerLevel("""
                    SELECT 'order', x.id, TIMESTAMP(x.order_date), x.customer_id, c.external_code, c.name, 'kpi.record.order',
                           CONCAT(x.gross_amount - x.discount)
                    FROM customer_order x JOIN customer c ON c.id = x.customer_id
                    WHERE x.order_date >= :fromDay AND x.order_date <= :toDay""", "", "ORDER BY x.order_date DESC, x.id DESC", filter, units);
            // the order that made each customer a repeat buyer: their second in the period
            case REPEAT_PURCHASE -> customerLevel("""
                    SELECT 'order', x.id, TIMESTAMP(x.order_date), x.customer_id, c.external_code, c.name, 'kpi.record.repeat', CONCAT(x.rn)
                    FROM (SELECT o.id, o.customer_id, o.order_date,
                                 ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.id) AS rn
                          FROM customer_order o WHERE o.order_date >= :fromDay AND o.order_date <= :toDay) x
                    JOIN customer c ON c.id = x.customer_id
                    WHERE x.rn = 2""", "", "ORDER BY x.order_date DESC, x.id DESC", filter, units);
            // the customers lost in the period (up to today): their last order, 366 days before the day they lapsed
            case CHURN, RETENTION -> customerLevel("""
                    SELECT 'order', MAX(x.id), TIMESTAMP(x.order_date + INTERVAL 366 DAY), x.customer_id, c.external_code, c.name,
                           'kpi.record.lapsed', CONCAT(x.order_date)
                    FROM customer_order x JOIN customer c ON c.id = x.customer_id
                    WHERE x.order_date >= :fromDay - INTERVAL 366 DAY AND x.order_date <= LEAST(:toDay, :today) - INTERVAL 366 DAY
                      AND NOT EXISTS (SELECT 1 FROM customer_order n WHERE n.customer_id = x.customer_id
                                      AND n.order_date > x.order_date AND n.order_date <= x.order_date + INTERVAL 365 DAY)""",
                    " GROUP BY x.customer_id, x.order_date, c.external_code, c.name", "ORDER BY x.order_date DESC, x.customer_id DESC", filter, units);
            case LOOP_CLOSURE, RECOVERY_RATE -> {
                // the unhappy answers whose follow-ups the rate counts: all of them for closure, those of known
                // customers for recovery (recovery needs a customer to come back)
                boolean recovery = kpi == Kpi.RECOVERY_RATE;
                String outcome = recovery
                        ? "IF(" + LoopMeasures.recoveredCondition("u", "f") + ", 'kpi.record.recovered', 'kpi.record.not-recovered')"
                        : "IF(u.closed_at IS NOT NULL AND u.closed_at <= u.due_at, 'kpi.record.loop-in-time', 'kpi.record.loop-not-in-time')";
                yield """
                        SELECT 'answer', f.id, u.opened_at, u.customer_id, c.external_code, c.name, %s, CONCAT(f.kind, '|', f.score)
                        FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id LEFT JOIN customer c ON c.id = u.customer_id
                        LEFT JOIN customer_order fo ON fo.id = f.order_id
                        WHERE u.opened_at >= :from AND u.opened_at < :to""".formatted(outcome)
                        + (recovery ? " AND u.customer_id IS NOT NULL" : "")
                        + UnitCondition.and("COALESCE(u.unit_id, 0)", units)
                        + (filter.channel() == null ? "" : " AND COALESCE(fo.channel, '') = :channel") + tierCondition("u.customer_id", filter)
                        + " ORDER BY u.opened_at DESC, u.id DESC";
            }
            case NPS, CSAT_SHARE, CSAT_MEAN, CES_MEAN, CES_SHARE, ANSWERS -> {
                String kind = switch (kpi) {
                    case NPS -> "'NPS'";
                    case CSAT_SHARE, CSAT_MEAN -> "'CSAT'";
                    case CES_MEAN, CES_SHARE -> "'CES'";
                    default -> "f.kind";
                };
                yield """
                        SELECT 'answer', f.id, f.answered_at, f.customer_id, c.external_code, c.name, 'kpi.record.answer', CONCAT(f.kind, '|', f.score)
                        FROM feedback f LEFT JOIN customer c ON c.id = f.customer_id LEFT JOIN customer_order o ON o.id = f.order_id
                        WHERE f.answered_at >= :from AND f.answered_at < :to AND f.kind = """ + kind
                        + UnitCondition.and("COALESCE(f.unit_id, 0)", units)
                        + (filter.channel() == null ? "" : " AND COALESCE(o.channel, '') = :channel") + tierCondition("f.customer_id", filter)
                        + " ORDER BY f.answered_at DESC, f.id DESC";
            }
            case AVERAGE_ECONOMIC_VALUE, AVERAGE_STRATEGIC_VALUE, SILENT_DECLINERS, CONVERSION_TO_SHOPPER, CONVERSION_TO_CUSTOMER,
                 CONVERSION_TO_CLIENT, CONVERSION_TO_ADVOCATE -> null;
        };
        if (sql == null) {
            return List.of();
        }
        // orders and cases: their unit and channel conditions go where the query marks them
        sql = sql.replace("/*units*/", UnitCondition.and("x.unit_id", units))
                .replace("/*channel*/", (filter.channel() == null ? "" : " AND x.channel = :channel") + tierCondition("x.customer_id", filter));
        return jdbc.sql(sql + " LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> new KpiRecord(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toLocalDateTime(),
                        (Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    /**
     * A customer KPI's records: under the customer's home unit, and none for a channel (customers belong to none), as
     * the customer facts count them.
     */
    private static String customerLevel(String select, String groupBy, String order, KpiFilter filter, Set<Long> units) {
        return select + UnitCondition.and("c.home_unit_id", units) + (filter.channel() == null ? "" : " AND 1 = 0")
                + tierCondition("x.customer_id", filter) + groupBy + " " + order;
    }

    /** The records of customers in the filter's tier, as the tiered facts counted them (the same snapshot). */
    private static String tierCondition(String customerIdColumn, KpiFilter filter) {
        return filter.tier() == null ? "" : " AND " + customerIdColumn + " IN (SELECT customer_id FROM kpi_customer_tier WHERE segment_key = :tier)";
    }

    private static String orders(String condition, String detailKey, String detailArgs) {
        return """
                SELECT 'order', x.id, TIMESTAMP(x.order_date), x.customer_id, c.external_code, c.name, %s, %s
                FROM customer_order x LEFT JOIN customer c ON c.id = x.customer_id
                WHERE x.order_date >= :from AND x.order_date < :to AND %s /*units*/ /*channel*/
                ORDER BY x.order_date DESC, x.id DESC""".formatted(detailKey, detailArgs, condition);
    }

    private static String cases(String dateColumn, String condition, String detailKey, String detailArgs) {
        return """
                SELECT 'case', x.id, %1$s, x.customer_id, c.external_code, c.name, %3$s, %4$s
                FROM complaint_case x LEFT JOIN customer c ON c.id = x.customer_id
                WHERE %1$s >= :from AND %1$s < :to AND %2$s /*units*/ /*channel*/
                ORDER BY %1$s DESC, x.id DESC""".formatted(dateColumn, condition, detailKey, detailArgs);
    }

    /** Answers of one kind with a score in [minScore, maxScore], newest first. */
    public List<KpiAnswer> answers(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units, String kind, int minScore,
                                   int maxScore, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        params.put("kind", kind);
        params.put("min", minScore);
        params.put("max", maxScore);
        params.put("limit", limit);
        params.put("offset", offset);
        String conditions = "";
        if (filter.channel() != null) {
            conditions = " AND COALESCE(o.channel, '') = :channel";
            params.put("channel", filter.channel());
        }
        if (filter.tier() != null) {
            conditions += tierCondition("f.customer_id", filter);
            params.put("tier", filter.tier().segmentKey());
        }
        return jdbc.sql("""
                        SELECT f.id, f.answered_at, f.customer_id, c.external_code, c.name, f.kind, f.score, f.comment
                        FROM feedback f LEFT JOIN customer c ON c.id = f.customer_id LEFT JOIN customer_order o ON o.id = f.order_id
                        WHERE f.answered_at >= :from AND f.answered_at < :to AND f.kind = :kind AND f.score BETWEEN :min AND :max
                        """ + UnitCondition.and("COALESCE(f.unit_id, 0)", units) + conditions
                        // a space of its own: "AND 1 = 0" (no unit in scope) ends without one
                        + " ORDER BY f.answered_at DESC, f.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> new KpiAnswer(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8))).list();
    }
}
