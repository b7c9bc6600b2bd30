package io.escalera.kpi.internal;

import io.escalera.feedback.LoopMeasures;

import java.util.List;

/**
 * What each base table adds to the daily facts, grouped by day, unit and channel (and value tier, for the tiered
 * facts); {@code :from} and {@code :to} bound the day. Each query is written once from the named pieces of its
 * {@link FactSlice}, and serves both to fill the summary tables and to compute the same sums straight from the base
 * tables (the benchmark and the equality test). Each source groups its table once, all measures as columns (one pass
 * over the rows), then turns the few grouped rows into one row per measure.
 */
final class FactSources {

    /** A fact query for a slice: over every customer, or per tier. */
    @FunctionalInterface
    interface Source {
        String sql(FactSlice slice);
    }

    private FactSources() {
    }

    static final Source ORDERS = s -> "SELECT g.day, g.unit_id, g.channel" + s.groupedTier() + ", m.measure,"
            + " CASE m.measure WHEN 'orders' THEN g.orders WHEN 'gross' THEN g.gross WHEN 'net' THEN g.net"
            + " WHEN 'returned' THEN g.returned WHEN 'delivered' THEN g.delivered ELSE g.otif END AS value"
            + " FROM (SELECT o.order_date AS day, o.unit_id, o.channel" + s.tierSelect() + ", COUNT(*) AS orders, SUM(o.gross_amount) AS gross,"
            + " SUM(o.gross_amount - o.discount) AS net, SUM(o.returned_amount) AS returned,"
            + " SUM(o.actual_delivery IS NOT NULL) AS delivered,"
            + " SUM(o.actual_delivery IS NOT NULL AND (o.promised_delivery IS NULL OR o.actual_delivery <= o.promised_delivery)"
            + " AND COALESCE(o.delivered_in_full, TRUE)) AS otif"
            + " FROM customer_order o" + s.tierJoin("o") + " WHERE o.order_date >= :from AND o.order_date < :to"
            + " GROUP BY o.order_date, o.unit_id, o.channel" + s.tierGroupBy() + ") g"
            + " JOIN (SELECT 'orders' AS measure UNION ALL SELECT 'gross' UNION ALL SELECT 'net' UNION ALL SELECT 'returned'"
            + " UNION ALL SELECT 'delivered' UNION ALL SELECT 'otif') m";

    /** Answers per kind; a kind with no answer that day adds no rows. */
    static final Source ANSWERS = s -> "SELECT g.day, g.unit_id, g.channel" + s.groupedTier() + ", m.measure,"
            + " CASE m.measure WHEN 'nps_answers' THEN g.nps_answers WHEN 'nps_promoters' THEN g.nps_promoters"
            + " WHEN 'nps_detractors' THEN g.nps_detractors WHEN 'csat_answers' THEN g.csat_answers"
            + " WHEN 'csat_sum' THEN g.csat_sum WHEN 'csat_top' THEN g.csat_top WHEN 'ces_answers' THEN g.ces_answers"
            + " WHEN 'ces_sum' THEN g.ces_sum ELSE g.ces_top END AS value"
            + " FROM (SELECT DATE(f.answered_at) AS day, COALESCE(f.unit_id, 0) AS unit_id, COALESCE(o.channel, '') AS channel" + s.tierSelect() + ","
            + " SUM(f.kind = 'NPS') AS nps_answers, SUM(f.kind = 'NPS' AND f.score >= 9) AS nps_promoters,"
            + " SUM(f.kind = 'NPS' AND f.score <= 6) AS nps_detractors,"
            + " SUM(f.kind = 'CSAT') AS csat_answers, SUM(IF(f.kind = 'CSAT', f.score, 0)) AS csat_sum,"
            + " SUM(f.kind = 'CSAT' AND f.score >= 4) AS csat_top,"
            + " SUM(f.kind = 'CES') AS ces_answers, SUM(IF(f.kind = 'CES', f.score, 0)) AS ces_sum,"
            + " SUM(f.kind = 'CES' AND f.score >= 5) AS ces_top"
            + " FROM feedback f LEFT JOIN customer_order o ON o.id = f.order_id" + s.tierJoin("f")
            + " WHERE f.answered_at >= :from AND f.answered_at < :to"
            + " GROUP BY DATE(f.answered_at), COALESCE(f.unit_id, 0), COALESCE(o.channel, '')" + s.tierGroupBy() + ") g"
            + " JOIN (SELECT 'NPS' AS kind, 'nps_answers' AS measure UNION ALL SELECT 'NPS', 'nps_promoters' UNION ALL SELECT 'NPS', 'nps_detractors'"
            + " UNION ALL SELECT 'CSAT', 'csat_answers' UNION ALL SELECT 'CSAT', 'csat_sum' UNION ALL SELECT 'CSAT', 'csat_top'"
            + " UNION ALL SELECT 'CES', 'ces_answers' UNION ALL SELECT 'CES', 'ces_sum' UNION ALL SELECT 'CES', 'ces_top') m"
            + " ON CASE m.kind WHEN 'NPS' THEN g.nps_answers WHEN 'CSAT' THEN g.csat_answers ELSE g.ces_answers END > 0";

