package io.escalera.admin;

import io.escalera.admin.internal.UnitImportStore;
import io.escalera.shared.imports.ImportActor;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedImport;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Units in bulk — the first file of a migration: regions and the stores, shop and call centres under them, matched by
 * code (a re-import changes nothing, a corrected file renames or moves a unit). A unit's parent is a region, existing
 * or named on another line of the same file. Units are the company's structure, so only an ADMIN imports them: each
 * inherited step is declared again here with that role (a class-level role does not cover inherited methods).
 */
@Service
@RolesAllowed("ADMIN")
public class UnitImport extends StagedImport<UnitImport.StagedUnit> {

    private final UnitImportStore store;

    UnitImport(UnitImportStore store, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
    }

    /** One row of the file as read; {@code reasonKey} is a problem found while reading, which rejects the row. */
    public record StagedUnit(int line, String code, String name, UnitKind kind, String parentCode, String reasonKey, String detail) {
    }

    @Override
    public void stage(long importId, List<StagedUnit> rows) {
        store.stage(importId, rows);
    }

    @Override
    @RolesAllowed("ADMIN")
    @Transactional
    public ImportSummary check(long importId) {
        return super.check(importId);
    }

    @Override
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<ImportReject> rejects(long importId, long offset, int limit) {
        return super.rejects(importId, offset, limit);
    }

    @Override
    @RolesAllowed("ADMIN")
    @Transactional
    public ImportSummary commit(long importId) {
        return super.commit(importId);
    }

    @Override
    @RolesAllowed("ADMIN")
    public void forgetAccepted(long importId) {
        super.forgetAccepted(importId);
    }

    @Override
    @RolesAllowed("ADMIN")
    @Transactional
    public void discard(long importId) {
        super.discard(importId);
    }

    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        return new UnitsImported(importId, summary.created(), summary.updated());
    }

    /** Units were imported in bulk (nothing else follows from it today; a record for who listens later). */
    public record UnitsImported(long importId, long created, long updated) {
    }
}
