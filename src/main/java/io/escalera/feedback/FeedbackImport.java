package io.escalera.feedback;

import io.escalera.feedback.internal.FeedbackImportStore;
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
 * Survey answers in bulk, for the import of another survey tool's responses: staged, checked set-based (the dry run),
 * committed in one transaction, matched by that tool's response id so that a re-import counts nothing twice. An answer
 * belongs to the unit the file names, else to its customer's home unit. Imported answers are history: they count in
 * the KPIs, the ladder and the risk score, but open no follow-up and send no webhook (the moment to call has passed).
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class FeedbackImport implements BulkImport<FeedbackImport.StagedAnswer> {

    private final FeedbackImportStore store;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackImport(FeedbackImportStore store, UnitScopes scopes, SignedInUsers signedIn, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.events = events;
        this.clock = clock;
    }

    /** One row of the file as read; {@code reasonKey} is a problem found while reading, which rejects the row. */
    public record StagedAnswer(int line, String externalId, String customerCode, Instant answeredAt, FeedbackKind kind,
                               Integer score, String comment, String unitCode, String orderExternalId, String reasonKey,
                               String detail) {
    }

    @Override
    public void stage(long importId, List<StagedAnswer> rows) {
        store.stage(importId, rows);
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

    /** Checks again and writes every good row in this one transaction; announces the import once. */
    @Override
    @Transactional
    public ImportSummary commit(long importId) {
        ImportSummary summary = store.check(importId, scopes.actingUnits().orElse(null), clock.instant());
        LocalDate[] days = store.affectedDays(importId);
        store.apply(importId, signedIn.authenticated().map(u -> u.displayName()).orElse(signedIn.actorName()));
        if (summary.created() + summary.updated() > 0) {
            events.publishEvent(new FeedbackEvents.FeedbackImported(importId, days[0], days[1], summary.created(), summary.updated()));
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
