package io.escalera.value;

import io.escalera.complaint.CompensationForm;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintService;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.ReasonService;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.kpi.KpiRecord;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.KpiTile;
import io.escalera.kpi.internal.KpiFacts;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.loyalty.internal.LadderReportQueries;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestAnswers;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import io.escalera.value.RiskReason.Kind;
import io.escalera.value.internal.RiskBackTest;
import io.escalera.value.internal.ValueCalculator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Value, tiers, RFM and risk on a hand-made store (T = today; margin 30 %, 0.50 per interaction minute):
 * <pre>
 * PAT     T-10: 1000 gross, 100 discount, cost 700, 150 returned; T-40: 500, no cost (estimated 350);
 *         a case with 50 compensation; a 20-minute call (10)  → economic 1400 − 1050 − 150 − 50 − 10 = 140
 * QUINN   T-20: 60,000 gross, cost 10,000; NPS 3 today       → tier A, detractor: the matrix corner
 * RUTH    T-250, T-230, T-210, T-190: 100 each               → overdue 9.5× (gap 20, 190 days), nothing in the last
 *         6 months against 4 before: 30 + 15 + 15 = 60      → at risk, silent (no complaint, no low score)
 * SAM     as RUTH, and NPS 2 today                           → at risk (75), not silent
 * PEG     no order                                           → no tier, no RFM, no risk
 * </pre>
 */
@EscaleraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueServiceTest {

    @Autowired ValueService values;
    @Autowired RiskBackTest riskBackTest;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestComplaints testComplaints;
    @Autowired ComplaintService complaints;
    @Autowired CompensationService compensations;
    @Autowired TestAnswers answers;
    @Autowired InteractionService interactions;
    @Autowired ReasonService reasons;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired KpiService kpis;
    @Autowired KpiRebuilds rebuilds;
    @Autowired KpiDrillDowns drillDowns;
    @Autowired KpiFacts facts;
    @Autowired LadderReportQueries ladderQueries;
    @Autowired CustomerService customers;
    @Autowired LadderReports ladder;

    private UserAccount manager;
    private LocalDate today;
    private CustomerDetails pat, quinn, ruth, sam, peg;

    @BeforeAll
    void handMadeStore() throws Exception {
        today = LocalDate.now(clock);
        manager = testUsers.newUser(Role.MANAGER);
        long unit = manager.unitId();
        pat = testCustomers.newCustomer(unit);
        quinn = testCustomers.newCustomer(unit);
        ruth = testCustomers.newCustomer(unit);
        sam = testCustomers.newCustomer(unit);
        peg = testCustomers.newCustomer(unit);
        testCustomers.newOrder(pat, today.minusDays(10), "1000", "100", "700", "150");
        testCustomers.newOrder(pat, today.minusDays(40), "500", "0", null, "0");
        testCustomers.newOrder(quinn, today.minusDays(20), "60000", "0", "10000", "0");
        for (int days : new int[]{250, 230, 210, 190}) {
            testCustomers.newOrder(ruth, today.minusDays(days), "100");
            testCustomers.newOrder(sam, today.minusDays(days), "100");
        }
        // elsewhere: a customer who bought in the year before and again this year, so that retention is observed
        CustomerDetails returning = testCustomers.newCustomer(testUsers.newUser(Role.MANAGER).unitId());
        testCustomers.newOrder(returning, today.minusDays(500), "80");
        testCustomers.newOrder(returning, today.minusDays(100), "80");
        ComplaintDetails patsCase = testComplaints.openFor(pat);
        testUsers.signIn(manager);
        CompensationForm compensation = new CompensationForm();
        compensation.setType(CompensationType.VOUCHER);
        compensation.setAmount(new BigDecimal("50"));
        compensation.setReason("late delivery");
        compensations.grantCompensation(patsCase.id(), compensation);
        InteractionForm call = new InteractionForm();
        call.setCustomerId(pat.id());
        call.setReasonId(reasons.active().getFirst().id());
        call.setSummary("asked about the voucher");
        call.setMinutes(20);
        interactions.log(call);
        answers.nps(quinn, 3);
        answers.nps(sam, 2);
        SecurityContextHolder.clearContext();
        awaitListeners();
        SystemUser.run(values::recomputeAll);
    }

    private void awaitListeners() throws InterruptedException {
        AfterCommitListeners.await(jdbc, "io.escalera.value.internal.ValueTriggers");
    }

    private CustomerValue valueOf(CustomerDetails customer) {
        return SystemUser.call(() -> values.of(customer.id())).orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void economicValueShowsEveryPartWithTheMissingCostEstimatedFromTheBriefsDefaultMarginOf40Percent() {
        CustomerValue v = valueOf(pat);
        assertThat(v.netSales()).isEqualByComparingTo("1400");
        // 700 recorded + the order of 500 without a cost: (1 − 0.40) × 500 = 300
        assertThat(v.costEstimated()).isEqualByComparingTo("300");
        assertThat(v.costOfGoods()).isEqualByComparingTo("1000");
        assertThat(v.returns()).isEqualByComparingTo("150");
        assertThat(v.compensation()).isEqualByComparingTo("50");
        assertThat(v.costToServe()).isEqualByComparingTo("10");
        // 1400 − 1000 − 150 − 50 − 10
        assertThat(v.economicValue()).isEqualByComparingTo("190");
        // the last 12 months' margin: 900 − 700 − 150 + 500 × 0.40 = 250
        assertThat(v.yearlyMargin()).isEqualByComparingTo("250");
    }

    @Test
    void strategicValueIsTheDiscountedRetainedMarginOverTheHorizon() {
        CustomerValue v = valueOf(quinn);
        assertThat(v.yearlyMargin()).isEqualByComparingTo("50000");
        assertThat(v.horizonYears()).isEqualTo(10);
        assertThat(v.retention().doubleValue()).as("a shopper's observed retention").isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(v.strategicValue()).isEqualByComparingTo(
                ValueCalculator.strategic(v.yearlyMargin(), v.retention().doubleValue(), 0.10, 10));
        assertThat(v.totalValue()).isEqualByComparingTo(v.economicValue().add(v.strategicValue()));
    }

    @Test
    void aBigDetractorIsInTheHighValueDetractorCornerOfTheMatrix() {
        CustomerValue v = valueOf(quinn);
        assertThat(v.tier()).isEqualTo(ValueTier.A);
        assertThat(v.npsBand()).isEqualTo(NpsBand.DETRACTOR);
        // tiers are relative to every buyer in the database, so who else of the store is in the corner depends on it
        List<Long> corner = Stream.of(pat, quinn, ruth, sam).map(this::valueOf)
                .filter(c -> c.tier() == ValueTier.A && c.npsBand() == NpsBand.DETRACTOR).map(CustomerValue::customerId).toList();
        assertThat(corner).contains(quinn.id());
        testUsers.signIn(manager);
        ValueMatrix matrix = values.matrix(null, false);
        assertThat(matrix.count(ValueTier.A, NpsBand.DETRACTOR)).isEqualTo(corner.size());
        assertThat(values.matrixCell(ValueTier.A, NpsBand.DETRACTOR, null, false, 0, 50))
                .extracting(ValuedCustomer::customerId).containsExactlyInAnyOrderElementsOf(corner);
        // four buyers in the unit; the prospect has no tier
        assertThat(matrix.cells().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThat(valueOf(peg).tier()).isNull();
        assertThat(valueOf(peg).rfmSegment()).isNull();
        assertThat(valueOf(peg).riskScore()).isNull();
    }

    @Test
    void tiersAndRfmScoresAreTheShareOfBuyersBelowThemAcrossTheWholeDatabase() {
        // the definition, counted independently: score = 1 + ⌊5 × (buyers with a smaller value) / buyers⌋
        long buyers = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier IS NOT NULL").query(Long.class).single();
        for (CustomerDetails customer : new CustomerDetails[]{pat, quinn, ruth}) {
            CustomerValue v = valueOf(customer);
            long fewer = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier IS NOT NULL AND frequency < ?")
                    .param(v.frequency()).query(Long.class).single();
            assertThat(v.frequencyScore()).as("F of %s", customer.name()).isEqualTo((int) (1 + 5 * fewer / buyers));
            long lessSpend = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier IS NOT NULL AND monetary < ?")
                    .param(v.monetary()).query(Long.class).single();
            assertThat(v.monetaryScore()).as("M of %s", customer.name()).isEqualTo((int) (1 + 5 * lessSpend / buyers));
            long longerAgo = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier IS NOT NULL AND recency_days > ?")
                    .param(v.recencyDays()).query(Long.class).single();
            assertThat(v.recencyScore()).as("R of %s", customer.name()).isEqualTo((int) (1 + 5 * longerAgo / buyers));
            long worthMore = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier IS NOT NULL AND total_value > ?")
                    .param(v.totalValue()).query(Long.class).single();
            ValueTier expected = 5 * worthMore < buyers ? ValueTier.A : 2 * worthMore < buyers ? ValueTier.B : ValueTier.C;
            assertThat(v.tier()).as("tier of %s", customer.name()).isEqualTo(expected);
            assertThat(v.rfmSegment()).isEqualTo(RfmSegment.of(v.recencyScore(), v.frequencyScore(), v.monetaryScore()));
        }
        // equal histories, equal scores
        CustomerValue r = valueOf(ruth);
        CustomerValue s = valueOf(sam);
        assertThat(new int[]{s.recencyScore(), s.frequencyScore(), s.monetaryScore()})
                .containsExactly(r.recencyScore(), r.frequencyScore(), r.monetaryScore());
    }

    @Test
    void aQuietlyLeavingCustomerIsASilentDeclinerWithTheReasonsInWords() {
        CustomerValue r = valueOf(ruth);
        assertThat(r.riskScore()).isEqualTo(60);
        assertThat(r.riskReasons()).containsExactly(new RiskReason(Kind.OVERDUE, 9.5, null),
                new RiskReason(Kind.FREQUENCY, -100.0, null), new RiskReason(Kind.SPEND, -100.0, null));
        assertThat(r.atRisk()).isTrue();
        assertThat(r.silent()).isTrue();
        assertThat(r.flaggedOn()).isEqualTo(today);
        CustomerValue s = valueOf(sam);
        assertThat(s.riskScore()).isEqualTo(75);
        assertThat(s.riskReasons()).contains(new RiskReason(Kind.DETRACTOR, null, today));
        assertThat(s.atRisk()).isTrue();
        assertThat(s.silent()).isFalse();

        testUsers.signIn(manager);
        assertThat(values.atRisk(true, null, false, 0, 50)).extracting(ValuedCustomer::customerId).containsExactly(ruth.id());
        assertThat(values.atRisk(false, null, false, 0, 50)).extracting(ValuedCustomer::customerId).contains(ruth.id(), sam.id());
        assertThat(values.countAtRisk(true, null, false)).isEqualTo(1);
    }

    @Test
    void theWorklistShowsWhoWorkedACustomerSinceFlagged() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails flagged = testCustomers.newCustomer(manager.unitId());
        for (int days : new int[]{250, 230, 210, 190}) {
            testCustomers.newOrder(flagged, today.minusDays(days), "100");
        }
        awaitListeners();
        testUsers.signIn(manager);
        assertThat(values.atRisk(true, null, false, 0, 100)).filteredOn(c -> c.customerId() == flagged.id())
                .singleElement().satisfies(c -> assertThat(c.lastWorkedBy()).isNull());
        InteractionForm call = new InteractionForm();
        call.setCustomerId(flagged.id());
        call.setReasonId(reasons.active().getFirst().id());
        call.setSummary("called: how are you doing with us?");
        interactions.log(call);
        awaitListeners();
        assertThat(values.atRisk(true, null, false, 0, 100)).filteredOn(c -> c.customerId() == flagged.id())
                .singleElement().satisfies(c -> {
                    assertThat(c.lastWorkedBy()).isEqualTo(manager.displayName());
                    assertThat(c.lastWorkedAt()).isNotNull();
                });
    }

    @Test
    void aPurchaseTakesACustomerOffTheWorklistAtOnce() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails comesBack = testCustomers.newCustomer(manager.unitId());
        for (int days : new int[]{250, 230, 210, 190}) {
            testCustomers.newOrder(comesBack, today.minusDays(days), "100");
        }
        awaitListeners();
        assertThat(valueOf(comesBack).atRisk()).isTrue();
        testCustomers.newOrder(comesBack, today, "100");
        awaitListeners();
        // 0 overdue; frequency and spend −75 %: 11.25 + 11.25 = 23 < 40
        CustomerValue v = valueOf(comesBack);
        assertThat(v.riskScore()).isEqualTo(23);
        assertThat(v.atRisk()).isFalse();
        assertThat(v.netSales()).isEqualByComparingTo("500");
        // the matrix counts kept per update agree with the rows
        testUsers.signIn(manager);
        ValueMatrix matrix = values.matrix(null, false);
        assertThat(matrix.count(v.tier(), v.npsBand())).isEqualTo(1);
        assertThat(matrix.segments()).containsExactly(Map.entry(v.rfmSegment(), 1L));
        assertThat(matrix.cells().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void theBackTestUsesOnlyWhatWasKnownOnTheCutoffDay() throws Exception {
        LocalDate cutoff = today.minusMonths(3);
        UserAccount elsewhere = testUsers.newUser(Role.MANAGER);
        CustomerDetails active = testCustomers.newCustomer(elsewhere.unitId());
        CustomerDetails notYet = testCustomers.newCustomer(elsewhere.unitId());
        for (int days : new int[]{260, 240, 220, 200}) {
            testCustomers.newOrder(active, cutoff.minusDays(days - 100), "100");
        }
        awaitListeners();
        Map<Long, Boolean> before = riskBackTest.flaggedOn(cutoff, SystemUser.call(values::rules));
        assertThat(before).containsKey(active.id()).doesNotContainKey(notYet.id());
        // what happens after the cut-off: orders, answers and cases of customers active then, and new customers
        testCustomers.newOrder(active, cutoff.plusDays(1), "100");
        testCustomers.newOrder(notYet, cutoff.plusDays(2), "100");
        testComplaints.openFor(active);
        answers.nps(active, 0);
        awaitListeners();
        assertThat(riskBackTest.flaggedOn(cutoff, SystemUser.call(values::rules))).isEqualTo(before);

        testUsers.signIn(elsewhere);
        BackTest test = values.backTest(3);
        // a manager's back-test covers the customers of their own units only
        before = riskBackTest.flaggedOn(cutoff, SystemUser.call(values::rules), Set.of(elsewhere.unitId()));
        assertThat(before).containsOnlyKeys(active.id());
        assertThat(test.cutoff()).isEqualTo(cutoff);
        assertThat(test.active()).isEqualTo(before.size());
        assertThat(test.flagged()).isEqualTo(before.values().stream().filter(b -> b).count());
        assertThat(test.flaggedLapsed()).isBetween(0L, test.flagged());
        assertThat(test.activeLapsed()).isBetween(test.flaggedLapsed(), test.active());
    }

    @Test
    void theExecutiveBoardShowsTheAverageValuesOfTheUnitsBuyersForTheCurrentPeriod() {
        testUsers.signIn(manager);
        double economic = (valueOf(pat).economicValue().doubleValue() + valueOf(quinn).economicValue().doubleValue()
                + valueOf(ruth).economicValue().doubleValue() + valueOf(sam).economicValue().doubleValue()) / 4;
        double strategic = (valueOf(pat).strategicValue().doubleValue() + valueOf(quinn).strategicValue().doubleValue()
                + valueOf(ruth).strategicValue().doubleValue() + valueOf(sam).strategicValue().doubleValue()) / 4;
        KpiFilter unit = new KpiFilter(manager.unitId(), false, null);
        var thisMonth = KpiPeriod.of(KpiPeriod.Kind.MONTH, today);
        var tiles = kpis.board(Board.EXECUTIVE, unit, thisMonth);
        assertThat(tiles).filteredOn(t -> t.kpi() == Kpi.AVERAGE_ECONOMIC_VALUE).singleElement()
                .satisfies(t -> assertThat(t.value()).isCloseTo(economic, org.assertj.core.data.Offset.offset(0.01)));
        assertThat(tiles).filteredOn(t -> t.kpi() == Kpi.AVERAGE_STRATEGIC_VALUE).singleElement()
                .satisfies(t -> assertThat(t.value()).isPositive().isCloseTo(strategic, org.assertj.core.data.Offset.offset(0.01)));
        // Ruth: at risk with no complaint and no low score
        assertThat(tiles).filteredOn(t -> t.kpi() == Kpi.SILENT_DECLINERS).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo(1.0));
        // the customers behind them: the unit's buyers most valuable first; Ruth, the silent decliner
        assertThat(drillDowns.records(Board.EXECUTIVE, Kpi.AVERAGE_ECONOMIC_VALUE, unit, thisMonth, 0, 50))
                .extracting(KpiRecord::customerId).containsExactly(quinn.id(), pat.id(), sam.id(), ruth.id());
        assertThat(drillDowns.records(Board.EXECUTIVE, Kpi.SILENT_DECLINERS, unit, thisMonth, 0, 50))
                .singleElement().satisfies(r -> {
                    assertThat(r.customerId()).isEqualTo(ruth.id());
                    assertThat(r.detailKey()).isEqualTo("kpi.record.at-risk");
                });
        // a snapshot: not for last month, not for one sales channel
        assertThat(kpis.board(Board.EXECUTIVE, unit, thisMonth.previous())).filteredOn(t -> t.kpi() == Kpi.AVERAGE_ECONOMIC_VALUE)
                .singleElement().satisfies(t -> assertThat(t.value()).isNull());
        assertThat(kpis.board(Board.EXECUTIVE, new KpiFilter(manager.unitId(), false, "WEB"), thisMonth))
                .filteredOn(t -> t.kpi() == Kpi.AVERAGE_ECONOMIC_VALUE).singleElement().satisfies(t -> assertThat(t.value()).isNull());
    }

    @Test
    void theKpiBoardsFilterByValueTierWithTheTiersOfTheLastFullRun() {
        KpiFilter unit = new KpiFilter(manager.unitId(), false, null);
        var days = KpiPeriod.custom(today.minusDays(260), today);
        // the tiers of the last full run (the run in handMadeStore asked for this in the background too)
        SystemUser.call(rebuilds::rebuildTiered);
        SystemUser.call(() -> rebuilds.rebuild(days.from(), days.to()));
        testUsers.signIn(manager);
        Map<CustomerDetails, Integer> ordersOf = Map.of(pat, 2, quinn, 1, ruth, 4, sam, 4);
        double everyTier = 0;
        for (ValueTier tier : ValueTier.values()) {
            var inTier = ordersOf.keySet().stream().filter(c -> valueOf(c).tier() == tier).map(CustomerDetails::id).toList();
            int expected = ordersOf.entrySet().stream().filter(e -> inTier.contains(e.getKey().id())).mapToInt(Map.Entry::getValue).sum();
            var commerce = kpis.board(Board.COMMERCE, unit.withTier(tier), days);
            Double orders = commerce.stream().filter(t -> t.kpi() == Kpi.ORDERS).findFirst().orElseThrow().value();
            assertThat(orders == null ? 0 : orders).as("orders of tier " + tier).isEqualTo(expected);
            everyTier += expected;
            // the records behind the number are that tier's, and all of them
            assertThat(drillDowns.records(Board.COMMERCE, Kpi.ORDERS, unit.withTier(tier), days, 0, 100))
                    .hasSize(expected).allSatisfy(r -> assertThat(inTier).contains(r.customerId()));
            assertThat(facts.sums(days.from(), days.to(), unit.withTier(tier), Set.of(manager.unitId())))
                    .as("summary = base tables, tier " + tier)
                    .isEqualTo(facts.rawSums(days.from(), days.to(), unit.withTier(tier), Set.of(manager.unitId())));
        }
        assertThat(everyTier).isEqualTo(11);
        assertThat(kpis.board(Board.COMMERCE, unit, days)).filteredOn(t -> t.kpi() == Kpi.ORDERS)
                .singleElement().extracting(KpiTile::value).isEqualTo(11.0);
        // Quinn's detractor answer (3) counts in Quinn's tier: with Sam's (2) when Sam is in it too
        ValueTier quinnsTier = valueOf(quinn).tier();
        long answering = Stream.of(quinn, sam).filter(c -> valueOf(c).tier() == quinnsTier).count();
        var voice = kpis.board(Board.VOICE, unit.withTier(quinnsTier), days);
        assertThat(voice).filteredOn(t -> t.kpi() == Kpi.NPS).singleElement()
                .extracting(KpiTile::value).isEqualTo(-100.0);
        assertThat(voice).filteredOn(t -> t.kpi() == Kpi.ANSWERS).singleElement()
                .extracting(KpiTile::value).isEqualTo((double) answering);
        // the value snapshot of the executive board: that tier's buyers only
        double economic = Stream.of(pat, quinn, ruth, sam).map(this::valueOf).filter(v -> v.tier() == quinnsTier)
                .mapToDouble(v -> v.economicValue().doubleValue()).average().orElseThrow();
        assertThat(kpis.board(Board.EXECUTIVE, unit.withTier(quinnsTier),
                KpiPeriod.of(KpiPeriod.Kind.MONTH, today)))
                .filteredOn(t -> t.kpi() == Kpi.AVERAGE_ECONOMIC_VALUE).singleElement()
                .satisfies(t -> assertThat(t.value()).isCloseTo(economic, org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void theLadderFunnelOfAValueTierIsCountedInCellsKeptByEveryUpdate() throws Exception {
        // the funnel's tiers are those of the last full run: run it now, after what the other tests added
        awaitListeners();
        SystemUser.run(values::recomputeAll);
        for (ValueTier tier : ValueTier.values()) {
            var filter = new LadderFilter(null, false, null, null, null, tier.segmentKey());
            assertThat(ladderQueries.fromCells(filter)).isTrue();
            long inTier = jdbc.sql("SELECT COUNT(*) FROM customer_value WHERE tier = ?").param(tier.name()).query(Long.class).single();
            assertThat(ladderQueries.funnel(filter, null).customers()).as("tier " + tier).isEqualTo(inTier)
                    .isEqualTo(ladderQueries.funnelFromStageRows(filter, null).customers());
            assertThat(ladderQueries.funnel(filter, Set.of(manager.unitId())))
                    .isEqualTo(ladderQueries.funnelFromStageRows(filter, Set.of(manager.unitId())));
        }
        // Quinn buys again: her funnel rows move to their new cells, in her tier of the last full run
        ValueTier quinnsTier = valueOf(quinn).tier();
        var quinns = new LadderFilter(null, false, null, null, null, quinnsTier.segmentKey());
        testCustomers.newOrder(quinn, today, "100");
        AfterCommitListeners.await(jdbc, "io.escalera.loyalty.internal.LadderTriggers");
        awaitListeners();
        assertThat(ladderQueries.funnel(quinns, Set.of(manager.unitId())))
                .isEqualTo(ladderQueries.funnelFromStageRows(quinns, Set.of(manager.unitId())));
        assertThat(ladderQueries.funnel(quinns, null)).isEqualTo(ladderQueries.funnelFromStageRows(quinns, null));
        // the customers behind the funnel of Quinn's tier include her
        testUsers.signIn(manager);
        assertThat(ladder.customers(quinns, new LadderSegment.Reached(Stage.SHOPPER), 0, 100))
                .extracting(LadderReport.CustomerRow::customerId).contains(quinn.id());
    }

    @Test
    void valueSegmentsFilterTheCustomerListAndTheLadderReports() {
        testUsers.signIn(manager);
        var tierA = customers.search(new CustomerSearch(null, null, null, null, null, false, "tier-A"),
                Sort.by("name"), 0, 50);
        assertThat(tierA).extracting(CustomerSummary::id).contains(quinn.id()).doesNotContain(peg.id());
        assertThat(tierA).allSatisfy(c -> assertThat(valueOf(customers.get(c.id())).tier()).isEqualTo(ValueTier.A));
        assertThat(customers.search(new CustomerSearch(null, null, null, null, null, false, "silent"),
                Sort.by("name"), 0, 50)).extracting(CustomerSummary::id)
                .containsExactly(ruth.id());
        // the ladder funnel of the unit's silent decliners: Ruth alone, a CUSTOMER (four purchases in the window)
        var funnel = ladder.funnel(new LadderFilter(null, false, null, null, null, "silent"));
        assertThat(funnel.customers()).isEqualTo(1);
        assertThat(ladder.funnel(new LadderFilter(null, false, null, null, null, "at-risk")).customers()).isEqualTo(2);
        assertThat(ladder.funnel(new LadderFilter(null, false, null, null, null, null)).customers()).isEqualTo(5);
    }

    @Test
    void liftComparesTheFlaggedLapseRateWithTheBaseRate() {
        BackTest test = new BackTest(6, today, 1000, 100, 40, 100);
        assertThat(test.flaggedLapseRate()).isEqualTo(0.4);
        assertThat(test.baseLapseRate()).isEqualTo(0.1);
        assertThat(test.lift()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new BackTest(6, today, 0, 0, 0, 0).lift()).isNull();
    }

    @Test
    void staffEnterMarketValueAndAConcurrentSaveIsRefusedNotOverwritten() {
        UserAccount staff = testUsers.newUserIn(Role.STAFF, manager.unitId());
        testUsers.signIn(staff);
        MarketValueForm form = new MarketValueForm();
        form.setShareOfWallet(40);
        form.setCompetitivePressure(4);
        MarketValue saved = values.saveMarketValue(quinn.id(), form);
        assertThat(saved.shareOfWallet()).isEqualTo(40);
        assertThat(saved.updatedByName()).isEqualTo(staff.displayName());

        MarketValueForm stale = new MarketValueForm();
        stale.setShareOfWallet(10);
        stale.setCompetitivePressure(1);
        stale.setVersion(saved.version());
        form.setVersion(saved.version());
        form.setShareOfWallet(45);
        values.saveMarketValue(quinn.id(), form);
        assertThatThrownBy(() -> values.saveMarketValue(quinn.id(), stale)).isInstanceOf(ConcurrentEditException.class);
        assertThat(values.marketValue(quinn.id()).orElseThrow().shareOfWallet()).isEqualTo(45);

        MarketValueForm wrong = new MarketValueForm();
        wrong.setVersion(values.marketValue(quinn.id()).orElseThrow().version());
        wrong.setCompetitivePressure(9);
        assertThatThrownBy(() -> values.saveMarketValue(quinn.id(), wrong)).isInstanceOf(FieldErrorsException.class);
        assertThat(values.marketValue(quinn.id()).orElseThrow().competitivePressure()).isEqualTo(4);
    }

    @Test
    void rolesAndUnitsAreEnforced() {
        testUsers.signIn(testUsers.newUserIn(Role.STAFF, manager.unitId()));
        assertThat(values.of(quinn.id())).isPresent();
        assertThatThrownBy(() -> values.atRisk(false, null, false, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> values.matrix(null, false)).isInstanceOf(AccessDeniedException.class);
        testUsers.signIn(testUsers.newUser(Role.EXECUTIVE));
        assertThat(values.matrix(null, false).count(ValueTier.A, NpsBand.DETRACTOR)).isPositive();
        assertThatThrownBy(() -> values.atRisk(false, null, false, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> values.backTest(3)).isInstanceOf(AccessDeniedException.class);
        testUsers.signIn(testUsers.newUser(Role.STAFF));
        assertThatThrownBy(() -> values.of(quinn.id())).isInstanceOf(NotFoundException.class);
        testUsers.signIn(testUsers.newUser(Role.MANAGER));
        assertThat(values.atRisk(false, null, false, 0, 10)).isEmpty();
    }

    @Test
    void rulesAreCompanyWideAndValidatedBeforeAnythingIsSaved() {
        testUsers.signIn(manager);
        assertThatThrownBy(() -> values.saveRules(ValueRules.defaults())).as("value rules are ADMIN's")
                .isInstanceOf(AccessDeniedException.class);
        testUsers.signIn(testUsers.newUser(Role.ADMIN));
        ValueRules bad = new ValueRules(new BigDecimal("1.5"), new BigDecimal("0.1"), 0, 85, 40, 30, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> values.saveRules(bad)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field)
                        .contains("marginRate", "horizonYears", "overdueWeight"));
        assertThat(values.rules()).isEqualTo(ValueRules.defaults());
    }
}
