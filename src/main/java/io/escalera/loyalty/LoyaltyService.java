package io.escalera.loyalty;

import io.escalera.customer.CustomerService;
import io.escalera.loyalty.internal.LadderStore;
import io.escalera.shared.ClusterJobs;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ladder stages: the rules (settings), a customer's stage, the incremental update and the full recompute. */
@Service
public class LoyaltyService {

    static final String WINDOW_DAYS = "loyalty.window-days";
    static final String CUSTOMER_PURCHASES = "loyalty.customer-purchases";
    static final String CLIENT_PURCHASES = "loyalty.client-purchases";
    static final String OVERDUE_FACTOR = "loyalty.overdue-factor";
    static final String PROMOTER_SCORE = "loyalty.promoter-score";
    static final String REFERRAL_WINDOW_DAYS = "loyalty.referral-window-days";

    private final LadderStore store;
    private final CustomerService customers;
    private final Settings settings;
    private final Clock clock;
    private final ClusterJobs jobs;
    /** A full run's own transaction, read committed (its INSERT … SELECTs then read without locking what they read). */
    private final TransactionTemplate fullRun;
    private final TransactionTemplate saving;

    /** The cluster job lock every full run takes, whatever started it (nightly, an import, a rule change). */
    static final String FULL_RUN = "loyalty.full-recompute";
    private static final Duration FULL_RUN_AT_MOST = Duration.ofHours(6);
    private static final Duration FULL_RUN_MAX_WAIT = Duration.ofHours(1);

    LoyaltyService(LadderStore store, CustomerService customers, Settings settings, Clock clock,
                   ClusterJobs jobs, PlatformTransactionManager transactions) {
        this.store = store;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
        this.jobs = jobs;
        this.fullRun = new TransactionTemplate(transactions);
        fullRun.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.saving = new TransactionTemplate(transactions);
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public LadderRules rules() {
        LadderRules defaults = LadderRules.defaults();
        // one query for the group: the rules are read on every event
        Settings stored = settings.snapshot("loyalty.");
        return new LadderRules(stored.getInt(WINDOW_DAYS, defaults.windowDays()),
                stored.getInt(CUSTOMER_PURCHASES, defaults.customerPurchases()),
                stored.getInt(CLIENT_PURCHASES, defaults.clientPurchases()),
                new BigDecimal(stored.get(OVERDUE_FACTOR, defaults.overdueFactor().toPlainString())),
                stored.getInt(PROMOTER_SCORE, defaults.promoterScore()),
                stored.getInt(REFERRAL_WINDOW_DAYS, defaults.referralWindowDays()));
    }

    /**
     * How many customers the rules would move, from which stage to which ("CUSTOMER>CLIENT"), before saving them;
     * nothing changes.
     */
    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Map<String, Long> preview(LadderRules rules) {
        validate(rules);
        return store.preview(rules, today());
    }

    /**
     * Saves new rules (validated; committed first) and recomputes every stage with them, after a full run going on
     * ends. @return how many customers changed stage
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int saveRules(LadderRules rules) {
        validate(rules);
        saving.executeWithoutResult(status -> {
            settings.put(WINDOW_DAYS, String.valueOf(rules.windowDays()));
            settings.put(CUSTOMER_PURCHASES, String.valueOf(rules.customerPurchases()));
            settings.put(CLIENT_PURCHASES, String.valueOf(rules.clientPurchases()));
            settings.put(OVERDUE_FACTOR, rules.overdueFactor().toPlainString());
            settings.put(PROMOTER_SCORE, String.valueOf(rules.promoterScore()));
            settings.put(REFERRAL_WINDOW_DAYS, String.valueOf(rules.referralWindowDays()));
        });
        // not coalesced: the screen shows how many customers this save moved
        return fullRunQueued(false);
    }

    private static void validate(LadderRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (rules.windowDays() < 30 || rules.windowDays() > 3650) errors.add(new FieldError("windowDays", "ladder-rules.range"));
        if (rules.customerPurchases() < 2 || rules.customerPurchases() > 100) errors.add(new FieldError("customerPurchases", "ladder-rules.range"));
        if (rules.clientPurchases() <= rules.customerPurchases() || rules.clientPurchases() > 1000) errors.add(new FieldError("clientPurchases", "ladder-rules.client-above-customer"));
        if (rules.overdueFactor() == null || rules.overdueFactor().compareTo(BigDecimal.ONE) < 0 || rules.overdueFactor().compareTo(BigDecimal.TEN) > 0) errors.add(new FieldError("overdueFactor", "ladder-rules.range"));
        if (rules.promoterScore() < 0 || rules.promoterScore() > 10) errors.add(new FieldError("promoterScore", "ladder-rules.range"));
        if (rules.referralWindowDays() < 1 || rules.referralWindowDays() > 3650) errors.add(new FieldError("referralWindowDays", "ladder-rules.range"));
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    /** The customer's current stage, if computed yet. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Stage> stageOf(long customerId) {
        customers.get(customerId);
        return store.current(customerId);
    }

    /**
     * Recomputes one customer's stage now (after an order, an answer or a referral), in a transaction of its own so that
     * a caller can try again after losing a lock conflict on the funnel cells. @return whether it changed
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean update(long customerId) {
        LocalDate day = today();
        store.lock(customerId);
        LadderRules rules = rules();
        LadderStore.Facts facts = store.facts(customerId, day, rules);
        return store.apply(customerId, LadderEngine.decide(facts.orderDates(), facts.latestNps(), facts.lastReferralOn(), day, rules),
                facts, rules, day, now());
    }

    /**
     * Every customer's stage, set-based (after an import or a generated data set). Full runs take the cluster job lock
     * {@value #FULL_RUN} whatever started them: one asked for while another goes on (on any node) waits for it to
     * end, then runs — unless a run that started after it was asked for has completed meanwhile, which did its work.
     * @return how many changed (0 when a later run did the work)
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int recomputeAll() {
        return fullRunQueued(true);
    }

    /** The nightly run: skipped when a full run is going on (on any node), which computes the same. @return changed, or -1 when skipped */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int recomputeAllUnlessRunning() {
        int[] changed = {-1};
        jobs.runAlone(FULL_RUN, FULL_RUN_AT_MOST, () -> changed[0] = fullRunHoldingTheLock());
        return changed[0];
    }

    private int fullRunQueued(boolean coalesce) {
        int[] changed = {0};
        jobs.runQueued(FULL_RUN, FULL_RUN_AT_MOST, FULL_RUN_MAX_WAIT, coalesce, () -> changed[0] = fullRunHoldingTheLock());
        return changed[0];
    }

    /** Rules read when the run starts (a change saved before is in), in one read-committed transaction. */
    private int fullRunHoldingTheLock() {
        Integer changed = fullRun.execute(status -> store.recomputeAll(rules(), today(), now()));
        return changed == null ? 0 : changed;
    }

    /**
     * Takes the value tiers of the value module's last full run for the funnel's counted cells per tier (after each
     * full value run), in one transaction: the funnel of a tier sees the old tiers or the new, never a mix.
     */
    @RolesAllowed("ADMIN")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void refreshSegmentCells() {
        store.refreshSegmentCells();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant();
    }
}
