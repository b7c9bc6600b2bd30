package io.escalera.customer;

import io.escalera.shared.imports.BulkImport;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.customer.internal.OrderImportStore;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Orders in bulk, for the import of a file: rows are staged, checked against the database in set-based SQL (the dry
 * run: what would be created, changed, left as it is, or rejected and why), then committed in one transaction —
 * all of the file's good rows or none. Rows are matched by the order's external id, so importing the same file twice
 * changes nothing the second time.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class OrderImport implements BulkImport<OrderImport.StagedOrder> {

    private final OrderImportStore store;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderImport(OrderImportStore store, UnitScopes scopes, SignedInUsers signedIn, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.events = events;
        this.clock = clock;
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
    public void stage(long importId, List<StagedOrder> rows) {
        store.stage(importId, rows);
    }

    /** The dry run: decides every staged row's outcome against the database as it is now; changes no order. */
    @Transactional
    public ImportSummary check(long importId) {
        return store.check(importId, scopes.actingUnits().orElse(null), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public List<ImportReject> rejects(long importId, long offset, int limit) {
        return store.rejects(importId, offset, limit);
    }

    /**
     * Checks again (the database may have changed since the dry run) and writes every good row in this one
     * transaction; the rejected rows stay staged for the report. Announces the import so that the ladder, value and
     * KPI facts catch up.
     */
    @Transactional
    public ImportSummary commit(long importId) {
        Set<Long> units = scopes.actingUnits().orElse(null);
        ImportSummary summary = store.check(importId, units, LocalDate.now(clock));
        LocalDate[] dates = store.affectedDates(importId);
        String by = signedIn.actorName();
        store.apply(importId, by, clock.instant());
        if (summary.created() + summary.updated() > 0) {
            events.publishEvent(new CustomerEvents.OrdersImported(importId, dates[0], dates[1], summary.created(), summary.updated()));
        }
        return summary;
    }

    /** After a commit: forgets the staged rows that were written; the rejected ones stay for the report. */
    public void forgetAccepted(long importId) {
        store.forgetAccepted(importId);
    }

    /** Forgets an import's staged rows (after its report is no longer needed, or when it is abandoned). */
    @Transactional
    public void discard(long importId) {
        store.discard(importId);
    }
}
