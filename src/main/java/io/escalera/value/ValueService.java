package io.escalera.value;

import io.escalera.customer.CustomerSegments;
import io.escalera.customer.CustomerService;
import io.escalera.interaction.InteractionService;
import io.escalera.loyalty.LadderRules;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.ClusterJobs;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.Settings;
import io.escalera.value.internal.CustomerValueTable;
import io.escalera.value.internal.MarketValueStore;
import io.escalera.value.internal.RiskBackTest;
import io.escalera.value.internal.ValueInputs;
import io.escalera.value.internal.ValueQueries;
import io.escalera.value.internal.ValueRecomputeRun;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Customer value and early warning: the rules (settings), one customer's value for the 360, the value × satisfaction
 * matrix, the at-risk worklist, the back-test, market value entry, and the recomputes (full and per customer).
 */
@Service
public class ValueService {

    static final String PREFIX = "value.";

    private final ValueRecomputeRun fullRun;
    private final CustomerValueTable table;
    private final RiskBackTest riskBackTest;
    private final ValueQueries queries;
    private final MarketValueStore market;
    private final CustomerService customers;
    private final InteractionService interactions;
    private final LoyaltyService loyalty;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final Settings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final ClusterJobs jobs;

    ValueService(ValueRecomputeRun fullRun, CustomerValueTable table, RiskBackTest riskBackTest, ValueQueries queries, MarketValueStore market, CustomerService customers,
                 InteractionService interactions, LoyaltyService loyalty, UnitScopes scopes, SignedInUsers signedIn,
                 Settings settings, Clock clock, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, ClusterJobs jobs) {
        this.events = events;
        this.jobs = jobs;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.fullRun = fullRun;
        this.table = table;
        this.riskBackTest = riskBackTest;
        this.queries = queries;
        this.market = market;
        this.customers = customers;
        this.interactions = interactions;
        this.loyalty = loyalty;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.settings = settings;
        this.clock = clock;
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public ValueRules rules() {
        ValueRules d = ValueRules.defaults();
        // thirteen keys, read with one query: the rules are read on every event
        Settings stored = settings.snapshot(PREFIX);
        return new ValueRules(new BigDecimal(stored.get(PREFIX + "margin-rate", d.marginRate().toPlainString())),
                new BigDecimal(stored.get(PREFIX + "discount-rate", d.discountRate().toPlainString())),
                stored.getInt(PREFIX + "horizon-years", d.horizonYears()), stored.getInt(PREFIX + "max-age", d.maxAge()),
                stored.getInt(PREFIX + "risk-threshold", d.riskThreshold()), stored.getInt(PREFIX + "silence-days", d.silenceDays()),
                stored.getInt(PREFIX + "weight.overdue", d.overdueWeight()), stored.getInt(PREFIX + "weight.frequency", d.frequencyWeight()),
                stored.getInt(PREFIX + "weight.spend", d.spendWeight()), stored.getInt(PREFIX + "weight.low-score", d.lowScoreWeight()),
                stored.getInt(PREFIX + "weight.past-sla", d.pastSlaWeight()), stored.getInt(PREFIX + "weight.silence", d.silenceWeight()),
                stored.getInt(PREFIX + "weight.unanswered", d.unansweredWeight()));
    }

    /** Saves new rules (validated) and recomputes every customer with them. */
    @RolesAllowed("ADMIN")
    public void saveRules(ValueRules rules) {
        validate(rules);
        settings.put(PREFIX + "margin-rate", rules.marginRate().toPlainString());
        settings.put(PREFIX + "discount-rate", rules.discountRate().toPlainString());
        settings.put(PREFIX + "horizon-years", String.valueOf(rules.horizonYears()));
        settings.put(PREFIX + "max-age", String.valueOf(rules.maxAge()));
        settings.put(PREFIX + "risk-threshold", String.valueOf(rules.riskThreshold()));
        settings.put(PREFIX + "silence-days", String.valueOf(rules.silenceDays()));
        settings.put(PREFIX + "weight.overdue", String.valueOf(rules.overdueWeight()));
        settings.put(PREFIX + "weight.frequency", String.valueOf(rules.frequencyWeight()));
        settings.put(PREFIX + "weight.spend", String.valueOf(rules.spendWeight()));
        settings.put(PREFIX + "weight.low-score", String.valueOf(rules.lowScoreWeight()));
        settings.put(PREFIX + "weight.past-sla", String.valueOf(rules.pastSlaWeight()));
        settings.put(PREFIX + "weight.silence", String.valueOf(rules.silenceWeight()));
        settings.put(PREFIX + "weight.unanswered", String.valueOf(rules.unansweredWeight()));
        recompute();
    }

    /** Checks rules without saving them (the rules screen, before it starts the long save). */
    @RolesAllowed("ADMIN")
    public void checkRules(ValueRules rules) {
        validate(rules);
    }

    static void validate(ValueRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (!between(rules.marginRate(), "0", "1")) errors.add(new FieldError("marginRate", "value-rules.rate"));
        if (!between(rules.discountRate(), "0", "1")) errors.add(new FieldError("discountRate", "value-rules.rate"));
        if (rules.horizonYears() < 1 || rules.horizonYears() > 50) errors.add(new FieldError("horizonYears", "value-rules.range"));
        if (rules.maxAge() < 18 || rules.maxAge() > 120) errors.add(new FieldError("maxAge", "value-rules.range"));
        if (rules.riskThreshold() < 1 || rules.riskThreshold() > 100) errors.add(new FieldError("riskThreshold", "value-rules.range"));
        if (rules.silenceDays() < 1 || rules.silenceDays() > 365) errors.add(new FieldError("silenceDays", "value-rules.range"));
        int[] weights = {rules.overdueWeight(), rules.frequencyWeight(), rules.spendWeight(), rules.lowScoreWeight(),
                rules.pastSlaWeight(), rules.silenceWeight(), rules.unansweredWeight()};
        if (Arrays.stream(weights).anyMatch(w -> w < 0 || w > 100) || rules.totalWeight() == 0) {
            errors.add(new FieldError("overdueWeight", "value-rules.weights"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private static boolean between(BigDecimal value, String low, String high) {
        return value != null && value.compareTo(new BigDecimal(low)) >= 0 && value.compareTo(new BigDecimal(high)) <= 0;
    }

    /** Every customer's value, tier, RFM and risk (on demand, after a data set is generated or imported). */
    @RolesAllowed({"MANAGER", "ADMIN"})
    public void recomputeAll() {
        recompute();
    }

    /** The nightly run: skipped when a full run is going on (on any node), which computes the same. */
    @RolesAllowed("ADMIN")
    public void recomputeAllUnlessRunning() {
        jobs.runAlone(ValueRecomputeRun.FULL_RUN, ValueRecomputeRun.FULL_RUN_AT_MOST, this::recomputeHoldingTheLock);
    }

    /**
     * Full runs one at a time across the nodes, whatever started them (cluster job lock {@link ValueRecomputeRun#FULL_RUN}):
     * two at once would each swap in its table while the other still reads the one it replaced. A run asked for while
     * another goes on waits for it to end, then runs — unless a run that started after it was asked for has completed
     * meanwhile (several imports during one run make one more run, not one each). The rules are read when the run
     * starts, so a rule change saved before it is in.
     */
    private void recompute() {
        jobs.runQueued(ValueRecomputeRun.FULL_RUN, ValueRecomputeRun.FULL_RUN_AT_MOST, ValueRecomputeRun.FULL_RUN_MAX_WAIT, true,
                this::recomputeHoldingTheLock);
    }

    private void recomputeHoldingTheLock() {
        ValueInputs inputs = inputs(rules());
        Set<Long> missed = fullRun.recomputeAll(inputs, today(), clock.instant());
        // events that arrived while the run computed were applied to the table it replaced: each again, in a
        // transaction of its own as update() has
        missed.forEach(id -> ownTransaction.executeWithoutResult(status -> table.update(id, inputs, today(), clock.instant())));
        events.publishEvent(new CustomerSegments.SegmentsRecomputed(clock.instant()));
    }

    /**
     * One customer, now (after an order, an answer, a case, a contact), in a transaction of its own so that a caller
     * can try again after losing a lock conflict. @return false before the first full run
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.REQUIRES_NEW,
            isolation = Isolation.READ_COMMITTED)
    public boolean update(long customerId) {
        return table.update(customerId, inputs(rules()), today(), clock.instant());
    }

    private ValueInputs inputs(ValueRules rules) {
        LadderRules ladder = loyalty.rules();
        return new ValueInputs(rules, interactions.costPerMinute(), ladder.customerPurchases(), ladder.clientPurchases());
    }

    /** The customer's value as last computed (empty before the first run); a customer the user may not see is not found. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<CustomerValue> of(long customerId) {
        customers.get(customerId);
        return table.find(customerId);
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<MarketValue> marketValue(long customerId) {
        customers.get(customerId);
        return market.find(customerId);
    }

    /** Saves staff's market value estimate; a concurrent save by someone else is refused, not overwritten. */
    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional
    public MarketValue saveMarketValue(long customerId, MarketValueForm form) {
        customers.forAction(customerId);
        List<FieldError> errors = new ArrayList<>();
        if (form.getShareOfWallet() != null && (form.getShareOfWallet() < 0 || form.getShareOfWallet() > 100)) {
            errors.add(new FieldError("shareOfWallet", "value.market.share-range"));
        }
        if (form.getCompetitivePressure() != null && (form.getCompetitivePressure() < 1 || form.getCompetitivePressure() > 5)) {
            errors.add(new FieldError("competitivePressure", "value.market.pressure-range"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        String by = signedIn.require().displayName();
        if (!market.save(customerId, form.getShareOfWallet(), form.getCompetitivePressure(), form.getVersion(), by, clock.instant())) {
            throw new ConcurrentEditException("market value", customerId,
                    market.find(customerId).map(MarketValue::updatedByName).orElse("?"));
        }
        return market.find(customerId).orElseThrow();
    }

    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public ValueMatrix matrix(Long unitId, boolean allUnits) {
        return queries.matrix(scopes.unitsForList(unitId, allUnits));
    }

    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<ValuedCustomer> matrixCell(ValueTier tier, NpsBand band, Long unitId, boolean allUnits, long offset, int limit) {
        return queries.cell(tier, band, scopes.unitsForList(unitId, allUnits), offset, limit);
    }

    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<ValuedCustomer> rfmSegment(RfmSegment segment, Long unitId, boolean allUnits, long offset, int limit) {
        return queries.segment(segment, scopes.unitsForList(unitId, allUnits), offset, limit);
    }

    /** Mean economic and strategic value of the buying customers, and how many of them are silent decliners. */
    public record Averages(double economic, double strategic, long silentDecliners) {
    }

    /** Mean values of the buying customers of the units (as the lists scope them); empty when there is none. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Averages> averages(Long unitId, boolean allUnits) {
        return averages(unitId, allUnits, null);
    }

    /** The same over one tier's customers (null: every tier). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Averages> averages(Long unitId, boolean allUnits, ValueTier tier) {
        return queries.averages(scopes.unitsForList(unitId, allUnits), tier);
    }

    /** The at-risk worklist by risk × value; {@code silentOnly}: the silent decliners (no complaint, no low score). */
    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public List<ValuedCustomer> atRisk(boolean silentOnly, Long unitId, boolean allUnits, long offset, int limit) {
        return queries.atRisk(silentOnly, scopes.unitsForList(unitId, allUnits), offset, limit);
    }

    /**
     * The customers behind the executive board's value numbers: the buying customers of the units (of one tier, or
     * every tier) most valuable first, or only the silent decliners by risk × value.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<ValuedCustomer> valued(boolean silentOnly, Long unitId, boolean allUnits, ValueTier tier, long offset, int limit) {
        return queries.valued(silentOnly, scopes.unitsForList(unitId, allUnits), tier, offset, limit);
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public long countAtRisk(boolean silentOnly, Long unitId, boolean allUnits) {
        return queries.countAtRisk(silentOnly, scopes.unitsForList(unitId, allUnits));
    }

    /** The risk rule checked against history for {@code months} back, over the customers of the user's home units. */
    @RolesAllowed({"MANAGER", "ADMIN"})
    public BackTest backTest(int months) {
        if (months < 1 || months > 24) {
            throw new FieldErrorsException(List.of(new FieldError("months", "value-rules.range")));
        }
        return riskBackTest.backTest(months, today(), rules(), scopes.visibleUnits().orElse(null));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
