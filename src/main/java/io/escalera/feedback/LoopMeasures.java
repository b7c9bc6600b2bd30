package io.escalera.feedback;

import java.math.BigDecimal;

/**
 * Closing-the-loop measures for follow-ups opened in a period (the KPI boards' raw material).
 * <ul>
 *   <li>loop-closure rate = follow-ups closed by their due time ÷ follow-ups opened;</li>
 *   <li>recovery rate = followed-up customers who later answered higher (NPS ≥ 7 or CSAT ≥ 4, any time after the
 *       unhappy answer) or bought again within 90 days after it ÷ follow-ups of known customers;</li>
 *   <li>compensation of recovered customers = compensation granted to them from the unhappy answer to 90 days later.</li>
 * </ul>
 * Rates are null when there is nothing to divide by.
 */
public record LoopMeasures(long opened, long closedWithinSla, long ofKnownCustomers, long recovered,
                           BigDecimal compensationOfRecovered) {

    /**
     * The one definition of "recovered", as an SQL condition over a follow-up row {@code followUp} and its unhappy
     * answer {@code answer}: a known customer who later answered higher, or bought again within 90 days.
     */
    public static String recoveredCondition(String followUp, String answer) {
        return """
                (%1$s.customer_id IS NOT NULL AND (
                  EXISTS (SELECT 1 FROM feedback l WHERE l.customer_id = %1$s.customer_id AND l.answered_at > %2$s.answered_at
                          AND ((l.kind = 'NPS' AND l.score >= 7) OR (l.kind = 'CSAT' AND l.score >= 4)))
                  OR EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = %1$s.customer_id
                             AND o.order_date > DATE(%2$s.answered_at) AND o.order_date <= DATE(%2$s.answered_at) + INTERVAL 90 DAY)))"""
                .formatted(followUp, answer);
    }

    public Double loopClosureRate() {
        return opened == 0 ? null : (double) closedWithinSla / opened;
    }

    public Double recoveryRate() {
        return ofKnownCustomers == 0 ? null : (double) recovered / ofKnownCustomers;
    }
}
