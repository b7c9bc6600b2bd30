package io.escalera.value.internal;

import io.escalera.complaint.ComplaintEvents;
import io.escalera.customer.CustomerEvents;
import io.escalera.feedback.FeedbackEvents;
import io.escalera.interaction.InteractionEvents;
import io.escalera.loyalty.LoyaltyEvents;
import io.escalera.security.SystemUser;
import io.escalera.shared.JobHealth;
import io.escalera.shared.LockConflicts;
import io.escalera.shared.LongJobs;
import io.escalera.value.ValueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;

/**
 * A customer's value and risk follow what happens to them (after commit, through the event registry); what time
 * alone changes (recency, overdue, silence) and everyone's tiers and quintiles move every night.
 */
@Component
class ValueTriggers {

    private final ValueService values;

    ValueTriggers(ValueService values) {
        this.values = values;
    }

    /** A generated data set gets its values at once, after the ladder (the strategic value reads the stages). */
    @EventListener
    @Order(40)
    void on(CustomerEvents.CustomersGenerated generated) {
        SystemUser.run(values::recomputeAll);
    }

    /** Orders imported in bulk: every value again, once (a set-based run). */
    // after commit, off the import's thread, and outside any transaction: the run manages its own
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.OrdersImported imported) {
        SystemUser.run(values::recomputeAll);
    }

    /** Contacts imported in bulk (they are part of the cost to serve): one run. */
    @Async
    @TransactionalEventListener
    void on(InteractionEvents.InteractionsImported imported) {
        SystemUser.run(values::recomputeAll);
    }

    /** Answers imported in bulk (low scores feed the risk score): one run. */
    @Async
    @TransactionalEventListener
    void on(FeedbackEvents.FeedbackImported imported) {
        SystemUser.run(values::recomputeAll);
    }

    /** Customers imported in bulk (birth dates and channels feed the value): one run. */
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.CustomersImported imported) {
        SystemUser.run(values::recomputeAll);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerEvents.OrderPlaced placed) {
        update(placed.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerEvents.OrderReturned returned) {
        update(returned.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(FeedbackEvents.FeedbackReceived received) {
        if (received.customerId() != null) {
            update(received.customerId());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplaintEvents.ComplaintOpened opened) {
        update(opened.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplaintEvents.ComplaintResolved resolved) {
        update(resolved.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplaintEvents.CompensationGranted granted) {
        update(granted.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InteractionEvents.InteractionLogged logged) {
        update(logged.customerId());
    }

    /**
     * Updates of customers in the same cell of the counts can collide; the loser of a deadlock simply tries again.
     * The listeners run without a transaction of their own (NOT_SUPPORTED): the update opens its own, and a listener
     * transaction around it would hold a first connection while the update takes a second (issue 30).
     */
    private void update(long customerId) {
        LockConflicts.retry(3, () -> SystemUser.run(() -> values.update(customerId)));
    }
}

/**
 * The nightly full recompute, right after the ladder's (the strategic value reads the stages): it follows the
 * ladder's {@link LoyaltyEvents.NightlyRecomputeEnded} on the node that ran it, instead of a clock time that guessed
 * when the ladder would be done. Watched as the job {@value #JOB} (expected daily; overdue after two nights without
 * a run, e.g. when the ladder's nightly run is switched off). And, on a database whose values were never computed (an
 * installation that had customers before this module), a first one right after start, in the background.
 */
@Component
@ConditionalOnProperty(name = "escalera.value.nightly-recompute", havingValue = "true", matchIfMissing = true)
class NightlyValueRecompute {

    static final String JOB = "value.nightly-recompute";
    private static final Logger log = LoggerFactory.getLogger(NightlyValueRecompute.class);

    private final ValueService values;
    private final CustomerValueTable store;
    private final LongJobs longJobs;
    private final JobHealth jobHealth;

    NightlyValueRecompute(ValueService values, CustomerValueTable store, LongJobs longJobs, JobHealth jobHealth) {
        this.values = values;
        this.store = store;
        this.longJobs = longJobs;
        this.jobHealth = jobHealth;
        jobHealth.expect(JOB, Duration.ofDays(1));
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstRun() {
        if (!store.everComputed()) {
            log.info("Customer values were never computed: computing them now, in the background");
            // several nodes starting together: one of them computes (the same lock as the nightly run)
            longJobs.handOff(() -> SystemUser.run(values::recomputeAllUnlessRunning));
        }
    }

    /** Minutes at scale: on the long-job executor, so that the ladder's run ends (and says so) without waiting for it. */
    @EventListener
    void on(LoyaltyEvents.NightlyRecomputeEnded ladderDone) {
        longJobs.handOff(() -> {
            // the recompute takes the cluster job lock itself; a run already going elsewhere is skipped
            SystemUser.run(values::recomputeAllUnlessRunning);
            jobHealth.ran(JOB);
        });
    }
}
