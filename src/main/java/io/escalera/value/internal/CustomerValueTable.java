package io.escalera.value.internal;

import io.escalera.value.CustomerValue;
import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.RiskReason;
import io.escalera.value.ValueTier;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;

import static io.escalera.value.internal.ValueRows.COLUMNS;
import static io.escalera.value.internal.ValueRows.ECONOMIC;
import static io.escalera.value.internal.ValueRows.HOME_UNIT;
import static io.escalera.value.internal.ValueRows.NPS;
import static io.escalera.value.internal.ValueRows.RFM;
import static io.escalera.value.internal.ValueRows.SILENT;
import static io.escalera.value.internal.ValueRows.STRATEGIC;
import static io.escalera.value.internal.ValueRows.TIER;

/**
 * The {@code customer_value} table between full runs: one customer recomputed now against the last full run's
 * boundaries (its segment counts following it), and a customer's stored value read back.
 */
@Component
public class CustomerValueTable {

    private final JdbcClient jdbc;
    private final ValueRecomputeRun fullRun;

    CustomerValueTable(JdbcClient jdbc, ValueRecomputeRun fullRun) {
        this.jdbc = jdbc;
        this.fullRun = fullRun;
    }

    /**
     * Recomputes one customer now, against the last full run's boundaries. Locks the customer first, so that two events
     * of one customer are applied one after the other (their count changes would otherwise both start from "no row").
     * @return false when there was no full run yet
     */
    public boolean update(long customerId, ValueInputs inputs, LocalDate day, Instant now) {
        fullRun.updating(customerId);
        Calibration calibration = Calibration.load(jdbc);
        if (calibration == null) {
            return false;
        }
        // one customer: both reads on the transaction's own connection (no second connection per event)
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(Long.class).optional();
        OrderSums sums = new OrderSums(day);
        FactsQuery.Query orders = FactsQuery.orders(day, customerId);
        jdbc.sql(orders.sql()).params(orders.params()).query((RowCallbackHandler) sums::add);
        FactsQuery.Query customer = FactsQuery.sql(day, now, customerId, true);
        ValueFacts facts = jdbc.sql(customer.sql()).params(customer.params()).query((rs, n) -> FactsQuery.read(rs, sums))
                .optional().orElse(null);
        if (facts == null) {
            return false;
        }
        Object[] row = ValueRows.row(ValueRows.compute(facts, inputs, day, calibration.retention()), calibration, day,
                inputs.rules().riskThreshold());
        moveSegmentCounts(customerId, row);
        jdbc.sql("REPLACE INTO customer_value (" + String.join(", ", COLUMNS) + ") VALUES ("
                + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ")").params(row).update();
        return true;
    }

    /**
     * The segment counts follow the row: out of the old cell, into the new one — as one net change per cell, cells in
     * key order, so that two updates never lock two cells in opposite orders.
     */
    private void moveSegmentCounts(long customerId, Object[] row) {
        TreeMap<String, Object[]> deltas = new TreeMap<>();
        jdbc.sql("""
                        SELECT home_unit_id, tier, nps_category, rfm_segment, economic_value, strategic_value, silent
                        FROM customer_value WHERE customer_id = ? AND tier IS NOT NULL FOR UPDATE""")
                .param(customerId).query((rs, n) -> {
                    Object[] stored = new Object[COLUMNS.size()];
                    stored[HOME_UNIT] = rs.getLong(1);
                    stored[TIER] = rs.getString(2);
                    stored[NPS] = rs.getString(3);
                    stored[RFM] = rs.getString(4);
                    stored[ECONOMIC] = rs.getBigDecimal(5);
                    stored[STRATEGIC] = rs.getBigDecimal(6);
                    stored[SILENT] = rs.getBoolean(7);
                    return stored;
                })
                .optional().ifPresent(old -> ValueRows.into(deltas, old, -1));
        ValueRows.into(deltas, row, 1);
        deltas.values().forEach(d -> {
            if ((long) d[4] != 0 || ((BigDecimal) d[5]).signum() != 0 || ((BigDecimal) d[6]).signum() != 0 || (long) d[7] != 0) {
                count(d);
            }
        });
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
        Date flagged = rs.getDate("flagged_on");
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
}
