package io.escalera.customer;

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
 * The order list with its filters as a file, streamed as CSV or XLSX (a million rows never sit in memory). The
 * columns are the order import's, so that an exported file imports back unchanged.
 */
@Service
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class OrderExport {

    /** The order file's headers: the import recognises each of them. */
    public static final List<String> ORDER_HEADERS = List.of("Order id", "Customer code", "Customer", "Order date", "Channel",
            "Unit", "Gross amount", "Discount", "Cost of goods", "Promised delivery", "Actual delivery", "Delivered in full",
            "Returned amount", "Categories");

    private final OrderService orders;
    private final UnitDirectory units;

    OrderExport(OrderService orders, UnitDirectory units) {
        this.orders = orders;
        this.units = units;
    }

    /** Every order of the filter (in the user's units), newest first; returns how many were written. */
    public long write(OrderFilter filter, TableWriter.Format format, OutputStream out) {
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
