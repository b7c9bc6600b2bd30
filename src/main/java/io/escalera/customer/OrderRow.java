package io.escalera.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order as lists and the customer page show it. */
public record OrderRow(long id, String externalId, long customerId, String customerName, LocalDate orderDate,
                       SalesChannel channel, long unitId, String unitName, BigDecimal grossAmount, BigDecimal discount,
                       BigDecimal costOfGoods, LocalDate promisedDelivery, LocalDate actualDelivery, Boolean deliveredInFull,
                       BigDecimal returnedAmount, String categories, long version, String customerCode) {

    public BigDecimal netAmount() {
        return grossAmount.subtract(discount);
    }

    /** Delivered after the promised date. */
    public boolean late() {
        return promisedDelivery != null && actualDelivery != null && actualDelivery.isAfter(promisedDelivery);
    }

    public boolean incomplete() {
        return Boolean.FALSE.equals(deliveredInFull);
    }
}
