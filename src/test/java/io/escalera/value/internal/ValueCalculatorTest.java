package io.escalera.value.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The value formulas on hand-made customers; every expected number is worked out in the comment above it. */
class ValueCalculatorTest {

    private static final BigDecimal MARGIN = new BigDecimal("0.30");
    private static final BigDecimal PER_MINUTE = new BigDecimal("0.50");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void economicValueSubtractsEveryCostAndEstimatesMissingCostOfGoodsFromTheMargin() {
        Facts f = new Facts();
        // two orders: 100 net with a cost of 60, 200 net without a cost → estimated 200 × (1 − 0.30) = 140
        f.netSales = "300";
        f.costKnown = "60";
        f.salesWithoutCost = "200";
        f.returns = "20";
        f.compensation = "15";
        f.minutes = 30; // × 0.50 = 15
        ValueCalculator.Economic e = ValueCalculator.economic(f.build(), MARGIN, PER_MINUTE);
        assertThat(e.costEstimated()).isEqualByComparingTo("140");
        assertThat(e.costOfGoods()).isEqualByComparingTo("200");
        assertThat(e.costToServe()).isEqualByComparingTo("15");
        // 300 − 200 − 20 − 15 − 15 = 50
        assertThat(e.value()).isEqualByComparingTo("50.00");
    }

    @Test
    void aBigBuyerWithDiscountsReturnsAndComplaintsCanBeWorthLessThanNothing() {
        Facts f = new Facts();
        f.netSales = "1000";
        f.costKnown = "800";
        f.returns = "150";
        f.compensation = "100";
        f.minutes = 120; // 60
        // 1000 − 800 − 150 − 100 − 60 = −110
        assertThat(ValueCalculator.economic(f.build(), MARGIN, PER_MINUTE).value()).isEqualByComparingTo("-110.00");
    }

    @Test
    void yearlyMarginCountsOnlyTheLast365DaysLessTheirReturns() {
        Facts f = new Facts();
        f.salesYear = "500";
        f.costKnownYear = "200";          // orders with a cost: 300 net, 200 cost
        f.salesWithoutCostYear = "200";   // estimated cost 140
        f.returnsYear = "10";
        f.netSales = "9999";              // older sales do not count
        // 500 − 200 − 140 − 10 = 150
        assertThat(ValueCalculator.yearlyMargin(f.build(), MARGIN)).isEqualByComparingTo("150.00");
    }

    @Test
    void strategicValueDiscountsEachYearsRetainedMargin() {
        // q = 0.8 / 1.1 = 0.727273; q + q² + q³ = 0.727273 + 0.528926 + 0.384673 = 1.640872 → 100 × = 164.09
        assertThat(ValueCalculator.strategic(new BigDecimal("100"), 0.8, 0.10, 3)).isEqualByComparingTo("164.09");
        // full retention, no discount: m × H
        assertThat(ValueCalculator.strategic(new BigDecimal("100"), 1.0, 0.0, 10)).isEqualByComparingTo("1000.00");
    }

    @Test
    void zeroMarginOrZeroHorizonIsWorthNothingAheadAndANegativeMarginIsWorthLess() {
        assertThat(ValueCalculator.strategic(BigDecimal.ZERO, 0.8, 0.10, 10)).isEqualByComparingTo("0");
        assertThat(ValueCalculator.strategic(new BigDecimal("100"), 0.8, 0.10, 0)).isEqualByComparingTo("0");
        // q = 0.5 / 1.1 = 0.454545; q + q² = 0.454545 + 0.206612 = 0.661157 → −50 × = −33.06
        assertThat(ValueCalculator.strategic(new BigDecimal("-50"), 0.5, 0.10, 2)).isEqualByComparingTo("-33.06");
    }

    @Test
    void theHorizonEndsAtTheMaximumAgeWhereTheBirthDateIsKnown() {
        assertThat(ValueCalculator.horizon(null, DAY, 10, 85)).isEqualTo(10);
        // 76 on 2026-11-23 → 85 − 76 = 9 years left
        assertThat(ValueCalculator.horizon(LocalDate.of(1950, 6, 1), DAY, 10, 85)).isEqualTo(9);
        // 75 until tomorrow → 85 − 75 = 10; exactly 77 today → 8
        assertThat(ValueCalculator.horizon(LocalDate.of(1950, 11, 24), DAY, 10, 85)).isEqualTo(10);
        assertThat(ValueCalculator.horizon(LocalDate.of(1949, 11, 23), DAY, 10, 85)).isEqualTo(8);
        // older than the maximum age: nothing ahead, never negative
        assertThat(ValueCalculator.horizon(LocalDate.of(1930, 1, 1), DAY, 10, 85)).isZero();
        // young: the horizon itself
        assertThat(ValueCalculator.horizon(LocalDate.of(2000, 1, 1), DAY, 10, 85)).isEqualTo(10);
    }
}
