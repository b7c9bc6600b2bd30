package io.escalera.loyalty.internal;

import io.escalera.loyalty.LadderRules;
import io.escalera.loyalty.Stage;
import io.escalera.loyalty.StageDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stages in SQL: one customer's facts and stage (the incremental path), and the set-based full recompute, which must
 * decide exactly as {@link io.escalera.loyalty.LadderEngine} does (a test holds them to it).
 */
@Component
public class LadderStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LadderStore.class);
    private final JdbcClient jdbc;
    private long phaseStart;

    /** Logs how long the recompute's previous step took (the benchmark reads these to find the slow part). */
    private void phase(String name) {
        long now = System.nanoTime();
        if (name != null && log.isDebugEnabled()) {
            log.debug(String.format(java.util.Locale.ROOT, "ladder recompute: %s in %.1f s", name, (now - phaseStart) / 1e9));
        }
        phaseStart = now;
    }

    LadderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts the engine needs for one customer on a day. */
    public record Facts(List<LocalDate> orderDates, Integer latestNps, LocalDate lastReferralOn) {
    }

    public Facts facts(long customerId, LocalDate day) {
        List<LocalDate> orders = jdbc.sql("SELECT order_date FROM customer_order WHERE customer_id = ? AND order_date <= ?")
                .params(customerId, Date.valueOf(day)).query((rs, n) -> rs.getDate(1).toLocalDate()).list();
        Integer nps = jdbc.sql("""
                        SELECT score FROM feedback WHERE customer_id = ? AND kind = 'NPS' AND answered_at < ?
                        ORDER BY answered_at DESC, id DESC LIMIT 1""")
                .params(customerId, Timestamp.valueOf(day.plusDays(1).atStartOfDay())).query(Integer.class).optional().orElse(null);
        LocalDate referral = jdbc.sql("SELECT referred_on FROM referral WHERE referrer_id = ? AND referred_on <= ? ORDER BY referred_on DESC LIMIT 1")
                .params(customerId, Date.valueOf(day)).query((rs, n) -> rs.getDate(1).toLocalDate()).optional().orElse(null);
        return new Facts(orders, nps, referral);
    }

    public Optional<Stage> current(long customerId) {
        return jdbc.sql("SELECT stage FROM loyalty_stage WHERE customer_id = ?").param(customerId)
                .query((rs, n) -> Stage.valueOf(rs.getString(1))).optional();
    }

    /** Stores a decision; a change of stage is recorded in the history. @return whether the stage changed */
    public boolean apply(long customerId, StageDecision decision, LocalDate day, Instant now) {
        Optional<Stage> before = current(customerId);
        if (before.isPresent() && before.get() == decision.stage()) {
            jdbc.sql("UPDATE loyalty_stage SET reason_key = ?, reason_args = ?, updated_at = ? WHERE customer_id = ?")
                    .params(decision.reasonKey(), decision.reasonArgs(), Timestamp.from(now), customerId).update();
            return false;
        }
        jdbc.sql("""
                        INSERT INTO loyalty_stage_change (customer_id, from_stage, to_stage, changed_on, reason_key, reason_args, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, before.map(Enum::name).orElse(null), decision.stage().name(), Date.valueOf(day),
                        decision.reasonKey(), decision.reasonArgs(), Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO loyalty_stage (customer_id, stage, since, reason_key, reason_args, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE stage = VALUES(stage), since = VALUES(since), reason_key = VALUES(reason_key),
                                                reason_args = VALUES(reason_args), updated_at = VALUES(updated_at)""")
                .params(customerId, decision.stage().name(), Date.valueOf(day), decision.reasonKey(), decision.reasonArgs(),
                        Timestamp.from(now)).update();
        return true;
    }

    /**
     * Every customer's stage on {@code day}, set-based: counts per customer in one pass over the orders, the median gap
     * (window functions) only for customers with enough purchases to be clients, then one CASE with the engine's
     * order of rules. Changes go to the history, then the stages are replaced.
     *
     * @return how many customers changed stage
     */
    public int recomputeAll(LadderRules rules, LocalDate day, Instant now) {
        computeNext(rules, day);
        Date today = Date.valueOf(day);
        int changed = jdbc.sql("""
                        INSERT INTO loyalty_stage_change (customer_id, from_stage, to_stage, changed_on, reason_key, reason_args, created_at)
                        SELECT n.customer_id, s.stage, n.stage, ?, n.reason_key, n.reason_args, ?
                        FROM ladder_next n LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id
                        WHERE s.stage IS NULL OR s.stage <> n.stage""")
                .params(today, Timestamp.from(now)).update();
        phase("history of changes");
        // only what changed is written: most customers keep their stage and reason from one night to the next
        jdbc.sql("""
                        UPDATE loyalty_stage s JOIN ladder_next n ON n.customer_id = s.customer_id
                        SET s.since = IF(s.stage = n.stage, s.since, ?), s.stage = n.stage, s.reason_key = n.reason_key,
                            s.reason_args = n.reason_args, s.updated_at = ?
                        WHERE s.stage <> n.stage OR s.reason_key <> n.reason_key OR s.reason_args <> n.reason_args""")
                .params(today, Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO loyalty_stage (customer_id, stage, since, reason_key, reason_args, updated_at)
                        SELECT n.customer_id, n.stage, ?, n.reason_key, n.reason_args, ? FROM ladder_next n
                        LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id WHERE s.customer_id IS NULL""")
                .params(today, Timestamp.from(now)).update();
        phase("stages stored");
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_counts, ladder_median, ladder_next").update();
        return changed;
    }

    /**
     * What a rule change would do, before it is saved: how many customers would move from each stage to each other
     * stage ("CUSTOMER>CLIENT" → 1,234), computed exactly as the recompute would, changing nothing.
     */
    public java.util.Map<String, Long> preview(LadderRules rules, LocalDate day) {
        computeNext(rules, day);
        java.util.Map<String, Long> moves = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT CONCAT(COALESCE(s.stage, '-'), '>', n.stage), COUNT(*) FROM ladder_next n
                        LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id
                        WHERE s.stage IS NULL OR s.stage <> n.stage GROUP BY 1""")
                .query((rs, n) -> moves.put(rs.getString(1), rs.getLong(2))).list();
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_counts, ladder_median, ladder_next").update();
        return moves;
    }

    /** Fills the temporary table ladder_next with every customer's stage and reason on {@code day}. */
    private void computeNext(LadderRules rules, LocalDate day) {
        phase(null);
        Date today = Date.valueOf(day);
        Date windowStart = Date.valueOf(day.minusDays(rules.windowDays()));
        Date referralStart = Date.valueOf(day.minusDays(rules.referralWindowDays()));
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_counts").update();
        jdbc.sql("""
                        CREATE TEMPORARY TABLE ladder_counts (customer_id BIGINT PRIMARY KEY, in_window INT, last_order DATE) ENGINE=InnoDB
                        AS SELECT customer_id, SUM(order_date >= ?) AS in_window, MAX(order_date) AS last_order
                        FROM customer_order WHERE order_date <= ? GROUP BY customer_id""")
                .params(windowStart, today).update();
        phase("counts per customer");
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_median").update();
        jdbc.sql("""
                        CREATE TEMPORARY TABLE ladder_median (customer_id BIGINT PRIMARY KEY, median_gap DECIMAL(12,4)) ENGINE=InnoDB
                        AS SELECT customer_id, AVG(gap) AS median_gap FROM (
                             SELECT customer_id, gap, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY gap) AS rn,
                                    COUNT(*) OVER (PARTITION BY customer_id) AS cnt
                             FROM (SELECT o.customer_id,
                                          DATEDIFF(o.order_date, LAG(o.order_date) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.id)) AS gap
                                   FROM customer_order o JOIN ladder_counts k ON k.customer_id = o.customer_id AND k.in_window >= ?
                                   WHERE o.order_date <= ?) g
                             WHERE gap IS NOT NULL) r
                        WHERE rn IN (FLOOR((cnt + 1) / 2), FLOOR(cnt / 2) + 1) GROUP BY customer_id""")
                .params(rules.clientPurchases(), today).update();
        phase("median gaps of client candidates");
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_next").update();
        jdbc.sql("""
                        CREATE TEMPORARY TABLE ladder_next (customer_id BIGINT PRIMARY KEY, stage VARCHAR(10), reason_key VARCHAR(60),
                                                            reason_args VARCHAR(120)) ENGINE=InnoDB
                        AS SELECT customer_id,
                               CASE WHEN kind = 'P' THEN 'PROSPECT' WHEN kind = 'L' THEN 'LAPSED' WHEN kind = 'S' THEN 'SHOPPER'
                                    WHEN kind IN ('C', 'O') THEN 'CUSTOMER' WHEN kind = 'K' THEN 'CLIENT' ELSE 'ADVOCATE' END AS stage,
                               CASE kind WHEN 'P' THEN 'ladder.reason.prospect' WHEN 'L' THEN 'ladder.reason.lapsed'
                                    WHEN 'S' THEN 'ladder.reason.shopper' WHEN 'C' THEN 'ladder.reason.customer'
                                    WHEN 'O' THEN 'ladder.reason.customer-overdue' WHEN 'K' THEN 'ladder.reason.client'
                                    WHEN 'N' THEN 'ladder.reason.advocate-promoter' ELSE 'ladder.reason.advocate-referral' END AS reason_key,
                               CASE kind WHEN 'P' THEN '' WHEN 'L' THEN CONCAT(?, '|', last_order) WHEN 'S' THEN CONCAT(?)
                                    WHEN 'C' THEN CONCAT(in_window, '|', ?) WHEN 'K' THEN CONCAT(in_window, '|', ?)
                                    WHEN 'O' THEN CONCAT(in_window, '|', ?, '|', since, '|',
                                                         TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(median_gap AS CHAR))))
                                    WHEN 'N' THEN CONCAT(in_window, '|', ?, '|', nps)
                                    ELSE CONCAT(in_window, '|', ?, '|', last_referral) END AS reason_args
                        FROM (
                          SELECT c.id AS customer_id, k.in_window, k.last_order, DATEDIFF(?, k.last_order) AS since, m.median_gap,
                                 x.nps, x.last_referral,
                                 CASE WHEN k.customer_id IS NULL THEN 'P'
                                      WHEN k.in_window = 0 THEN 'L'
                                      WHEN k.in_window >= ? AND (m.median_gap IS NULL OR DATEDIFF(?, k.last_order) < ? * m.median_gap)
                                           THEN CASE WHEN x.nps >= ? THEN 'N' WHEN x.last_referral >= ? THEN 'R' ELSE 'K' END
                                      WHEN k.in_window >= ? THEN 'O'
                                      WHEN k.in_window >= ? THEN 'C'
                                      ELSE 'S' END AS kind
                          FROM customer c
                          LEFT JOIN ladder_counts k ON k.customer_id = c.id
                          LEFT JOIN ladder_median m ON m.customer_id = c.id
                          LEFT JOIN (SELECT k2.customer_id,
                                            (SELECT f.score FROM feedback f WHERE f.customer_id = k2.customer_id AND f.kind = 'NPS' AND f.answered_at < ?
                                             ORDER BY f.answered_at DESC, f.id DESC LIMIT 1) AS nps,
                                            (SELECT MAX(r.referred_on) FROM referral r WHERE r.referrer_id = k2.customer_id AND r.referred_on <= ?) AS last_referral
                                     FROM ladder_counts k2 WHERE k2.in_window >= ?) x ON x.customer_id = c.id
                        ) decided""")
                .params(rules.windowDays(), rules.windowDays(), rules.windowDays(), rules.windowDays(), rules.windowDays(),
                        rules.windowDays(), rules.windowDays(),
                        today, rules.clientPurchases(), today, rules.overdueFactor(), rules.promoterScore(), referralStart,
                        rules.clientPurchases(), rules.customerPurchases(),
                        Timestamp.valueOf(day.plusDays(1).atStartOfDay()), today, rules.clientPurchases())
                .update();
        phase("stages decided");
    }
}
