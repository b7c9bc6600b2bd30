package io.escalera.loyalty.internal;

import io.escalera.customer.CustomerEvents;
import io.escalera.customer.CustomerSegments;
import io.escalera.feedback.FeedbackEvents;
import io.escalera.feedback.FeedbackKind;
import io.escalera.loyalty.LoyaltyEvents;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.security.SystemUser;
import io.escalera.shared.LockConflicts;
import io.escalera.shared.LongJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;

/**
 * The ladder moves when something happens (an order, an NPS answer, a referral — after commit, through the event
 * registry) and, for what changes with time alone (a client becoming overdue, a customer lapsing), every night.
 */
@Component
class LadderTriggers {

    private final LoyaltyService loyalty;

    LadderTriggers(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    /** A generated data set (demo, benchmarks) gets its stages at once, after the other modules' generators. */
    @EventListener
    @Order(30)
    void on(CustomerEvents.CustomersGenerated generated) {
        SystemUser.call(loyalty::recomputeAll);
    }

    /** Orders imported in bulk: every stage again, once (a set-based run), not one update per imported order. */
    // after commit, off the import's thread, and outside any transaction: the run manages its own
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.OrdersImported imported) {
        SystemUser.call(loyalty::recomputeAll);
    }

    /** Answers imported in bulk (a promoter's score can make an advocate): every stage again, once. */
    @Async
    @TransactionalEventListener
    void on(FeedbackEvents.FeedbackImported imported) {
        SystemUser.call(loyalty::recomputeAll);
    }

    /** Referrals imported in bulk (a referral can make an advocate): every stage again, once. */
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.ReferralsImported imported) {
        SystemUser.call(loyalty::recomputeAll);
    }

    /** Customers imported in bulk: their first stages (and changed ones) in one run. */
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.CustomersImported imported) {
        SystemUser.call(loyalty::recomputeAll);
    }

    /**
     * Updates of customers in the same funnel cell can collide; the loser of a deadlock simply tries again.
     * The listeners run without a transaction of their own (NOT_SUPPORTED): the update opens its own, and a listener
     * transaction around it would hold a first connection while the update takes a second (issue 30).
     */
    private void update(long customerId) {
        LockConflicts.retry(3, () -> SystemUser.run(() -> loyalty.update(customerId)));
    }

    /** New value tiers (a full value run): the funnel's cells per tier follow. */
    @EventListener
    void on(CustomerSegments.SegmentsRecomputed recomputed) {
        LockConflicts.retry(3, () -> SystemUser.run(loyalty::refreshSegmentCells));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerEvents.CustomerRegistered registered) {
        update(registered.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerEvents.OrderPlaced placed) {
        update(placed.customerId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(FeedbackEvents.FeedbackReceived received) {
        if (received.kind() == FeedbackKind.NPS && received.customerId() != null) {
            update(received.customerId());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerEvents.CustomerReferred referred) {
        update(referred.referrerId());
    }
}

/**
 * The nightly full recompute (time alone moves customers: overdue, lapsed), on one node; when it has run, it says so
 * ({@link LoyaltyEvents.NightlyRecomputeEnded}) and the value module's nightly run follows on that node.
 */
@Component
@ConditionalOnProperty(name = "escalera.loyalty.nightly-recompute", havingValue = "true", matchIfMissing = true)
class NightlyLadderRecompute {

    private static final Logger log = LoggerFactory.getLogger(NightlyLadderRecompute.class);

    private final LoyaltyService loyalty;
    private final LongJobs longJobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NightlyLadderRecompute(LoyaltyService loyalty, LongJobs longJobs, ApplicationEventPublisher events, Clock clock) {
        this.loyalty = loyalty;
        this.longJobs = longJobs;
        this.events = events;
        this.clock = clock;
    }

    /** Minutes at scale: on the long-job executor, so that no scheduler thread waits for it. */
    @Scheduled(cron = "${escalera.loyalty.recompute-cron:0 10 2 * * *}")
    void recompute() {
        // the recompute takes the cluster job lock itself (whatever starts it); a run already going elsewhere is skipped
        longJobs.handOff(() -> {
            int changed = SystemUser.call(loyalty::recomputeAllUnlessRunning);
            if (changed >= 0) {
                log.info("Ladder recomputed: {} customer(s) changed stage", changed);
                events.publishEvent(new LoyaltyEvents.NightlyRecomputeEnded(clock.instant(), changed));
            }
        });
    }
}