    static final Source CASES_OPENED = s -> "SELECT DATE(k.opened_at) AS day, k.unit_id, k.channel" + s.tierSelect() + ", 'cases_opened' AS measure, COUNT(*) AS value"
            + " FROM complaint_case k" + s.tierJoin("k") + " WHERE k.opened_at >= :from AND k.opened_at < :to"
            + " GROUP BY DATE(k.opened_at), k.unit_id, k.channel" + s.tierGroupBy();

    static final Source CASES_RESOLVED = s -> "SELECT g.day, g.unit_id, g.channel" + s.groupedTier()
            + ", m.measure, IF(m.measure = 'cases_resolved', g.resolved, g.in_sla) AS value"
            + " FROM (SELECT DATE(k.resolved_at) AS day, k.unit_id, k.channel" + s.tierSelect() + ", COUNT(*) AS resolved,"
            + " SUM(k.resolved_at <= k.resolution_due_at) AS in_sla"
            + " FROM complaint_case k" + s.tierJoin("k") + " WHERE k.resolved_at >= :from AND k.resolved_at < :to"
            + " GROUP BY DATE(k.resolved_at), k.unit_id, k.channel" + s.tierGroupBy() + ") g"
            + " JOIN (SELECT 'cases_resolved' AS measure UNION ALL SELECT 'resolved_in_sla') m";

    static final Source COMPENSATION = s -> "SELECT DATE(c.granted_at) AS day, k.unit_id, k.channel" + s.tierSelect()
            + ", 'compensation' AS measure, SUM(c.amount) AS value"
            + " FROM complaint_compensation c JOIN complaint_case k ON k.id = c.case_id" + s.tierJoin("k")
            + " WHERE c.status = 'GRANTED' AND c.granted_at >= :from AND c.granted_at < :to"
            + " GROUP BY DATE(c.granted_at), k.unit_id, k.channel" + s.tierGroupBy();

    static final Source INBOUND = s -> "SELECT g.day, g.unit_id, g.channel" + s.groupedTier()
            + ", m.measure, IF(m.measure = 'inbound', g.inbound, g.fcr) AS value"
            + " FROM (SELECT DATE(i.occurred_at) AS day, i.unit_id, i.channel" + s.tierSelect() + ", COUNT(*) AS inbound,"
            + " SUM(i.resolved_first_contact) AS fcr"
            + " FROM interaction i" + s.tierJoin("i") + " WHERE i.direction = 'IN' AND i.occurred_at >= :from AND i.occurred_at < :to"
            + " GROUP BY DATE(i.occurred_at), i.unit_id, i.channel" + s.tierGroupBy() + ") g"
            + " JOIN (SELECT 'inbound' AS measure UNION ALL SELECT 'inbound_fcr') m";

