package io.escalera.value.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One customer's orders folded in date order (fed by the ordered index scan of every order): the money and count
 * inputs of the value and risk formulas as of {@code day}. Windows: the last 365 days and the year before; the last
 * 6 months and the 6 before.
 */
final class OrderSums {

    private final LocalDate yearStart;
    private final LocalDate previousYearStart;
    private final LocalDate halfStart;
    private final LocalDate previousHalfStart;

    int orders;
    LocalDate firstOrder;
    LocalDate lastOrder;
    BigDecimal netSales, costKnown, salesWithoutCost, returns;
    int ordersYear, ordersPreviousYear, ordersHalf, ordersPreviousHalf;
    BigDecimal salesYear, costKnownYear, salesWithoutCostYear, returnsYear, salesHalf, salesPreviousHalf;

    OrderSums(LocalDate day) {
        this.yearStart = day.minusDays(365);
        this.previousYearStart = day.minusDays(730);
        this.halfStart = day.minusMonths(6);
        this.previousHalfStart = day.minusMonths(12);
        clear();
    }

    void clear() {
        orders = ordersYear = ordersPreviousYear = ordersHalf = ordersPreviousHalf = 0;
        firstOrder = lastOrder = null;
        netSales = costKnown = salesWithoutCost = returns = salesYear = costKnownYear = salesWithoutCostYear = returnsYear
                = salesHalf = salesPreviousHalf = ZERO;
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Adds the order at the result set's row, as {@link FactsQuery#orders} selects it. */
    void add(ResultSet order) throws SQLException {
        add(order.getDate(2).toLocalDate(), order.getBigDecimal(3), order.getBigDecimal(4), order.getBigDecimal(5));
    }

    /** @param net gross − discount; @param cost null when unknown */
    void add(LocalDate date, BigDecimal net, BigDecimal cost, BigDecimal returned) {
        orders++;
        if (firstOrder == null) firstOrder = date;
        lastOrder = date;
        netSales = netSales.add(net);
        if (cost != null) costKnown = costKnown.add(cost); else salesWithoutCost = salesWithoutCost.add(net);
        returns = returns.add(returned);
        if (!date.isBefore(yearStart)) {
            ordersYear++;
            salesYear = salesYear.add(net);
            if (cost != null) costKnownYear = costKnownYear.add(cost); else salesWithoutCostYear = salesWithoutCostYear.add(net);
            returnsYear = returnsYear.add(returned);
        } else if (!date.isBefore(previousYearStart)) {
            ordersPreviousYear++;
        }
        if (date.isAfter(halfStart)) {
            ordersHalf++;
            salesHalf = salesHalf.add(net);
        } else if (date.isAfter(previousHalfStart)) {
            ordersPreviousHalf++;
            salesPreviousHalf = salesPreviousHalf.add(net);
        }
    }
}
