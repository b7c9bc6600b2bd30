package io.escalera.feedback;

import io.escalera.feedback.internal.FeedbackImportStore;
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
        store.stage(importId, rows.stream().map(r -> r.externalId() != null || r.reasonKey() != null ? r
                : new StagedAnswer(r.line(), contentKey(r), r.customerCode(), r.answeredAt(), r.kind(), r.score(), r.comment(),
                        r.unitCode(), r.orderExternalId(), null, null)).toList());
    }

    /** An answer without the survey tool's id is the same answer when customer (or none), moment and kind are. */
    private static String contentKey(StagedAnswer r) {
        return ContentKey.of("answer", r.customerCode(), r.answeredAt(), r.kind());
    }

    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        var days = store.affectedDays(importId);
        return new FeedbackEvents.FeedbackImported(importId, days[0], days[1], summary.created(), summary.updated());
    }
}
