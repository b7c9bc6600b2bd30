package io.escalera.value.internal;

import io.escalera.complaint.ComplaintEvents;
import io.escalera.customer.CustomerEvents;
import io.escalera.feedback.FeedbackEvents;
import io.escalera.interaction.InteractionEvents;
import io.escalera.security.SystemUser;
import io.escalera.shared.LockConflicts;
import io.escalera.shared.LongJobs;
import io.escalera.value.ValueService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;

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
 * The nightly full recompute, after the ladder's (the strategic value reads the stages); and, on a database whose
 * values were never computed (an installation that had customers before this module), a first one right after start,
 * in the background.
 */
@Component
@ConditionalOnProperty(name = "escalera.value.nightly-recompute", havingValue = "true", matchIfMissing = true)
class NightlyValueRecompute {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NightlyValueRecompute.class);

    private final ValueService values;
    private final CustomerValueTable store;
    private final LongJobs longJobs;

    NightlyValueRecompute(ValueService values, CustomerValueTable store, LongJobs longJobs) {
        this.values = values;
        this.store = store;
        this.longJobs = longJobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstRun() {
        if (!store.everComputed()) {
            log.info("Customer values were never computed: computing them now, in the background");
            // several nodes starting together: one of them computes (the same lock as the nightly run), on the
            // long-job executor (recompute returns at once)
            recompute();
        }
    }

    /** Minutes at scale: on the long-job executor, so that no scheduler thread waits for it. */
    @Scheduled(cron = "${escalera.value.recompute-cron:0 40 2 * * *}")
    void recompute() {
        // the recompute takes the cluster job lock itself (whatever starts it); a run already going elsewhere is skipped
        longJobs.handOff(() -> SystemUser.run(values::recomputeAllUnlessRunning));
    }
}
