package io.escalera.customer;

import io.escalera.customer.internal.ReferralImportStore;
import io.escalera.shared.imports.ImportActor;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedImport;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Referrals in bulk (who referred whom, and when), for a migration: staged, checked set-based, committed in one
 * transaction, matched by the referred customer (a customer is referred once), so a re-import changes nothing and a
 * corrected file moves the referral to its referrer or date. Both customers must be the importer's.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class ReferralImport extends StagedImport<ReferralImport.StagedReferral> {

    private final ReferralImportStore store;

    ReferralImport(ReferralImportStore store, ImportActor actor, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
    }

    /** One row of the file as read; {@code reasonKey} is a problem found while reading, which rejects the row. */
    public record StagedReferral(int line, String referrerCode, String referredCode, LocalDate referredOn, String reasonKey,
                                 String detail) {
    }

    @Override
    public void stage(long importId, List<StagedReferral> rows) {
        store.stage(importId, rows);
    }

    /** The ladder takes the referrals in (a referral can make an advocate) with one run. */
    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        return new CustomerEvents.ReferralsImported(importId, summary.created(), summary.updated());
    }
}
