package io.escalera.feedback;

import io.escalera.feedback.internal.FeedbackImportStore;
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
 * Survey answers in bulk, for the import of another survey tool's responses: staged, checked set-based (the dry run),
 * committed in one transaction, matched by that tool's response id so that a re-import counts nothing twice. An answer
 * belongs to the unit the file names, else to its customer's home unit. Imported answers are history: they count in
 * the KPIs, the ladder and the risk score, but open no follow-up and send no webhook (the moment to call has passed).
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class FeedbackImport extends StagedImport<FeedbackImport.StagedAnswer> {

    private final FeedbackImportStore store;

    FeedbackImport(FeedbackImportStore store, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
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
    protected Object announcement(long importId, ImportSummary summary) {
        var days = store.affectedDays(importId);
        return new FeedbackEvents.FeedbackImported(importId, days[0], days[1], summary.created(), summary.updated());
    }
}
