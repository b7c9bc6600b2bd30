package io.escalera.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's value and risk as of {@code computedOn}.
 *
 * <p>Economic value = net sales − cost of goods − returns − compensation − cost to serve, where cost of goods
 * includes {@code costEstimated}: the part estimated as sales × (1 − margin rate) for orders without a cost.
 * Strategic value = Σ_{t=1..H} m·rᵗ/(1+d)ᵗ with m = {@code yearlyMargin}, r = {@code retention},
 * H = {@code horizonYears}.
 */
public record CustomerValue(long customerId, LocalDate computedOn, BigDecimal netSales, BigDecimal costOfGoods,
                            BigDecimal costEstimated, BigDecimal returns, BigDecimal compensation, BigDecimal costToServe,
                            BigDecimal economicValue, BigDecimal yearlyMargin, BigDecimal retention, int horizonYears,
                            BigDecimal strategicValue, BigDecimal totalValue, ValueTier tier, Integer recencyDays,
                            int frequency, BigDecimal monetary, Integer recencyScore, Integer frequencyScore,
                            Integer monetaryScore, RfmSegment rfmSegment, NpsBand npsBand, Integer riskScore,
                            List<RiskReason> riskReasons, boolean atRisk, boolean silent, LocalDate flaggedOn) {
}