    /**
     * Follow-ups of unhappy answers, by the day they were opened (the answer's unit and order channel): opened, closed
     * within their due time, of known customers, and recovered (the feedback module's one definition). Closing and
     * recovery happen later: a closure marks the opening day again, recovery is brought up to date by the nightly rebuild.
     */
    static final Source LOOP = s -> "SELECT g.day, g.unit_id, g.channel" + s.groupedTier() + ", m.measure,"
            + " CASE m.measure WHEN 'loop_opened' THEN g.opened WHEN 'loop_closed_in_sla' THEN g.closed_in_sla"
            + " WHEN 'loop_known' THEN g.known ELSE g.recovered END AS value"
            + " FROM (SELECT DATE(u.opened_at) AS day, COALESCE(u.unit_id, 0) AS unit_id, COALESCE(fo.channel, '') AS channel" + s.tierSelect() + ","
            + " COUNT(*) AS opened, SUM(u.closed_at IS NOT NULL AND u.closed_at <= u.due_at) AS closed_in_sla,"
            + " SUM(u.customer_id IS NOT NULL) AS known, SUM(" + LoopMeasures.recoveredCondition("u", "f") + ") AS recovered"
            + " FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id LEFT JOIN customer_order fo ON fo.id = f.order_id" + s.tierJoin("u")
            + " WHERE u.opened_at >= :from AND u.opened_at < :to"
            + " GROUP BY DATE(u.opened_at), COALESCE(u.unit_id, 0), COALESCE(fo.channel, '')" + s.tierGroupBy() + ") g"
            + " JOIN (SELECT 'loop_opened' AS measure UNION ALL SELECT 'loop_closed_in_sla' UNION ALL SELECT 'loop_known'"
            + " UNION ALL SELECT 'loop_recovered') m";

    /** The sums of the daily facts (day, unit, channel[, tier], measure, value). */
    static final List<Source> SUMS = List.of(ORDERS, ANSWERS, CASES_OPENED, CASES_RESOLVED, COMPENSATION, INBOUND, LOOP);

    /** How many answers gave each score, per kind (the Voice board's distributions). */
    static final Source SCORES = s -> "SELECT DATE(f.answered_at) AS day, COALESCE(f.unit_id, 0) AS unit_id, COALESCE(o.channel, '') AS channel"
            + s.tierSelect() + ", f.kind, f.score, COUNT(*) AS answers"
            + " FROM feedback f LEFT JOIN customer_order o ON o.id = f.order_id" + s.tierJoin("f")
            + " WHERE f.answered_at >= :from AND f.answered_at < :to"
            + " GROUP BY DATE(f.answered_at), COALESCE(f.unit_id, 0), COALESCE(o.channel, '')" + s.tierGroupBy() + ", f.kind, f.score";

    /** Minute histograms of first responses and resolutions (day, unit, channel[, tier], measure, minutes, cases). */
    static final List<Source> MINUTES = List.of(
            s -> "SELECT DATE(k.first_response_at) AS day, k.unit_id, k.channel" + s.tierSelect() + ", 'first_response' AS measure,"
                    + " k.first_response_minutes AS minutes, COUNT(*) AS cases"
                    + " FROM complaint_case k" + s.tierJoin("k")
                    + " WHERE k.first_response_minutes IS NOT NULL AND k.first_response_at >= :from AND k.first_response_at < :to"
                    + " GROUP BY day, k.unit_id, k.channel" + s.tierGroupBy() + ", minutes",
            s -> "SELECT DATE(k.resolved_at) AS day, k.unit_id, k.channel" + s.tierSelect() + ", 'resolution' AS measure,"
                    + " k.resolution_minutes AS minutes, COUNT(*) AS cases"
                    + " FROM complaint_case k" + s.tierJoin("k")
                    + " WHERE k.resolution_minutes IS NOT NULL AND k.resolved_at >= :from AND k.resolved_at < :to"
                    + " GROUP BY day, k.unit_id, k.channel" + s.tierGroupBy() + ", minutes");
}
