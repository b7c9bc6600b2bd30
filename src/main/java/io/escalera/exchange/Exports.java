package io.escalera.exchange;

import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderService;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.TableWriter;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports of whole lists with their filters, streamed as CSV or XLSX. The orders file has the import's columns, so
 * that an exported file imports back unchanged.
 */
@Service
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class Exports {

    /** The order file's headers: the import recognises each of them. */
    public static final List<String> ORDER_HEADERS = List.of("Order id", "Customer code", "Customer", "Order date", "Channel",
            "Unit", "Gross amount", "Discount", "Cost of goods", "Promised delivery", "Actual delivery", "Delivered in full",
            "Returned amount", "Categories");

    private final OrderService orders;
    private final UnitDirectory units;

    Exports(OrderService orders, UnitDirectory units) {
        this.orders = orders;
        this.units = units;
    }

    /** Every order of the filter (in the user's units), newest first; returns how many were written. */
    public long orders(OrderFilter filter, TableWriter.Format format, OutputStream out) {
        Map<Long, String> unitCodes = new HashMap<>();
        units.allUnits().forEach(u -> unitCodes.put(u.id(), u.code()));
        long[] count = {0};
        try (TableWriter writer = TableWriter.of(format, out, "Orders")) {
            writer.row(ORDER_HEADERS);
            orders.forEach(filter, o -> {
                writer.row(Arrays.asList(o.externalId(), o.customerCode(), o.customerName(), o.orderDate(), o.channel().name(),
                        unitCodes.get(o.unitId()), o.grossAmount(), o.discount(), o.costOfGoods(), o.promisedDelivery(),
                        o.actualDelivery(), o.deliveredInFull(), o.returnedAmount(), o.categories()));
                count[0]++;
            });
        }
        return count[0];
    }
}
