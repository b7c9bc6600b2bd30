package io.escalera.value;

import java.math.BigDecimal;

/**
 * The value and early-warning numbers (settings; MANAGER and ADMIN edit them). The cost per interaction minute is
 * the interaction module's setting (the same one as the cost to serve on the 360).
 *
 * @param marginRate       gross margin assumed on sales of orders without a cost of goods (0.40, the brief's default)
 * @param discountRate     d of the strategic value (0.10)
 * @param horizonYears     H of the strategic value (10)
 * @param maxAge           the horizon ends when the customer reaches this age, where the birth date is known (85)
 * @param riskThreshold    a risk score from this up puts an active customer on the at-risk worklist (40)
 * @param silenceDays      a complaint followed by no purchase for this many days is a warning (30)
 * @param overdueWeight    weight of "overdue against their usual gap" (30)
 * @param frequencyWeight  weight of "fewer purchases than the 6 months before" (15)
 * @param spendWeight      weight of "less spend than the 6 months before" (15)
 * @param lowScoreWeight   weight of "a detractor NPS or an unhappy CSAT in the last 365 days" (15)
 * @param pastSlaWeight    weight of "a complaint open past its SLA" (10)
 * @param silenceWeight    weight of "a complaint followed by silence" (10)
 * @param unansweredWeight weight of "never answered a survey (two or more sent)" (5)
 */
public record ValueRules(BigDecimal marginRate, BigDecimal discountRate, int horizonYears, int maxAge, int riskThreshold,
                         int silenceDays, int overdueWeight, int frequencyWeight, int spendWeight, int lowScoreWeight,
                         int pastSlaWeight, int silenceWeight, int unansweredWeight) {

    public static ValueRules defaults() {
        return new ValueRules(new BigDecimal("0.40"), new BigDecimal("0.10"), 10, 85, 40, 30, 30, 15, 15, 15, 10, 10, 5);
    }

    public int totalWeight() {
        return overdueWeight + frequencyWeight + spendWeight + lowScoreWeight + pastSlaWeight + silenceWeight + unansweredWeight;
    }
}
