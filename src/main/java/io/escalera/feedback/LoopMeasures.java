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

    public Double loopClosureRate() {
        return opened == 0 ? null : (double) closedWithinSla / opened;
    }

    public Double recoveryRate() {
        return ofKnownCustomers == 0 ? null : (double) recovered / ofKnownCustomers;
    }
}
