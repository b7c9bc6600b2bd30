package io.escalera.loyalty.internal;

import io.escalera.loyalty.LadderRules;
import io.escalera.loyalty.Stage;
import io.escalera.loyalty.StageDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Stages in SQL: one customer's facts and stage (the incremental path), and the set-based full recompute, which must
 * decide exactly as {@link io.escalera.loyalty.LadderEngine} does (a test holds them to it).
 */
@Component
public class LadderStore {

    private static final Logger log = LoggerFactory.getLogger(LadderStore.class);
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private long phaseStart;

    /** Logs how long the recompute's previous step took (the benchmark reads these to find the slow part). */
    private void phase(String name) {
        long now = System.nanoTime();
        if (name != null && log.isDebugEnabled()) {
            log.debug(String.format(Locale.ROOT, "ladder recompute: %s in %.1f s", name, (now - phaseStart) / 1e9));
        }
        phaseStart = now;
    }

    private final FunnelCells cells;

    LadderStore(JdbcClient jdbc, DataSource dataSource, FunnelCells cells) {
        this.cells = cells;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The facts the engine needs for one customer on a day, the summary of their purchases, and the customer's report
     * filters.
     */
    public record Facts(List<LocalDate> orderDates, Integer latestNps, LocalDate lastReferralOn,
                        PurchaseHistory.Summary purchases, long homeUnitId, String acquisitionChannel, LocalDate createdOn) {
    }

    /**
     * Locks the customer for the rest of the transaction, so that two updates of one customer (an answer and a referral
     * arriving together) run one after the other, the second seeing what the first committed: without it, the one
     * that read first could store its older view last. Must be the transaction's first read (the snapshot of a
     * repeatable-read transaction starts at its first plain read).
     */
    public void lock(long customerId) {
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(Long.class).optional();
    }

    public Facts facts(long customerId, LocalDate day, LadderRules rules) {
        PurchaseHistory history = new PurchaseHistory(rules, day);
        List<LocalDate> orders = jdbc.sql(ORDER_HISTORY.replace("/*customer*/", "customer_id = ? AND"))
                .params(customerId, Date.valueOf(day)).query((rs, n) -> {
                    LocalDate on = rs.getDate(2).toLocalDate();
                    history.add(on, rs.getLong(3), rs.getString(4));
                    return on;
                }).list();
        Integer nps = jdbc.sql("""
                        SELECT score FROM feedback WHERE customer_id = ? AND kind = 'NPS' AND answered_at < ?
                        ORDER BY answered_at DESC, id DESC LIMIT 1""")
                .params(customerId, Timestamp.valueOf(day.plusDays(1).atStartOfDay())).query(Integer.class).optional().orElse(null);
        LocalDate referral = jdbc.sql("SELECT referred_on FROM referral WHERE referrer_id = ? AND referred_on <= ? ORDER BY referred_on DESC LIMIT 1")
                .params(customerId, Date.valueOf(day)).query((rs, n) -> rs.getDate(1).toLocalDate()).optional().orElse(null);
        return jdbc.sql("SELECT home_unit_id, acquisition_channel, DATE(created_at) FROM customer WHERE id = ?").param(customerId)
                .query((rs, n) -> new Facts(orders, nps, referral, history.summary(), rs.getLong(1), rs.getString(2),
                        rs.getDate(3).toLocalDate())).single();
    }

    /** Orders in the order {@link PurchaseHistory} needs them, read from the covering index alone. */
    private static final String ORDER_HISTORY = """
            SELECT customer_id, order_date, ROUND((gross_amount - discount) * 100), categories
            FROM customer_order FORCE INDEX (ix_order_customer_money)
            WHERE /*customer*/ order_date <= ? ORDER BY customer_id, order_date, id""";

    public Optional<Stage> current(long customerId) {
        return jdbc.sql("SELECT stage FROM loyalty_stage WHERE customer_id = ?").param(customerId)
                .query((rs, n) -> Stage.valueOf(rs.getString(1))).optional();
    }

    /**
     * Stores a decision with the customer's journey and report filters; a change of stage is recorded in the history.
     *
     * @return whether the stage changed
     */
    public boolean apply(long customerId, StageDecision decision, Facts facts, LadderRules rules, LocalDate day, Instant now) {
        Optional<Stage> before = current(customerId);
        List<String> cellsBefore = cells.of(customerId);
        boolean changed = before.isEmpty() || before.get() != decision.stage();
        if (changed) {
            jdbc.sql("""
                            INSERT INTO loyalty_stage_change (customer_id, from_stage, to_stage, changed_on, reason_key, reason_args, created_at,
                                                              home_unit_id, acquisition_channel, created_on)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(customerId, before.map(Enum::name).orElse(null), decision.stage().name(), Date.valueOf(day),
                            decision.reasonKey(), decision.reasonArgs(), Timestamp.from(now), facts.homeUnitId(),
                            facts.acquisitionChannel(), Date.valueOf(facts.createdOn())).update();
        }
        PurchaseHistory.Summary p = facts.purchases();
        boolean recommends = p != null && p.retainedOn() != null
                && ((facts.latestNps() != null && facts.latestNps() >= rules.promoterScore()) || facts.lastReferralOn() != null);
        jdbc.sql("""
                        INSERT INTO loyalty_stage (customer_id, stage, since, reason_key, reason_args, updated_at, home_unit_id,
                                                   acquisition_channel, created_on, shopper_on, customer_on, client_on, advocate_on,
                                                   expanded_on, retained_on, recommends)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 'ADVOCATE', ?, NULL), ?, ?, ?)
                        ON DUPLICATE KEY UPDATE since = IF(stage = VALUES(stage), since, VALUES(since)), stage = VALUES(stage),
                            reason_key = VALUES(reason_key), reason_args = VALUES(reason_args), updated_at = VALUES(updated_at),
                            home_unit_id = VALUES(home_unit_id), acquisition_channel = VALUES(acquisition_channel),
                            created_on = VALUES(created_on), shopper_on = VALUES(shopper_on), customer_on = VALUES(customer_on),
                            client_on = VALUES(client_on), advocate_on = COALESCE(advocate_on, VALUES(advocate_on)),
                            expanded_on = VALUES(expanded_on), retained_on = VALUES(retained_on), recommends = VALUES(recommends)""")
                .params(customerId, decision.stage().name(), Date.valueOf(day), decision.reasonKey(), decision.reasonArgs(),
                        Timestamp.from(now), facts.homeUnitId(), facts.acquisitionChannel(), Date.valueOf(facts.createdOn()),
                        date(p == null ? null : p.shopperOn()), date(p == null ? null : p.customerOn()),
                        date(p == null ? null : p.clientOn()), decision.stage().name(), Date.valueOf(day),
                        date(p == null ? null : p.expandedOn()), date(p == null ? null : p.retainedOn()), recommends).update();
        cells.move(cellsBefore, cells.of(customerId));
        return changed;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /**
     * Every customer's stage on {@code day}, decided in one pass over the customers, their orders and answers
     * ({@link LadderRecomputePass}: the same fold and engine as the incremental update — MariaDB's window functions
     * took a minute for the median gaps alone). Only the rows that differ reach the work table; changes of stage go
     * to the history, and the funnel cells counted on the way replace those that differ.
     *
     * @return how many customers changed stage
     */
    public int recomputeAll(LadderRules rules, LocalDate day, Instant now) {
        LadderRecomputePass.Outcome outcome = computeNext(rules, day, true);
        Date today = Date.valueOf(day);
        int changed = jdbc.sql("""
                        INSERT INTO loyalty_stage_change (customer_id, from_stage, to_stage, changed_on, reason_key, reason_args, created_at,
                                                          home_unit_id, acquisition_channel, created_on)
                        SELECT n.customer_id, s.stage, n.stage, ?, n.reason_key, n.reason_args, ?, n.home_unit_id, n.acquisition_channel, n.created_on
                        FROM ladder_next n LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id
                        WHERE s.stage IS NULL OR s.stage <> n.stage""")
                .params(today, Timestamp.from(now)).update();
        phase("history of changes");
        // only what changed is written: most customers keep their stage, reason and journey from one night to the next
        jdbc.sql("""
                        UPDATE loyalty_stage s JOIN ladder_next n ON n.customer_id = s.customer_id
                        SET s.since = IF(s.stage = n.stage, s.since, ?),
                            s.advocate_on = COALESCE(s.advocate_on, IF(n.stage = 'ADVOCATE', ?, NULL)),
                            s.stage = n.stage, s.reason_key = n.reason_key, s.reason_args = n.reason_args, s.updated_at = ?,
                            s.home_unit_id = n.home_unit_id, s.acquisition_channel = n.acquisition_channel, s.created_on = n.created_on,
                            s.shopper_on = n.shopper_on, s.customer_on = n.customer_on, s.client_on = n.client_on,
                            s.expanded_on = n.expanded_on, s.retained_on = n.retained_on, s.recommends = n.recommends
                        WHERE s.stage <> n.stage OR s.reason_key <> n.reason_key OR s.reason_args <> n.reason_args
                           OR NOT (s.home_unit_id <=> n.home_unit_id) OR NOT (s.acquisition_channel <=> n.acquisition_channel)
                           OR NOT (s.created_on <=> n.created_on) OR NOT (s.shopper_on <=> n.shopper_on)
                           OR NOT (s.customer_on <=> n.customer_on) OR NOT (s.client_on <=> n.client_on)
                           OR NOT (s.expanded_on <=> n.expanded_on) OR NOT (s.retained_on <=> n.retained_on)
                           OR s.recommends <> n.recommends OR (s.advocate_on IS NULL AND n.stage = 'ADVOCATE')""")
                .params(today, today, Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO loyalty_stage (customer_id, stage, since, reason_key, reason_args, updated_at, home_unit_id,
                                                   acquisition_channel, created_on, shopper_on, customer_on, client_on, advocate_on,
                                                   expanded_on, retained_on, recommends)
                        SELECT n.customer_id, n.stage, ?, n.reason_key, n.reason_args, ?, n.home_unit_id, n.acquisition_channel,
                               n.created_on, n.shopper_on, n.customer_on, n.client_on, IF(n.stage = 'ADVOCATE', ?, NULL),
                               n.expanded_on, n.retained_on, n.recommends
                        FROM ladder_next n LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id WHERE s.customer_id IS NULL""")
                .params(today, Timestamp.from(now), today).update();
        phase("stages stored");
        cells.replace(outcome.cells(), outcome.segmentCells());
        phase("funnel cells replaced");
        dropWorkTables();
        return changed;
    }

