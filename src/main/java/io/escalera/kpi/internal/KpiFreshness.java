package io.escalera.kpi.internal;

import io.escalera.complaint.ComplaintEvents;
import io.escalera.customer.CustomerEvents;
import io.escalera.customer.CustomerSegments;
import io.escalera.feedback.FeedbackEvents;
import io.escalera.interaction.InteractionEvents;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.security.SystemUser;
import io.escalera.shared.LongJobs;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the daily facts fresh: an event marks its day (in memory, once its transaction commits), and every few seconds the marked days are
 * rebuilt from the base tables — a day's rows, not the whole history; today is also rebuilt every few minutes for
 * what has no event (first responses), and every day every night.
 */
@Component
class KpiFreshness {

    private static final Logger log = LoggerFactory.getLogger(KpiFreshness.class);

    private final KpiRebuilds kpis;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Set<LocalDate> dirty = new ConcurrentSkipListSet<>();

    KpiFreshness(KpiRebuilds kpis, Clock clock, JdbcClient jdbc) {
        this.kpis = kpis;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    private void mark(Instant at) {
        markAfterCommit(LocalDate.ofInstant(at, clock.getZone()));
    }

    /**
     * Marks a day once the publishing transaction commits — in memory only. A plain listener, not an after-commit
     * one: an after-commit listener is tracked by the event registry, which marks it completed in a new transaction,
     * a second connection taken while the request still holds its own (the survey page's collapse of issue 30).
     * What must be looked up is read here, inside the transaction, on its connection.
     */
    private void markAfterCommit(LocalDate day) {
        // as an after-commit listener did: nothing for an event published outside a transaction
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dirty.add(day);
                }
            });
        }
    }

    @EventListener
    void on(CustomerEvents.OrderPlaced placed) {
        markAfterCommit(placed.orderDate());
    }

    @EventListener
    void on(CustomerEvents.OrderDelivered delivered) {
        orderDay(delivered.orderId());
    }

    @EventListener
    void on(CustomerEvents.OrderReturned returned) {
        orderDay(returned.orderId());
    }

    private void orderDay(long orderId) {
        jdbc.sql("SELECT order_date FROM customer_order WHERE id = ?").param(orderId).query(Date.class).optional()
                .ifPresent(d -> markAfterCommit(d.toLocalDate()));
    }

    @EventListener
    void on(FeedbackEvents.FeedbackReceived received) {
        mark(received.answeredAt());
    }

    /** A closed loop changes the closure rate of the day its follow-up was opened. */
    @EventListener
    void on(FeedbackEvents.FollowUpClosed closed) {
        mark(closed.openedAt());
    }

    @EventListener
    void on(ComplaintEvents.ComplaintOpened opened) {
        mark(opened.openedAt());
    }

    @EventListener
    void on(ComplaintEvents.ComplaintResolved resolved) {
        mark(resolved.resolvedAt());
    }

    @EventListener
    void on(ComplaintEvents.CompensationGranted granted) {
        mark(granted.grantedAt());
    }

    @EventListener
    void on(InteractionEvents.InteractionLogged logged) {
        mark(logged.at());
    }

    /** A generated data set: every day at once, after the other modules' generators. */
    @EventListener
    @Order(40)
    void on(CustomerEvents.CustomersGenerated generated) {
        int rows = SystemUser.call(kpis::rebuild);
        log.info("KPI facts rebuilt after generated data: {} rows", rows);
    }

    /** Orders imported in bulk: the facts of the days they touch, rebuilt once. */
    // after commit, off the import's thread, and outside any transaction: the run manages its own
    @Async
    @TransactionalEventListener
    void on(CustomerEvents.OrdersImported imported) {
        rebuildImported("orders", imported.from(), imported.to());
    }

    /** Contacts imported in bulk: the facts of the days they touch (first-contact resolution), rebuilt once. */
    @Async
    @TransactionalEventListener
    void on(InteractionEvents.InteractionsImported imported) {
        rebuildImported("contacts", imported.from(), imported.to());
    }

    /** Answers imported in bulk: the facts of the days they touch, rebuilt once. */
    @Async
    @TransactionalEventListener
    void on(FeedbackEvents.FeedbackImported imported) {
        rebuildImported("answers", imported.from(), imported.to());
    }

    private void rebuildImported(String what, LocalDate from, LocalDate to) {
        if (from != null) {
            int rows = SystemUser.call(() -> kpis.rebuild(from, to));
            log.info("KPI facts of {} to {} rebuilt after an import of {}: {} rows", from, to, what, rows);
        }
    }

    /** Rebuilds of the tiered facts, one after the other, off the thread of the value run that asked for them. */
    private final ExecutorService tierRebuilds = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kpi-tier-facts").daemon().factory());

    /**
     * New tiers from a full value run: the tiered facts follow, every day of them — minutes at a million customers,
     * so in the background (the value run and its progress bar do not wait); boards by tier show the old tiers until
     * it commits.
     */
    @EventListener
    void on(CustomerSegments.SegmentsRecomputed recomputed) {
        tierRebuilds.execute(() -> {
            try {
                long start = System.nanoTime();
                int rows = SystemUser.call(kpis::rebuildTiered);
                log.info("KPI facts per value tier rebuilt: {} rows in {} s", rows, (System.nanoTime() - start) / 1_000_000_000);
            } catch (RuntimeException e) {
                log.warn("KPI facts per value tier not rebuilt (the next value run will try again): {}", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        // queued and running work may go on for up to 1 s and end its transaction before the pool closes (this bean
        // uses the pool, so it is destroyed first); what is left then is interrupted and recomputed when needed
        tierRebuilds.shutdown();
        try {
            if (!tierRebuilds.awaitTermination(1, TimeUnit.SECONDS)) {
                tierRebuilds.shutdownNow();
            }
        } catch (InterruptedException e) {
            tierRebuilds.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Rebuilds the days marked since the last run. */
    public void flush() {
        while (!dirty.isEmpty()) {
            LocalDate day = ((ConcurrentSkipListSet<LocalDate>) dirty).pollFirst();
            if (day != null) {
                try {
                    SystemUser.call(() -> kpis.rebuild(day, day));
                } catch (RuntimeException e) {
                    // kept for the next run (a lock timeout, the database restarting); the nightly rebuild is the backstop
                    dirty.add(day);
                    log.warn("KPI facts of {} not refreshed, will retry: {}", day, e.getMessage());
                    return;
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${escalera.kpi.refresh-delay:10s}")
    void refreshMarkedDays() {
        flush();
    }

    @Scheduled(fixedDelayString = "${escalera.kpi.today-refresh:5m}")
    void refreshToday() {
        dirty.add(LocalDate.now(clock));
        flush();
    }
}

/** Every night, every day's facts are rebuilt from the base tables (edits without events, SLA moves), on one node. */
@Component
@ConditionalOnProperty(name = "escalera.kpi.nightly-rebuild", havingValue = "true", matchIfMissing = true)
class NightlyKpiRebuild {

    private static final Logger log = LoggerFactory.getLogger(NightlyKpiRebuild.class);

    private final KpiRebuilds kpis;
    private final LongJobs longJobs;

    NightlyKpiRebuild(KpiRebuilds kpis, LongJobs longJobs) {
        this.kpis = kpis;
        this.longJobs = longJobs;
    }

    /** Minutes at scale: on the long-job executor, so that no scheduler thread waits for it. */
    @Scheduled(cron = "${escalera.kpi.rebuild-cron:0 40 2 * * *}")
    void rebuild() {
        // the rebuild takes the cluster job lock itself (whatever starts it); a run already going elsewhere is skipped
        longJobs.handOff(() -> {
            long start = System.nanoTime();
            int rows = SystemUser.call(kpis::rebuildUnlessRunning);
            if (rows >= 0) {
                log.info("KPI facts rebuilt: {} rows in {} s", rows, (System.nanoTime() - start) / 1_000_000_000);
            }
        });
    }
}
