package io.escalera.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Domain events of the customer module, for the ladder, value, feedback and KPI modules to react to. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    public record CustomerRegistered(long customerId, long homeUnitId, AcquisitionChannel channel, LocalDate on) {
    }

    public record OrderPlaced(long orderId, long customerId, LocalDate orderDate, SalesChannel channel, long unitId,
                              BigDecimal netAmount) {
    }

    public record OrderDelivered(long orderId, long customerId, LocalDate deliveredOn, boolean onTime, boolean inFull) {
    }

    public record OrderReturned(long orderId, long customerId, BigDecimal returnedAmount) {
    }

    public record CustomerReferred(long referrerId, long referredId, LocalDate on) {
    }

    /**
     * Orders were imported in bulk (created or changed, with order dates in [from, to]): the ladder, value and KPI
     * modules bring their facts up to date for them at once rather than one event per order.
     */
    public record OrdersImported(long importId, LocalDate from, LocalDate to, long created, long updated) {
    }

    /** Customers were imported in bulk: the ladder and value modules take them in with one run, not one event each. */
    public record CustomersImported(long importId, long created, long updated) {
    }

    /** Referrals were imported in bulk (who referred whom, when): the ladder takes them in with one run. */
    public record ReferralsImported(long importId, long created, long updated) {
    }

    /**
     * A generated data set was loaded (demo, generator command, benchmark): customers with ids in [firstId, lastId],
     * so that other modules generate their own data for them (interactions, cases, answers).
     */
    public record CustomersGenerated(long firstId, long lastId, long seed, LocalDate today) {
    }
}