    /** The funnel cells per value tier, from the tiers of the last full value run. */
    public void refreshSegmentCells() {
        cells.refreshSegments();
    }

    /**
     * What a rule change would do, before it is saved: how many customers would move from each stage to each other
     * stage ("CUSTOMER>CLIENT" → 1,234), computed exactly as the recompute would, changing nothing.
     */
    public Map<String, Long> preview(LadderRules rules, LocalDate day) {
        computeNext(rules, day, false);
        Map<String, Long> moves = new TreeMap<>();
        jdbc.sql("""
                        SELECT CONCAT(COALESCE(s.stage, '-'), '>', n.stage), COUNT(*) FROM ladder_next n
                        LEFT JOIN loyalty_stage s ON s.customer_id = n.customer_id
                        WHERE s.stage IS NULL OR s.stage <> n.stage GROUP BY 1""")
                .query((rs, n) -> moves.put(rs.getString(1), rs.getLong(2))).list();
        dropWorkTables();
        return moves;
    }

    private void dropWorkTables() {
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_facts, ladder_next").update();
    }

    /**
     * Fills the temporary table ladder_next with the stage, reason, journey and report filters on {@code day} of every
     * customer whose stored row would change (or who has none yet); counts the outcome's funnel cells when asked.
     */
    private LadderRecomputePass.Outcome computeNext(LadderRules rules, LocalDate day, boolean countCells) {
        phase(null);
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_next").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE ladder_next (customer_id BIGINT PRIMARY KEY, stage VARCHAR(10), reason_key VARCHAR(60),
                                                    reason_args VARCHAR(120), home_unit_id BIGINT, acquisition_channel VARCHAR(20),
                                                    created_on DATE, shopper_on DATE, customer_on DATE, client_on DATE,
                                                    expanded_on DATE, retained_on DATE, recommends BOOLEAN) ENGINE=InnoDB""").update();
        Connection target = DataSourceUtils.getConnection(dataSource);
        try {
            LadderRecomputePass.Outcome outcome = new LadderRecomputePass(dataSource).run(target, rules, day, countCells);
            phase(String.format(Locale.ROOT, "customers, orders and answers read, stages decided, %,d rows to store",
                    outcome.written()));
            return outcome;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the ladder's full recompute failed", e);
        }
    }
}
