package io.escalera.value.internal;

import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.RiskReason;
import io.escalera.value.ValueRules;
import io.escalera.value.ValueTier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * A customer's row of {@code customer_value} from its facts: the same formulas for the full run and the per-customer
 * update, placing the customer between the boundaries (tiers, quintiles, retention) of a {@link Calibration}; and the
 * segment-count cell the row falls in.
 */
final class ValueRows {

    static final List<String> COLUMNS = List.of("customer_id", "home_unit_id", "computed_on", "net_sales",
            "cost_of_goods", "cost_estimated", "returns", "compensation", "cost_to_serve", "economic_value", "yearly_margin",
            "retention", "horizon_years", "strategic_value", "total_value", "tier", "recency_days", "frequency", "monetary",
            "r_score", "f_score", "m_score", "rfm_segment", "nps_category", "risk_score", "risk_reasons", "at_risk", "silent",
            "priority", "flagged_on");

    /** Positions in a row of {@link #COLUMNS}. */
    static final int HOME_UNIT = 1, TIER = COLUMNS.indexOf("tier"), NPS = COLUMNS.indexOf("nps_category"), RFM = COLUMNS.indexOf("rfm_segment"),
            ECONOMIC = COLUMNS.indexOf("economic_value"), STRATEGIC = COLUMNS.indexOf("strategic_value"), SILENT = COLUMNS.indexOf("silent");

    /** The columns of {@code value_segment_count}, in the order of a cell. */
    static final List<String> COUNT_COLUMNS = List.of("home_unit_id", "tier", "nps_category", "rfm_segment", "customers",
            "economic_sum", "strategic_sum", "silent");

    private ValueRows() {
    }

    /** One customer's computed row (before tiers and scores, which need everyone). */
    record Computed(ValueFacts facts, ValueCalculator.Economic economic, BigDecimal yearlyMargin, int horizon,
                    RiskRule.Assessment risk, double retention, BigDecimal strategic, BigDecimal total) {
    }

    static Computed compute(ValueFacts f, ValueInputs inputs, LocalDate day, Retention retention) {
        ValueRules rules = inputs.rules();
        ValueCalculator.Economic economic = ValueCalculator.economic(f, rules.marginRate(), inputs.costPerMinute());
        BigDecimal margin = ValueCalculator.yearlyMargin(f, rules.marginRate());
        int horizon = ValueCalculator.horizon(f.birthDate(), day, rules.horizonYears(), rules.maxAge());
        // r as stored and shown (four decimals), so that the strategic value can be recomputed from what the 360 shows
        double r = f.active() ? BigDecimal.valueOf(retention.rateFor(f.stage(), f.acquisitionChannel(),
                Retention.rung(f.ordersYear(), inputs.customerPurchases(), inputs.clientPurchases())))
                .setScale(4, RoundingMode.HALF_UP).doubleValue() : 0;
        BigDecimal strategic = ValueCalculator.strategic(margin, r, rules.discountRate().doubleValue(), horizon);
        RiskRule.Assessment risk = f.active() ? RiskRule.assess(f, day, rules) : null;
        return new Computed(f, economic, margin, horizon, risk, r, strategic, economic.value().add(strategic));
    }

    static double recency(Computed c, LocalDate day) {
        return ChronoUnit.DAYS.between(c.facts().lastOrder(), day);
    }

    /** The row of {@link #COLUMNS}. */
    static Object[] row(Computed c, Calibration calibration, LocalDate day, int threshold) {
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
                c.yearlyMargin(), BigDecimal.valueOf(c.retention()).setScale(4, RoundingMode.HALF_UP), c.horizon(),
                c.strategic(), c.total(), tier == null ? null : tier.name(), recency, f.ordersYear(), f.salesYear(), r, fs, m,
                segment == null ? null : segment.name(), NpsBand.ofScore(f.latestNps()).name(), riskScore,
                c.risk() == null ? null : RiskReason.encode(c.risk().reasons()), atRisk, silent, priority, flaggedOn};
    }

    /**
     * Adds ({@code sign} 1) or takes out (−1) a row of {@link #COLUMNS} in the segment counts keyed by its cell:
     * {unit, tier, NPS band, RFM segment, customers, economic sum, strategic sum, silent decliners}. Rows without a tier
     * (no purchase yet) are in no cell. The full run counts every row this way; an update takes the old row out and
     * puts the new one in.
     */
    static void into(TreeMap<String, Object[]> cells, Object[] row, int sign) {
        if (row[TIER] == null) {
            return;
        }
        Object[] cell = cells.computeIfAbsent(row[HOME_UNIT] + "|" + row[TIER] + "|" + row[NPS] + "|" + row[RFM],
                k -> new Object[]{row[HOME_UNIT], row[TIER], row[NPS], row[RFM], 0L, BigDecimal.ZERO, BigDecimal.ZERO, 0L});
        cell[4] = (long) cell[4] + sign;
        cell[5] = ((BigDecimal) cell[5]).add(((BigDecimal) row[ECONOMIC]).multiply(BigDecimal.valueOf(sign)));
        cell[6] = ((BigDecimal) cell[6]).add(((BigDecimal) row[STRATEGIC]).multiply(BigDecimal.valueOf(sign)));
        cell[7] = (long) cell[7] + ((Boolean) row[SILENT] ? sign : 0);
    }
}
