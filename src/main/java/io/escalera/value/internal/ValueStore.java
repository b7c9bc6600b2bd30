package io.escalera.value.internal;

import io.escalera.shared.jdbc.LoadDataWriter;
import io.escalera.value.CustomerValue;
import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.RiskReason;
import io.escalera.value.ValueRules;
import io.escalera.value.ValueTier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Computes and stores every customer's value and risk. The full recompute streams the facts of all customers once
 * (one set-based query), computes in memory, writes a new table with LOAD DATA and swaps it in with one atomic
 * RENAME — readers never wait and never see half a run. The per-customer update uses the same query and formulas,
 * placing the customer between the boundaries (tiers, quintiles, retention) the last full run measured.
 */
@Component
public class ValueStore {

    private static final Logger log = LoggerFactory.getLogger(ValueStore.class);

    /** The cluster job lock every full run takes, whatever started it (nightly, an import, a rule change, a button). */
    public static final String FULL_RUN = "value.full-recompute";
    /** A full run holding its lock longer than this is presumed stuck and loses it. */
    public static final java.time.Duration FULL_RUN_AT_MOST = java.time.Duration.ofHours(6);
    /** How long a full run asked for waits for one going on (minutes at a million customers) before giving up. */
    public static final java.time.Duration FULL_RUN_MAX_WAIT = java.time.Duration.ofHours(1);

    /** A segment's observed retention is used from this many customers; below, its stage's, then everyone's. */
    static final int MIN_SEGMENT = 20;

    private static final List<String> COLUMNS = List.of("customer_id", "home_unit_id", "computed_on", "net_sales",
            "cost_of_goods", "cost_estimated", "returns", "compensation", "cost_to_serve", "economic_value", "yearly_margin",
            "retention", "horizon_years", "strategic_value", "total_value", "tier", "recency_days", "frequency", "monetary",
            "r_score", "f_score", "m_score", "rfm_segment", "nps_category", "risk_score", "risk_reasons", "at_risk", "silent",
            "priority", "flagged_on");

    /** Positions in a row of {@link #COLUMNS}. */
    private static final int TIER = COLUMNS.indexOf("tier"), NPS = COLUMNS.indexOf("nps_category"), RFM = COLUMNS.indexOf("rfm_segment"),
            ECONOMIC = COLUMNS.indexOf("economic_value"), STRATEGIC = COLUMNS.indexOf("strategic_value"), SILENT = COLUMNS.indexOf("silent");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ReentrantLock fullRun = new ReentrantLock();
    /** Customers updated one by one while a full run computes: updated again after its swap, so no update is lost. */
    private final Set<Long> updatedDuringRun = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    ValueStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The settings the computation needs besides {@link ValueRules}. */
    public record Inputs(ValueRules rules, BigDecimal costPerMinute, int customerPurchases, int clientPurchases) {
    }

    /** One customer's computed row (before tiers and scores, which need everyone). */
    private record Computed(ValueFacts facts, ValueCalculator.Economic economic, BigDecimal yearlyMargin, int horizon,
                            RiskRule.Assessment risk, double retention, BigDecimal strategic, BigDecimal total) {
    }

