package io.escalera.interaction;

import io.escalera.interaction.internal.InteractionImportStore;
import io.escalera.shared.imports.ContentKey;
import io.escalera.shared.imports.ImportActor;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedImport;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Contacts in bulk, for the import of a file (a contact centre's or a CRM's history), as the customer module does for
 * customers and orders: staged, checked set-based (the dry run), committed in one transaction, matched by the other
 * system's contact id so that a re-import changes nothing. The contact is counted under the unit the file names (the
 * handler's); who handled it is kept by name, with the importer as the user behind it.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class InteractionImport extends StagedImport<InteractionImport.StagedInteraction> {

    private final InteractionImportStore store;

    InteractionImport(InteractionImportStore store, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
    }

    /** One row of the file as read; {@code reasonKey} is a problem found while reading, which rejects the row. */
    public record StagedInteraction(int line, String externalId, String customerCode, Instant occurredAt, InteractionChannel channel,
                                    Direction direction, String reasonName, String summary, Integer minutes,
                                    Boolean resolvedFirstContact, String unitCode, String handledByName, String reasonKey,
                                    String detail) {
    }

    /** Adds rows to the staging area; a contact without a handler's name is kept under the importer's. */
    @Override
    public void stage(long importId, List<StagedInteraction> rows) {
        String importer = actor().displayName();
        store.stage(importId, rows.stream().map(r -> r.reasonKey() != null ? r
                : new StagedInteraction(r.line(), r.externalId() != null ? r.externalId() : contentKey(r), r.customerCode(), r.occurredAt(),
                        r.channel(), r.direction(), r.reasonName(), r.summary(), r.minutes(), r.resolvedFirstContact(), r.unitCode(),
                        r.handledByName() != null ? r.handledByName() : importer, null, null)).toList());
    }

    /** A contact without the source system's id is the same contact when customer, moment, channel and direction are. */
    private static String contentKey(StagedInteraction r) {
        return ContentKey.of("contact", r.customerCode(), r.occurredAt(), r.channel(), r.direction());
    }

    /** Announced once for the KPI facts and values, with the days the contacts fall on. */
    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        var days = store.affectedDays(importId);
        return new InteractionEvents.InteractionsImported(importId, days[0], days[1], summary.created(), summary.updated());
    }
}
