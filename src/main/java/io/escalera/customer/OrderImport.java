package io.escalera.customer;

import io.escalera.shared.imports.ImportActor;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedImport;
import io.escalera.customer.internal.OrderImportStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Orders in bulk, for the import of a file: rows are staged, checked against the database in set-based SQL (the dry
 * run: what would be created, changed, left as it is, or rejected and why), then committed in one transaction —
 * all of the file's good rows or none. Rows are matched by the order's external id, so importing the same file twice
 * changes nothing the second time.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class OrderImport extends StagedImport<OrderImport.StagedOrder> {

    private final OrderImportStore store;

    OrderImport(OrderImportStore store, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
    }

    /**
     * One row of the file as read: typed values, or a format problem found while reading ({@code reasonKey}, e.g. a
     * date that is not a date), which rejects the row whatever else it holds.
     */
    public record StagedOrder(int line, String externalId, String customerCode, LocalDate orderDate, SalesChannel channel,
                              String unitCode, BigDecimal grossAmount, BigDecimal discount, BigDecimal costOfGoods,
                              LocalDate promisedDelivery, LocalDate actualDelivery, Boolean deliveredInFull,
                              BigDecimal returnedAmount, String categories, String reasonKey, String detail) {
    }

    /** Adds rows of an import to its staging area (call in chunks while reading the file). */
    @Override
    public void stage(long importId, List<StagedOrder> rows) {
        store.stage(importId, rows);
    }

    /** Announced so that the ladder, values and KPI facts catch up, with the order dates the import touches. */
    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        LocalDate[] dates = store.affectedDates(importId);
        return new CustomerEvents.OrdersImported(importId, dates[0], dates[1], summary.created(), summary.updated());
    }
}
