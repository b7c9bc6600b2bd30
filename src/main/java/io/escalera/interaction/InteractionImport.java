package io.escalera.interaction;

import io.escalera.interaction.internal.InteractionImportStore;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.imports.BulkImport;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Contacts in bulk, for the import of a file (a contact centre's or a CRM's history), as the customer module does for
 * customers and orders: staged, checked set-based (the dry run), committed in one transaction, matched by the other
 * system's contact id so that a re-import changes nothing. The contact is counted under the unit the file names (the
 * handler's); who handled it is kept by name, with the importer as the user behind it.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class InteractionImport implements BulkImport<InteractionImport.StagedInteraction> {

    private final InteractionImportStore store;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InteractionImport(InteractionImportStore store, UnitScopes scopes, SignedInUsers signedIn, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.events = events;
        this.clock = clock;
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
        String importer = signedIn.authenticated().map(u -> u.displayName()).orElse(signedIn.actorName());
        store.stage(importId, rows.stream().map(r -> r.handledByName() != null || r.reasonKey() != null ? r
                : new StagedInteraction(r.line(), r.externalId(), r.customerCode(), r.occurredAt(), r.channel(), r.direction(),
                        r.reasonName(), r.summary(), r.minutes(), r.resolvedFirstContact(), r.unitCode(), importer, null, null)).toList());
    }

    @Override
    @Transactional
    public ImportSummary check(long importId) {
        return store.check(importId, scopes.actingUnits().orElse(null), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportReject> rejects(long importId, long offset, int limit) {
        return store.rejects(importId, offset, limit);
    }

    /** Checks again and writes every good row in this one transaction; announces the import once for the KPI facts. */
    @Override
    @Transactional
    public ImportSummary commit(long importId) {
        ImportSummary summary = store.check(importId, scopes.actingUnits().orElse(null), clock.instant());
        LocalDate[] days = store.affectedDays(importId);
        store.apply(importId, signedIn.actorName(), clock.instant());
        if (summary.created() + summary.updated() > 0) {
            events.publishEvent(new InteractionEvents.InteractionsImported(importId, days[0], days[1], summary.created(), summary.updated()));
        }
        return summary;
    }

    @Override
    public void forgetAccepted(long importId) {
        store.forgetAccepted(importId);
    }

    @Override
    @Transactional
    public void discard(long importId) {
        store.discard(importId);
    }
}
