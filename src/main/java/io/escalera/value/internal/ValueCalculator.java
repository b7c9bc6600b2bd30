package io.escalera.value.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/** The value formulas of the brief, on one customer's facts; nothing here reads the database. */
public final class ValueCalculator {

    private ValueCalculator() {
    }

    /** The parts of the economic value; {@code costOfGoods} includes {@code costEstimated}. */
    public record Economic(BigDecimal netSales, BigDecimal costOfGoods, BigDecimal costEstimated, BigDecimal returns,
                           BigDecimal compensation, BigDecimal costToServe, BigDecimal value) {
    }

    /**
     * Net sales − cost of goods (sales × (1 − margin) where it is missing) − returns − compensation − cost to serve
     * (interaction minutes × cost per minute).
     */
    public static Economic economic(ValueFacts f, BigDecimal marginRate, BigDecimal costPerMinute) {
        BigDecimal estimated = money(f.salesWithoutCost().multiply(BigDecimal.ONE.subtract(marginRate)));
        BigDecimal cost = f.costKnown().add(estimated);
        BigDecimal costToServe = money(costPerMinute.multiply(BigDecimal.valueOf(f.minutes())));
        BigDecimal value = f.netSales().subtract(cost).subtract(f.returns()).subtract(f.compensation()).subtract(costToServe);
        return new Economic(f.netSales(), cost, estimated, f.returns(), f.compensation(), costToServe, money(value));
    }

    /** m: the gross margin of the last 365 days' orders less their returns (cost estimated as above where missing). */
    public static BigDecimal yearlyMargin(ValueFacts f, BigDecimal marginRate) {
        BigDecimal estimatedCost = f.salesWithoutCostYear().multiply(BigDecimal.ONE.subtract(marginRate));
        return money(f.salesYear().subtract(f.costKnownYear()).subtract(estimatedCost).subtract(f.returnsYear()));
    }

    /** H: the horizon, ending when the customer reaches {@code maxAge} where the birth date is known (never below 0). */
    public static int horizon(LocalDate birthDate, LocalDate day, int horizonYears, int maxAge) {
        if (birthDate == null) {
            return horizonYears;
        }
        int age = Period.between(birthDate, day).getYears();
        return Math.max(0, Math.min(horizonYears, maxAge - age));
    }

    /** Σ_{t=1..H} m·rᵗ/(1+d)ᵗ. */
    public static BigDecimal strategic(BigDecimal yearlyMargin, double retention, double discountRate, int horizon) {
        double q = retention / (1 + discountRate);
        double factor = 0;
        double power = 1;
        for (int t = 1; t <= horizon; t++) {
            power *= q;
            factor += power;
        }
        return money(yearlyMargin.multiply(BigDecimal.valueOf(factor)));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
