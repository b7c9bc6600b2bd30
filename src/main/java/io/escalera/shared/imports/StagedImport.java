package io.escalera.shared.imports;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The steps every module's bulk import shares: rows are staged, checked against the database in set-based SQL (the
 * dry run: what would be created, changed, left as it is, or rejected and why), then committed in one transaction —
 * all of the file's good rows or none — and announced once so that the ladder, values and KPI facts catch up. A
 * module's import adds how its rows are staged and what it announces.
 * <p>
 * Roles: Spring Security reads a class-level {@code @RolesAllowed} from the class that <em>declares</em> a method, so
 * the subclass's annotation does not cover the steps inherited from here — they carry their own, and every staged
 * import is a MANAGER's or an ADMIN's ({@code ImportStepsSecurityTest} fails when either side forgets).
 *
 * @param <R> a row of the file as read
 */
@RolesAllowed({"MANAGER", "ADMIN"})
public abstract class StagedImport<R> implements BulkImport<R> {

    private final StagedRecords records;
    private final ImportActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    protected StagedImport(StagedRecords records, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** The dry run: decides every staged row's outcome against the database as it is now; changes no record. */
    @Override
    @Transactional
    public ImportSummary check(long importId) {
        return records.check(run(importId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportReject> rejects(long importId, long offset, int limit) {
        return records.staging().rejects(importId, offset, limit);
    }

    /**
     * Checks again (the database may have changed since the dry run) and writes every good row in this one
     * transaction; the rejected rows stay staged for the report. Announces the import when it wrote anything.
     */
    @Override
    @Transactional
    public ImportSummary commit(long importId) {
        ImportRun run = run(importId);
        ImportSummary summary = records.check(run);
        // before the writes: an announcement names the old days of the records the import changes
        Object announcement = announcement(importId, summary);
        records.apply(run);
        if (summary.created() + summary.updated() > 0) {
            events.publishEvent(announcement);
        }
        return summary;
    }

    /** After a commit: forgets the staged rows that were written; the rejected ones stay for the report. */
    @Override
    public void forgetAccepted(long importId) {
        records.staging().forgetAccepted(importId);
    }

    /** Forgets an import's staged rows (after its report is no longer needed, or when it is abandoned). */
    @Override
    @Transactional
    public void discard(long importId) {
        records.staging().discard(importId);
    }

    /** The event that tells the other modules what the commit wrote (computed before the writes). */
    protected abstract Object announcement(long importId, ImportSummary summary);

    protected ImportActor actor() {
        return actor;
    }

    private ImportRun run(long importId) {
        return new ImportRun(importId, actor.units().orElse(null), actor.name(), actor.displayName(), clock.instant(),
                LocalDate.now(clock));
    }
}
