package io.escalera.value.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Hand-made {@link ValueFacts} for the formula tests: everything empty unless set. */
final class Facts {

    int orders;
    LocalDate firstOrder;
    LocalDate lastOrder;
    LocalDate birthDate;
    String netSales = "0", costKnown = "0", salesWithoutCost = "0", returns = "0", compensation = "0";
    int ordersYear, ordersPreviousYear, ordersHalf, ordersPreviousHalf;
    String salesYear = "0", costKnownYear = "0", salesWithoutCostYear = "0", returnsYear = "0", salesHalf = "0", salesPreviousHalf = "0";
    long minutes;
    LocalDateTime lastDetractor, lastUnhappy, lastComplaint;
    Integer latestNps;
    int pastSla, complaintsYear, sent, answered;

    ValueFacts build() {
        return new ValueFacts(1, 1, "STORE", birthDate, null, orders, firstOrder, lastOrder, m(netSales), m(costKnown),
                m(salesWithoutCost), m(returns), ordersYear, ordersPreviousYear, m(salesYear), m(costKnownYear),
                m(salesWithoutCostYear), m(returnsYear), ordersHalf, m(salesHalf), ordersPreviousHalf, m(salesPreviousHalf),
                m(compensation), minutes, lastDetractor, lastUnhappy, latestNps, pastSla, lastComplaint, complaintsYear,
                sent, answered, null);
    }

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
