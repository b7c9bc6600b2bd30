package io.escalera.value.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What the database knows about one customer as of a day: the inputs of every value and risk formula. Money sums are
 * zero (never null) when there is nothing; dates are null when there is nothing.
 *
 * @param netSales          Σ (gross − discount) of every order
 * @param costKnown         Σ cost of goods of the orders that have one
 * @param salesWithoutCost  Σ (gross − discount) of the orders that have no cost of goods
 * @param ordersYear        orders in the last 365 days (both ends included); the year before: {@code ordersPreviousYear}
 * @param ordersHalf        orders in the last 6 months; the 6 months before: {@code ordersPreviousHalf} (same for spend)
 * @param lastDetractor     the latest NPS 0–6 answer in the last 365 days; {@code lastUnhappy}: CSAT 1–2
 * @param latestNps         the latest NPS score ever, or null
 * @param complaintsPastSla complaints open past their resolution due time
 * @param lastComplaint     the latest complaint opened in the last 365 days
 * @param complaintsYear    complaints opened in the last 365 days
 */
public record ValueFacts(long customerId, long homeUnitId, String acquisitionChannel, LocalDate birthDate, String stage,
                         int orders, LocalDate firstOrder, LocalDate lastOrder, BigDecimal netSales, BigDecimal costKnown,
                         BigDecimal salesWithoutCost, BigDecimal returns, int ordersYear, int ordersPreviousYear,
                         BigDecimal salesYear, BigDecimal costKnownYear, BigDecimal salesWithoutCostYear, BigDecimal returnsYear,
                         int ordersHalf, BigDecimal salesHalf, int ordersPreviousHalf, BigDecimal salesPreviousHalf,
                         BigDecimal compensation, long minutes, LocalDateTime lastDetractor, LocalDateTime lastUnhappy,
                         Integer latestNps, int complaintsPastSla, LocalDateTime lastComplaint, int complaintsYear,
                         int invitationsSent, int invitationsAnswered, LocalDate flaggedBefore) {

    public boolean hasOrders() {
        return orders > 0;
    }

    public boolean active() {
        return ordersYear > 0;
    }
}