    /**
     * Recomputes every customer as of {@code day}. @return the customers updated one by one meanwhile, to update
     * again (their events arrived after the facts were read)
     */
    public Set<Long> recomputeAll(Inputs inputs, LocalDate day, Instant now) {
        fullRun.lock();
        running = true;
        updatedDuringRun.clear();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            cleanUpAfterAKilledRun(connection);
            List<ValueFacts> all = new ArrayList<>();
            FactsReader.read(dataSource, day, now, true, all::add);
            log.debug("value recompute: {} customers' facts read in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
            Retention retention = Retention.measure(all, inputs.customerPurchases(), inputs.clientPurchases());
            List<Computed> computed = new ArrayList<>(all.size());
            for (ValueFacts f : all) {
                computed.add(compute(f, inputs, day, retention));
            }
            all = null;
            Calibration calibration = Calibration.measure(computed.stream().filter(c -> c.facts().hasOrders())
                    .map(c -> new double[]{c.total().doubleValue(), -recency(c, day), c.facts().ordersYear(),
                            c.facts().salesYear().doubleValue()}).toList(), retention);
            List<String> indexes;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE customer_value_next LIKE customer_value");
                // loaded without its secondary indexes, which are then built once, sorted (far faster than row by row)
                indexes = secondaryIndexes(connection);
                for (String index : indexes) {
                    ddl.execute("DROP INDEX " + index.substring(0, index.indexOf(' ')) + " ON customer_value_next");
                }
            }
            LoadDataWriter writer = new LoadDataWriter(connection, "customer_value_next", COLUMNS, 20_000);
            java.util.TreeMap<String, Object[]> counts = new java.util.TreeMap<>();
            for (Computed c : computed) {
                Object[] row = row(c, calibration, day, inputs.rules().riskThreshold());
                writer.add(row);
                into(counts, row, 1);
            }
            writer.close();
            log.debug("value recompute: rows written after {} ms", (System.nanoTime() - started) / 1_000_000);
            try (Statement ddl = connection.createStatement()) {
                if (!indexes.isEmpty()) {
                    ddl.execute("ALTER TABLE customer_value_next " + String.join(", ", indexes.stream().map(i -> "ADD INDEX " + i).toList()));
                }
                log.debug("value recompute: indexes built after {} ms", (System.nanoTime() - started) / 1_000_000);
                ddl.execute("RENAME TABLE customer_value TO customer_value_old, customer_value_next TO customer_value");
                ddl.execute("DROP TABLE customer_value_old");
            }
            calibration.store(jdbc, day);
            // readers see the old counts or the new ones, never none
            connection.setAutoCommit(false);
            try (Statement replace = connection.createStatement()) {
                replace.execute("DELETE FROM value_segment_count");
            }
            LoadDataWriter countWriter = new LoadDataWriter(connection, "value_segment_count", List.of("home_unit_id", "tier",
                    "nps_category", "rfm_segment", "customers", "economic_sum", "strategic_sum", "silent"), 10_000);
            for (Object[] cell : counts.values()) {
                countWriter.add(cell);
            }
            countWriter.close();
            connection.commit();
            log.info("Value recomputed for {} customers in {} ms", computed.size(), (System.nanoTime() - started) / 1_000_000);
            return Set.copyOf(updatedDuringRun);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("value recompute failed", e);
        } finally {
            running = false;
            fullRun.unlock();
        }
    }

    /**
     * Puts right what a run killed half way left behind (its work tables have fixed names): the table being loaded
     * ({@code customer_value_next}) and the replaced one not yet dropped ({@code customer_value_old}) are dropped; had
     * the swap itself been cut off with no {@code customer_value} left, the replaced one is renamed back first. Runs
     * under the full run's cluster lock, so no other run's tables are touched.
     */
    static void cleanUpAfterAKilledRun(Connection connection) throws SQLException {
        Set<String> tables = new java.util.HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                AND table_name IN ('customer_value', 'customer_value_next', 'customer_value_old')""");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        try (Statement ddl = connection.createStatement()) {
            if (!tables.contains("customer_value") && tables.contains("customer_value_old")) {
                log.warn("Value recompute: customer_value was missing after a killed run; customer_value_old renamed back");
                ddl.execute("RENAME TABLE customer_value_old TO customer_value");
                tables.remove("customer_value_old");
            }
            for (String leftover : List.of("customer_value_next", "customer_value_old")) {
                if (tables.contains(leftover)) {
                    log.warn("Value recompute: {} left by a killed run dropped", leftover);
                    ddl.execute("DROP TABLE IF EXISTS " + leftover);
                }
            }
        }
    }

    /** The secondary indexes of customer_value as "name (col, col)", as Liquibase created them. */
    private static List<String> secondaryIndexes(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery("""
                SELECT index_name, column_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'customer_value' AND index_name <> 'PRIMARY'
                ORDER BY index_name, seq_in_index""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
    }

    /**
     * Recomputes one customer now, against the last full run's boundaries. Locks the customer first, so that two events
     * of one customer are applied one after the other (their count changes would otherwise both start from "no row").
     * @return false when there was no full run yet
     */
    public boolean update(long customerId, Inputs inputs, LocalDate day, Instant now) {
        if (running) {
            updatedDuringRun.add(customerId);
        }
        Calibration calibration = Calibration.load(jdbc);
        if (calibration == null) {
            return false;
        }
        // one customer: both reads on the transaction's own connection (no second connection per event)
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(Long.class).optional();
        OrderSums sums = new OrderSums(day);
        jdbc.sql(FactsQuery.orders(day, customerId)).query((org.springframework.jdbc.core.RowCallbackHandler) sums::add);
        ValueFacts facts = jdbc.sql(FactsQuery.sql(day, now, customerId, true)).query((rs, n) -> FactsQuery.read(rs, sums))
                .optional().orElse(null);
        if (facts == null) {
            return false;
        }
        Object[] row = row(compute(facts, inputs, day, calibration.retention()), calibration, day, inputs.rules().riskThreshold());
        // the segment counts follow the row: out of the old cell, into the new one — as one net change per cell, cells
        // in key order, so that two updates never lock two cells in opposite orders
        java.util.TreeMap<String, Object[]> deltas = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT home_unit_id, tier, nps_category, rfm_segment, economic_value, strategic_value, silent
                        FROM customer_value WHERE customer_id = ? AND tier IS NOT NULL FOR UPDATE""")
                .param(customerId).query((rs, n) -> {
                    Object[] stored = new Object[COLUMNS.size()];
                    stored[1] = rs.getLong(1);
                    stored[TIER] = rs.getString(2);
                    stored[NPS] = rs.getString(3);
                    stored[RFM] = rs.getString(4);
                    stored[ECONOMIC] = rs.getBigDecimal(5);
                    stored[STRATEGIC] = rs.getBigDecimal(6);
                    stored[SILENT] = rs.getBoolean(7);
                    return stored;
                })
                .optional().ifPresent(old -> into(deltas, old, -1));
        into(deltas, row, 1);
        deltas.values().forEach(d -> {
            if ((long) d[4] != 0 || ((BigDecimal) d[5]).signum() != 0 || ((BigDecimal) d[6]).signum() != 0 || (long) d[7] != 0) {
                count(d);
            }
        });
        jdbc.sql("REPLACE INTO customer_value (" + String.join(", ", COLUMNS) + ") VALUES ("
                + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ")").params(row).update();
        return true;
    }

    /**
     * Adds ({@code sign} 1) or takes out (−1) a row of {@link #COLUMNS} in the segment counts keyed by its cell:
     * {unit, tier, NPS band, RFM segment, customers, economic sum, strategic sum, silent decliners}. Rows without a tier
     * (no purchase yet) are in no cell. The full run counts every row this way; an update takes the old row out and
     * puts the new one in.
     */
    private static void into(java.util.TreeMap<String, Object[]> cells, Object[] row, int sign) {
        if (row[TIER] == null) {
            return;
        }
        Object[] cell = cells.computeIfAbsent(row[1] + "|" + row[TIER] + "|" + row[NPS] + "|" + row[RFM],
                k -> new Object[]{row[1], row[TIER], row[NPS], row[RFM], 0L, BigDecimal.ZERO, BigDecimal.ZERO, 0L});
        cell[4] = (long) cell[4] + sign;
        cell[5] = ((BigDecimal) cell[5]).add(((BigDecimal) row[ECONOMIC]).multiply(BigDecimal.valueOf(sign)));
        cell[6] = ((BigDecimal) cell[6]).add(((BigDecimal) row[STRATEGIC]).multiply(BigDecimal.valueOf(sign)));
        cell[7] = (long) cell[7] + ((Boolean) row[SILENT] ? sign : 0);
    }

    private void count(Object[] change) {
        jdbc.sql("""
                        INSERT INTO value_segment_count (home_unit_id, tier, nps_category, rfm_segment, customers, economic_sum,
                                                         strategic_sum, silent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE customers = customers + VALUES(customers),
                            economic_sum = economic_sum + VALUES(economic_sum), strategic_sum = strategic_sum + VALUES(strategic_sum),
                            silent = silent + VALUES(silent)""")
                .params(change).update();
    }

    private static Computed compute(ValueFacts f, Inputs inputs, LocalDate day, Retention retention) {
        ValueRules rules = inputs.rules();
        ValueCalculator.Economic economic = ValueCalculator.economic(f, rules.marginRate(), inputs.costPerMinute());
        BigDecimal margin = ValueCalculator.yearlyMargin(f, rules.marginRate());
        int horizon = ValueCalculator.horizon(f.birthDate(), day, rules.horizonYears(), rules.maxAge());
        // r as stored and shown (four decimals), so that the strategic value can be recomputed from what the 360 shows
        double r = f.active() ? BigDecimal.valueOf(retention.rateFor(f.stage(), f.acquisitionChannel(),
                Retention.rung(f.ordersYear(), inputs.customerPurchases(), inputs.clientPurchases())))
                .setScale(4, java.math.RoundingMode.HALF_UP).doubleValue() : 0;
        BigDecimal strategic = ValueCalculator.strategic(margin, r, rules.discountRate().doubleValue(), horizon);
        RiskRule.Assessment risk = f.active() ? RiskRule.assess(f, day, rules) : null;
        return new Computed(f, economic, margin, horizon, risk, r, strategic, economic.value().add(strategic));
    }

    private static double recency(Computed c, LocalDate day) {
        return java.time.temporal.ChronoUnit.DAYS.between(c.facts().lastOrder(), day);
    }

    private static Object[] row(Computed c, Calibration calibration, LocalDate day, int threshold) {
        ValueFacts f = c.facts();
        boolean buyer = f.hasOrders();
        ValueTier tier = buyer ? Ranking.tier(c.total().doubleValue(), calibration.tiers()) : null;
        Integer recency = buyer ? (int) recency(c, day) : null;
        Integer r = buyer ? Ranking.score(-recency, calibration.recency()) : null;
        Integer fs = buyer ? Ranking.score(f.ordersYear(), calibration.frequency()) : null;
        Integer m = buyer ? Ranking.score(f.salesYear().doubleValue(), calibration.monetary()) : null;
        RfmSegment segment = buyer ? RfmSegment.of(r, fs, m) : null;
        Integer riskScore = c.risk() == null ? null : c.risk().score();
        boolean atRisk = riskScore != null && riskScore >= threshold;
        boolean silent = atRisk && f.complaintsYear() == 0 && f.lastDetractor() == null && f.lastUnhappy() == null;
        BigDecimal priority = atRisk ? c.total().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(riskScore)) : BigDecimal.ZERO;
        LocalDate flaggedOn = atRisk ? (f.flaggedBefore() != null ? f.flaggedBefore() : day) : null;
        return new Object[]{f.customerId(), f.homeUnitId(), day, f.netSales(), c.economic().costOfGoods(),
                c.economic().costEstimated(), f.returns(), f.compensation(), c.economic().costToServe(), c.economic().value(),
                c.yearlyMargin(), BigDecimal.valueOf(c.retention()).setScale(4, java.math.RoundingMode.HALF_UP), c.horizon(),
                c.strategic(), c.total(), tier == null ? null : tier.name(), recency, f.ordersYear(), f.salesYear(), r, fs, m,
                segment == null ? null : segment.name(), NpsBand.ofScore(f.latestNps()).name(), riskScore,
                c.risk() == null ? null : RiskReason.encode(c.risk().reasons()), atRisk, silent, priority, flaggedOn};
    }

    /**
     * The risk rule as it would have run on {@code cutoff}: facts as of the end of that day only. @return per active
     * customer (a purchase in the 365 days before the cut-off) whether it was flagged, in customer order
     */
    public Map<Long, Boolean> flaggedOn(LocalDate cutoff, ValueRules rules) {
        return flaggedOn(cutoff, rules, null);
    }

    /** As {@link #flaggedOn(LocalDate, ValueRules)}, for customers of these home units only (null: every unit). */
    public Map<Long, Boolean> flaggedOn(LocalDate cutoff, ValueRules rules, java.util.Set<Long> units) {
        Map<Long, Boolean> flagged = new java.util.LinkedHashMap<>();
        Instant endOfCutoff = java.sql.Timestamp.valueOf(cutoff.plusDays(1).atStartOfDay()).toInstant();
        FactsReader.read(dataSource, cutoff, endOfCutoff, false, f -> {
            if (f.active() && (units == null || units.contains(f.homeUnitId()))) {
                flagged.put(f.customerId(), RiskRule.assess(f, cutoff, rules).score() >= rules.riskThreshold());
            }
        });
        return flagged;
    }

    /** The back-test for one horizon over customers of these units (null: all): who the rule flagged on the cut-off, and who bought nothing from then to {@code day}. */
    public io.escalera.value.BackTest backTest(int months, LocalDate day, ValueRules rules, java.util.Set<Long> units) {
        LocalDate cutoff = day.minusMonths(months);
        Map<Long, Boolean> flagged = flaggedOn(cutoff, rules, units);
        Set<Long> boughtSince = new java.util.HashSet<>(jdbc.sql(
                        "SELECT DISTINCT customer_id FROM customer_order WHERE order_date > ? AND order_date <= ?")
                .params(cutoff, day).query(Long.class).list());
        long flaggedCount = 0, flaggedLapsed = 0, lapsed = 0;
        for (Map.Entry<Long, Boolean> e : flagged.entrySet()) {
            boolean gone = !boughtSince.contains(e.getKey());
            if (gone) lapsed++;
            if (e.getValue()) {
                flaggedCount++;
                if (gone) flaggedLapsed++;
            }
        }
        return new io.escalera.value.BackTest(months, cutoff, flagged.size(), flaggedCount, flaggedLapsed, lapsed);
    }

    /** Whether a full run has ever completed on this database. */
    boolean everComputed() {
        return jdbc.sql("SELECT COUNT(*) FROM value_calibration").query(Long.class).single() > 0;
    }

    public Optional<CustomerValue> find(long customerId) {
        return jdbc.sql("SELECT * FROM customer_value WHERE customer_id = ?").param(customerId)
                .query((rs, n) -> toValue(rs)).optional();
    }

    static CustomerValue toValue(ResultSet rs) throws SQLException {
        String tier = rs.getString("tier");
        String segment = rs.getString("rfm_segment");
        java.sql.Date flagged = rs.getDate("flagged_on");
        return new CustomerValue(rs.getLong("customer_id"), rs.getDate("computed_on").toLocalDate(), rs.getBigDecimal("net_sales"),
                rs.getBigDecimal("cost_of_goods"), rs.getBigDecimal("cost_estimated"), rs.getBigDecimal("returns"),
                rs.getBigDecimal("compensation"), rs.getBigDecimal("cost_to_serve"), rs.getBigDecimal("economic_value"),
                rs.getBigDecimal("yearly_margin"), rs.getBigDecimal("retention"), rs.getInt("horizon_years"),
                rs.getBigDecimal("strategic_value"), rs.getBigDecimal("total_value"), tier == null ? null : ValueTier.valueOf(tier),
                (Integer) rs.getObject("recency_days", Integer.class), rs.getInt("frequency"), rs.getBigDecimal("monetary"),
                (Integer) rs.getObject("r_score", Integer.class), (Integer) rs.getObject("f_score", Integer.class),
                (Integer) rs.getObject("m_score", Integer.class), segment == null ? null : RfmSegment.valueOf(segment),
                NpsBand.valueOf(rs.getString("nps_category")), (Integer) rs.getObject("risk_score", Integer.class),
                RiskReason.decode(rs.getString("risk_reasons")), rs.getBoolean("at_risk"), rs.getBoolean("silent"),
                flagged == null ? null : flagged.toLocalDate());
    }

    /** Retention observed over the last two years, by the customer's rung a year ago × acquisition channel. */
    record Retention(Map<String, long[]> counts) {

        static Retention measure(List<ValueFacts> all, int customerPurchases, int clientPurchases) {
            Map<String, long[]> counts = new HashMap<>();
            for (ValueFacts f : all) {
                if (f.ordersPreviousYear() == 0) continue;
                String rung = rung(f.ordersPreviousYear(), customerPurchases, clientPurchases);
                int retained = f.ordersYear() > 0 ? 1 : 0;
                for (String key : List.of(rung + "." + f.acquisitionChannel(), rung, "ALL")) {
                    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                    c[0]++;
                    c[1] += retained;
                }
            }
            return new Retention(counts);
        }

        static String rung(int purchases, int customerPurchases, int clientPurchases) {
            return purchases >= clientPurchases ? "CLIENT" : purchases >= customerPurchases ? "CUSTOMER" : "SHOPPER";
        }

        /** r for an active customer on {@code stage} (an ADVOCATE is valued as a CLIENT) of a channel. */
        double rateFor(String stage, String channel, String rungByPurchases) {
            // no ladder stage yet, or not yet moved off PROSPECT/LAPSED by the ladder: the rung its purchases give
            String rung = stage == null || stage.equals("PROSPECT") || stage.equals("LAPSED") ? rungByPurchases
                    : stage.equals("ADVOCATE") ? "CLIENT" : stage;
            for (String key : List.of(rung + "." + channel, rung, "ALL")) {
                long[] c = counts.get(key);
                if (c != null && (c[0] >= MIN_SEGMENT || key.equals("ALL"))) {
                    return (double) c[1] / c[0];
                }
            }
            return 0;
        }
    }
}
