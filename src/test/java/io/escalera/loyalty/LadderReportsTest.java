package io.escalera.loyalty;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.ReferralService;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The ladder reports on a hand-made set of seven customers of one store, registered 200 days ago, whose answers are
 * worked out by hand below (T = today):
 * <pre>
 * A  no order                                  PROSPECT
 * B  T-10                                      SHOPPER
 * C  T-190, T-180                              CUSTOMER   customer on T-180 (10 days after registering)
 * D  six orders T-55 … T-5, every 10 days      CLIENT     customer T-45, client T-5
 * E  as D, rising tickets, NPS 10              ADVOCATE   customer T-45, client T-5, advocate T, expanded T-45
 * F  T-400                                     LAPSED
 * G  T-500, T-100 (bigger), referred A today   SHOPPER    won back; expanded and retained T-100; recommends
 * </pre>
 */
@EscaleraTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class LadderReportsTest {

    @Autowired LadderReports reports;
    @Autowired FeedbackService feedback;
    @Autowired ReferralService referrals;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private UserAccount manager;
    private LocalDate today;
    private Map<String, CustomerDetails> customers;
    private LadderFilter store;

    @org.junit.jupiter.api.BeforeAll
    void handMadeStore() throws Exception {
        clock.freeze();
        clock.advance(Duration.ofDays(-200));
        manager = testUsers.newUser(Role.MANAGER);
        customers = new java.util.LinkedHashMap<>();
        for (String name : List.of("A", "B", "C", "D", "E", "F", "G")) {
            customers.put(name, testCustomers.newCustomer(manager.unitId()));
        }
        awaitListeners();
        clock.advance(Duration.ofDays(200));
        today = LocalDate.now(clock);
        order("B", 10, "10.00");
        order("C", 190, "10.00");
        order("C", 180, "10.00");
        for (int i = 0; i < 6; i++) {
            order("D", 55 - 10 * i, "10.00");
            order("E", 55 - 10 * i, (10 + 10 * i) + ".00");
        }
        order("F", 400, "10.00");
        order("G", 500, "10.00");
        order("G", 100, "30.00");
        testUsers.signIn(manager);
        FeedbackForm nps = new FeedbackForm();
        nps.setCustomerId(customers.get("E").id());
        nps.setKind(FeedbackKind.NPS);
        nps.setScore(10);
        feedback.record(nps);
        SecurityContextHolder.clearContext();
        SystemUser.run(() -> referrals.record(customers.get("G").id(), customers.get("A").id(), today));
        awaitListeners();
        store = new LadderFilter(manager.unitId(), false, null, null, null);
    }

    @BeforeEach
    void signIn() {
        testUsers.signIn(manager);
    }

    private void order(String customer, int daysAgo, String gross) throws InterruptedException {
        testCustomers.newOrder(customers.get(customer), today.minusDays(daysAgo), gross);
        // one order at a time, so that the history has one step per order as it would in a shop
        awaitListeners();
    }

    private void awaitListeners() throws InterruptedException {
        AfterCommitListeners.await(jdbc, "io.escalera.loyalty.internal.LadderTriggers");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @org.junit.jupiter.api.AfterAll
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFunnelCountsEachRungNowAndEverWithConversionsAndMedianDaysToClimb() {
        LadderReport.Funnel funnel = reports.funnel(store);

        assertThat(funnel.customers()).isEqualTo(7);
        assertThat(funnel.lapsed()).isEqualTo(1);
        assertThat(funnel.rungs()).extracting(LadderReport.Rung::stage, LadderReport.Rung::now, LadderReport.Rung::everReached)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Stage.PROSPECT, 1L, 7L),
                        org.assertj.core.groups.Tuple.tuple(Stage.SHOPPER, 2L, 6L),
                        org.assertj.core.groups.Tuple.tuple(Stage.CUSTOMER, 1L, 3L),
                        org.assertj.core.groups.Tuple.tuple(Stage.CLIENT, 1L, 2L),
                        org.assertj.core.groups.Tuple.tuple(Stage.ADVOCATE, 1L, 1L));
        assertThat(funnel.rungs()).extracting(LadderReport.Rung::conversionToNext)
                .containsExactly(6 / 7.0, 3 / 6.0, 2 / 3.0, 1 / 2.0, null);
        // prospect → shopper: B 190, C 10, D and E 145, F and G bought before registering (0) → 0 0 10 145 145 190
        // shopper → customer: C 10, D 10, E 10; customer → client: D 40, E 40; client → advocate: E 5
        assertThat(funnel.rungs()).extracting(LadderReport.Rung::medianDaysToNext).containsExactly(77.5, 10.0, 40.0, 5.0, null);
    }

    @Test
    void theFunnelWithoutClimbDaysHasTheSameCountsAndConversionsFromTheMilestoneCellsAlone() {
        LadderReport.Funnel full = reports.funnel(store);
        LadderReport.Funnel quick = reports.funnelWithoutClimbDays(store);

        assertThat(quick.customers()).isEqualTo(full.customers()).isEqualTo(7);
        assertThat(quick.lapsed()).isEqualTo(full.lapsed());
        assertThat(quick.rungs()).extracting(LadderReport.Rung::stage, LadderReport.Rung::now, LadderReport.Rung::everReached,
                        LadderReport.Rung::conversionToNext)
                .containsExactlyElementsOf(full.rungs().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.stage(), r.now(),
                        r.everReached(), r.conversionToNext())).toList());
        assertThat(quick.rungs()).extracting(LadderReport.Rung::medianDaysToNext).containsOnlyNulls();
    }

    @Test
    void movementCountsEveryChangeBetweenTwoDaysByKind() {
        LadderReport.Movement movement = reports.movement(store, today.minusDays(1), today);

        assertThat(movement.flows()).extracting(f -> f.from() + ">" + f.to() + " " + f.customers()).containsExactlyInAnyOrder(
                "PROSPECT>SHOPPER 4", "SHOPPER>CUSTOMER 3", "CUSTOMER>CLIENT 2", "CLIENT>ADVOCATE 1",
                "PROSPECT>LAPSED 2", "LAPSED>SHOPPER 1");
        assertThat(movement.byRung().get(Stage.PROSPECT)).containsEntry(LadderReport.Flow.Kind.UP, 4L).containsEntry(LadderReport.Flow.Kind.LAPSED, 2L);
        assertThat(movement.byRung().get(Stage.SHOPPER)).containsEntry(LadderReport.Flow.Kind.UP, 3L).containsEntry(LadderReport.Flow.Kind.WON_BACK, 1L);
        assertThat(movement.byRung().get(Stage.ADVOCATE).values()).allMatch(n -> n == 0);
        assertThat(reports.movement(store, today.minusDays(199), today.minusDays(1)).flows())
                .as("registration is not a move, and nothing else happened before today").isEmpty();
        assertThat(names(reports.customers(store, new LadderSegment.Moved(List.of(Stage.LAPSED), List.of(Stage.SHOPPER), today, today), 0, 50)))
                .containsExactly("G");
    }

    @Test
    void cohortsShowTheHighestRungReachedSoManyMonthsAfterRegistering() {
        List<LadderReport.Cohort> cohorts = reports.cohorts(store, 12, 3);
        YearMonth registered = YearMonth.from(today.minusDays(200));

        assertThat(cohorts).hasSize(1);
        LadderReport.Cohort cohort = cohorts.getFirst();
        assertThat(cohort.month()).isEqualTo(registered);
        assertThat(cohort.customers()).isEqualTo(7);
        // within three months of registering: F and G had bought before, C bought twice (a customer); the rest nothing yet
        assertThat(cohort.highestRung()).containsExactlyInAnyOrderEntriesOf(Map.of(Stage.PROSPECT, 4L, Stage.SHOPPER, 2L,
                Stage.CUSTOMER, 1L, Stage.CLIENT, 0L, Stage.ADVOCATE, 0L));
        assertThat(names(reports.customers(store, new LadderSegment.CohortRung(registered, 3, Stage.SHOPPER), 0, 50))).containsExactly("F", "G");
        assertThat(reports.cohorts(store, 12, 12).getFirst().highestRung()).as("younger than twelve months: not yet").isNull();
    }

    @Test
    void theLifecycleFunnelNestsEachStepInThePreviousOne() {
        assertThat(reports.lifecycle(store)).extracting(LadderReport.Step::step, LadderReport.Step::customers).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LifecycleStep.APPROACH, 7L),
                org.assertj.core.groups.Tuple.tuple(LifecycleStep.ACQUIRE, 6L),
                org.assertj.core.groups.Tuple.tuple(LifecycleStep.EXPAND, 2L),
                org.assertj.core.groups.Tuple.tuple(LifecycleStep.RETAIN, 1L),
                org.assertj.core.groups.Tuple.tuple(LifecycleStep.RECOMMEND, 1L));
        assertThat(reports.lifecycle(store).get(2).conversion()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(names(reports.customers(store, new LadderSegment.Lifecycle(LifecycleStep.EXPAND), 0, 50))).containsExactly("E", "G");
        assertThat(names(reports.customers(store, new LadderSegment.Lifecycle(LifecycleStep.RECOMMEND), 0, 50))).containsExactly("G");
    }

    @Test
    void everyNumberOpensTheCustomersBehindIt() {
        assertThat(names(reports.customers(store, new LadderSegment.OnRung(Stage.CLIENT), 0, 50))).containsExactly("D");
        assertThat(names(reports.customers(store, new LadderSegment.Reached(Stage.CUSTOMER), 0, 50))).containsExactly("C", "D", "E");
        assertThat(names(reports.customers(store, new LadderSegment.OnRung(Stage.SHOPPER), 1, 50))).as("paged").containsExactly("G");
    }

    @Test
    void anotherUnitsManagerSeesNoneOfItAndStaffCannotOpenTheReports() {
        testUsers.signIn(testUsers.newUser(Role.MANAGER));
        assertThat(reports.funnel(store).customers()).as("a unit outside theirs narrows to nothing").isZero();
        assertThat(reports.customers(store, new LadderSegment.OnRung(Stage.CLIENT), 0, 50)).isEmpty();

        testUsers.signIn(testUsers.newUserIn(Role.EXECUTIVE, manager.unitId()));
        assertThat(reports.funnel(store).customers()).isEqualTo(7);

        testUsers.signIn(testUsers.newUserIn(Role.STAFF, manager.unitId()));
        assertThatThrownBy(() -> reports.funnel(store)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMovementPeriodMustBeInOrder() {
        assertThatThrownBy(() -> reports.movement(store, today, today.minusDays(1)))
                .isInstanceOfSatisfying(io.escalera.shared.FieldErrorsException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("ladder-reports.period-order"));
    }

    private List<String> names(List<LadderReport.CustomerRow> rows) {
        Map<Long, String> byId = new java.util.HashMap<>();
        customers.forEach((name, c) -> byId.put(c.id(), name));
        return rows.stream().map(r -> byId.get(r.customerId())).toList();
    }
}
