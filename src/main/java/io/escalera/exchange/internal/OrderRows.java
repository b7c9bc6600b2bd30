package io.escalera.exchange.internal;

import io.escalera.customer.OrderCategories;
import io.escalera.customer.OrderImport;
import io.escalera.customer.SalesChannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Turns a file's line into an order row, by the mapping of fields to column headers; a bad value rejects the row. */
final class OrderRows {

    private final ImportColumns columns;

    OrderRows(ImportColumns columns) {
        this.columns = columns;
    }

    OrderImport.StagedOrder read(TabularFile.Line line) {
        String externalId = null;
        String customerCode = null;
        try {
            externalId = ImportValues.text(cell(line, "externalId"), 40, "externalId");
            customerCode = ImportValues.text(cell(line, "customerCode"), 40, "customerCode");
            LocalDate orderDate = ImportValues.date(cell(line, "orderDate"));
            SalesChannel channel = ImportValues.channel(cell(line, "channel"));
            String unitCode = ImportValues.text(cell(line, "unitCode"), 30, "unitCode");
            BigDecimal gross = ImportValues.amount(cell(line, "grossAmount"));
            BigDecimal discount = ImportValues.amount(cell(line, "discount"));
            BigDecimal cost = ImportValues.amount(cell(line, "costOfGoods"));
            LocalDate promised = ImportValues.date(cell(line, "promisedDelivery"));
            LocalDate actual = ImportValues.date(cell(line, "actualDelivery"));
            Boolean inFull = ImportValues.yesNo(cell(line, "deliveredInFull"));
            BigDecimal returned = ImportValues.amount(cell(line, "returnedAmount"));
            String categories = OrderCategories.normalised(ImportValues.text(cell(line, "categories"), 255, "categories"));
            String missing = externalId == null ? "externalId" : customerCode == null ? "customerCode" : orderDate == null ? "orderDate"
                    : unitCode == null ? "unitCode" : gross == null ? "grossAmount" : null;
            if (missing != null) {
                return rejected(line, externalId, customerCode, "import.format.missing", missing);
            }
            return new OrderImport.StagedOrder(line.number(), externalId, customerCode, orderDate,
                    channel == null ? SalesChannel.STORE : channel, unitCode, gross, discount == null ? BigDecimal.ZERO : discount,
                    cost, promised, actual, inFull, returned == null ? BigDecimal.ZERO : returned, categories, null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, externalId, customerCode, e.reasonKey, e.value);
        }
    }

    private static OrderImport.StagedOrder rejected(TabularFile.Line line, String externalId, String customerCode, String reason,
                                                    String detail) {
        return new OrderImport.StagedOrder(line.number(), externalId, customerCode, null, null, null, null, null, null, null,
                null, null, null, null, reason, ImportValues.detail(detail));
    }

    private String cell(TabularFile.Line line, String field) {
        return columns.cell(line, field);
    }
}
