package io.escalera.loyalty;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerTimeline;
import io.escalera.customer.ReferralService;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class LoyaltyServiceTest {

    @Autowired LoyaltyService loyalty;
    @Autowired FeedbackService feedback;
    @Autowired ReferralService referrals;
    @Autowired CustomerTimeline timeline;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired io.escalera.customer.internal.CustomerDataLoader loader;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** Waits until the ladder's after-commit listeners have handled every event published so far. */
    @Autowired io.escalera.loyalty.internal.LadderReportQueries reportQueries;

    private void awaitListeners() throws InterruptedException {
        io.escalera.support.AfterCommitListeners.await(jdbc, "io.escalera.loyalty.internal.LadderTriggers");
    }

    private Stage stage(CustomerDetails customer) {
        return SystemUser.call(() -> loyalty.stageOf(customer.id())).orElseThrow();
    }

    @Test
    void ordersMoveACustomerUpTheLadderAfterCommitWithEveryChangeOnTheTimeline() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        awaitListeners();
        assertThat(stage(customer)).isEqualTo(Stage.PROSPECT);

        testCustomers.newOrder(customer, LocalDate.now().minusDays(20), "30.00");
        awaitListeners();
        assertThat(stage(customer)).isEqualTo(Stage.SHOPPER);
        testCustomers.newOrder(customer, LocalDate.now().minusDays(2), "30.00");
        awaitListeners();
        assertThat(stage(customer)).isEqualTo(Stage.CUSTOMER);

        assertThat(jdbc.sql("SELECT CONCAT(COALESCE(from_stage, '-'), '>', to_stage) FROM loyalty_stage_change WHERE customer_id = ? ORDER BY id")
                .param(customer.id()).query(String.class).list()).containsExactly("->PROSPECT", "PROSPECT>SHOPPER", "SHOPPER>CUSTOMER");
        testUsers.signIn(staff);
        assertThat(timeline.page(customer.id(), Set.of("STAGE"), null, 0, 10)).extracting(e -> e.labelKey())
                .containsExactly("timeline.stage.CUSTOMER", "timeline.stage.SHOPPER", "timeline.stage.PROSPECT");
    }

    @Test
    void aPromoterOrAReferralMakesAClientAnAdvocateAndTimeAloneLapsesACustomer() throws Exception {
        clock.freeze();
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails client = testCustomers.newCustomer(staff.unitId());
        CustomerDetails friend = testCustomers.newCustomer(staff.unitId());
        for (int i = 0; i < 6; i++) {
            testCustomers.newOrder(client, LocalDate.now(clock).minusDays(5L * i), "20.00");
        }
        awaitListeners();
        assertThat(stage(client)).isEqualTo(Stage.CLIENT);

        testUsers.signIn(staff);
        FeedbackForm nps = new FeedbackForm();
        nps.setCustomerId(client.id());
        nps.setKind(FeedbackKind.NPS);
        nps.setScore(10);
        feedback.record(nps);
        awaitListeners();
        assertThat(stage(client)).isEqualTo(Stage.ADVOCATE);

        nps.setScore(8);
        clock.advance(Duration.ofMinutes(1));
        feedback.record(nps);
        awaitListeners();
        assertThat(stage(client)).as("an 8 is not a promoter any more").isEqualTo(Stage.CLIENT);
        SystemUser.run(() -> referrals.record(client.id(), friend.id(), LocalDate.now(clock)));
        awaitListeners();
        assertThat(stage(client)).isEqualTo(Stage.ADVOCATE);

        clock.advance(Duration.ofDays(400));
        SystemUser.call(loyalty::recomputeAll);
        assertThat(stage(client)).as("no purchase for 400 days").isEqualTo(Stage.LAPSED);
    }

    @Test
    void theFullRecomputeDecidesExactlyAsTheIncrementalUpdateForEveryKindOfHistory() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        Random random = new Random(8);
        LocalDate today = LocalDate.now();
        List<CustomerDetails> mix = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
            mix.add(customer);
            boolean frequent = i % 3 == 0;
            boolean longStanding = i % 6 == 4;
            int orders = i % 5 == 0 ? 0 : frequent ? 6 + random.nextInt(8) : longStanding ? 5 : 1 + random.nextInt(6);
            int spacing = frequent ? 5 + random.nextInt(25) : longStanding ? 100 + random.nextInt(50) : 5 + random.nextInt(90);
            int start = frequent ? random.nextInt(40) : random.nextInt(500);
            for (int o = 0; o < orders; o++) {
                testCustomers.newOrder(customer, today.minusDays(start + (long) o * spacing), (10 + random.nextInt(3)) + ".00");
            }
            if (i % 4 == 1) {
                testUsers.signIn(staff);
                FeedbackForm nps = new FeedbackForm();
                nps.setCustomerId(customer.id());
                nps.setKind(FeedbackKind.NPS);
                nps.setScore(7 + random.nextInt(4));
                feedback.record(nps);
                SecurityContextHolder.clearContext();
            }
            if (i % 7 == 2 && i > 0) {
                CustomerDetails referred = mix.get(i - 1);
                SystemUser.run(() -> referrals.record(customer.id(), referred.id(), today.minusDays(random.nextInt(500))));
            }
        }
        awaitListeners();
        funnelCellsAgreeWithTheStageRows(staff.unitId());
        Map<Long, String> incremental = new HashMap<>();
        for (CustomerDetails customer : mix) {
            incremental.put(customer.id(), stageAndReason(customer.id()));
        }

        String ids = mix.stream().map(c -> String.valueOf(c.id())).reduce((a, b) -> a + "," + b).orElseThrow();
        jdbc.sql("DELETE FROM loyalty_stage_change WHERE customer_id IN (" + ids + ")").update();
        jdbc.sql("DELETE FROM loyalty_stage WHERE customer_id IN (" + ids + ")").update();
        SystemUser.call(loyalty::recomputeAll);

        Map<Long, String> full = new HashMap<>();
        for (CustomerDetails customer : mix) {
            full.put(customer.id(), stageAndReason(customer.id()));
        }
        assertThat(full).isEqualTo(incremental);
        funnelCellsAgreeWithTheStageRows(staff.unitId());
        assertThat(full.values().stream().map(v -> v.split(" ")[0]).distinct()).as("the mix covers the ladder")
                .contains("PROSPECT", "SHOPPER", "CUSTOMER", "CLIENT", "ADVOCATE", "LAPSED");
        assertThat(jdbc.sql("SELECT CONCAT(SUM(expanded_on IS NOT NULL) > 0, SUM(retained_on IS NOT NULL) > 0, SUM(recommends) > 0, "
                        + "SUM(client_on IS NOT NULL) > 0) FROM loyalty_stage WHERE customer_id IN (" + ids + ")").query(String.class).single())
                .as("the mix covers every milestone").isEqualTo("1111");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_stage_change WHERE customer_id IN (" + ids + ") AND from_stage IS NULL")
                .query(Long.class).single()).as("one history row per customer, with the same reason").isEqualTo(mix.size());
        for (CustomerDetails customer : mix) {
            assertThat(SystemUser.call(() -> loyalty.update(customer.id()))).as("incremental agrees: nothing to change").isFalse();
        }
        funnelCellsAgreeWithTheStageRows(staff.unitId());
    }

    /**
     * The funnel counted in cells (kept by every update, rebuilt by the recompute) equals the funnel counted from the
     * stage rows: for the unit, its acquisition channel, a registration month, and the whole database.
     */
    private void funnelCellsAgreeWithTheStageRows(long unit) {
        java.time.YearMonth thisMonth = java.time.YearMonth.now();
        for (LadderFilter filter : List.of(LadderFilter.everyone(),
                new LadderFilter(null, false, io.escalera.customer.AcquisitionChannel.STORE, null, null),
                new LadderFilter(null, false, null, thisMonth.atDay(1), thisMonth.atEndOfMonth()))) {
            for (java.util.Set<Long> units : java.util.Arrays.asList(java.util.Set.of(unit), null)) {
                assertThat(reportQueries.fromCells(filter)).isTrue();
                assertThat(reportQueries.funnel(filter, units)).as("%s in %s", filter, units)
                        .isEqualTo(reportQueries.funnelFromStageRows(filter, units));
            }
        }
    }

    @Test
    void onTheGeneratedDataSetTheFullRecomputeAndTheIncrementalUpdatesGiveTheSameStagesAndHistories() throws Exception {
        io.escalera.support.GeneratedDataSet.load(loader);
        List<Long> generated = jdbc.sql("SELECT id FROM customer WHERE external_code LIKE 'C1%' ORDER BY id").query(Long.class).list();
        String ids = generated.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        SystemUser.call(loyalty::recomputeAll);
        Map<Long, String> full = stagesAndFirstHistory(ids);
        assertThat(full).hasSize(generated.size());
        assertThat(full.values().stream().map(v -> v.split(" ")[0]).distinct()).as("the generated set covers the ladder")
                .contains("PROSPECT", "SHOPPER", "CUSTOMER", "CLIENT", "ADVOCATE", "LAPSED");

        jdbc.sql("DELETE FROM loyalty_stage_change WHERE customer_id IN (" + ids + ")").update();
        jdbc.sql("DELETE FROM loyalty_stage WHERE customer_id IN (" + ids + ")").update();
        for (long id : generated) {
            SystemUser.call(() -> loyalty.update(id));
        }
        assertThat(stagesAndFirstHistory(ids)).isEqualTo(full);
        // the deletes above went around the store (the application never deletes stages): count the funnel cells again
        SystemUser.call(loyalty::recomputeAll);
        funnelCellsAgreeWithTheStageRows(generated.isEmpty() ? 0 : jdbc.sql("SELECT home_unit_id FROM customer WHERE id = ?")
                .param(generated.getFirst()).query(Long.class).single());
    }

    /** Stage, reason and milestones, and the history's first entry, per customer. */
    private Map<Long, String> stagesAndFirstHistory(String ids) {
        Map<Long, String> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT s.customer_id, CONCAT_WS(' ', s.stage, s.reason_key, s.reason_args, COALESCE(s.shopper_on, '-'),
                               COALESCE(s.customer_on, '-'), COALESCE(s.client_on, '-'), COALESCE(s.advocate_on, '-'),
                               COALESCE(s.expanded_on, '-'), COALESCE(s.retained_on, '-'), s.recommends,
                               '| history:', h.to_stage, h.reason_key, h.reason_args, h.changed_on)
                        FROM loyalty_stage s JOIN loyalty_stage_change h ON h.customer_id = s.customer_id AND h.from_stage IS NULL
                        WHERE s.customer_id IN (%s)""".formatted(ids))
                .query((rs, n) -> rows.put(rs.getLong(1), rs.getString(2))).list();
        return rows;
    }

    private String stageAndReason(long customerId) {
        return jdbc.sql("""
                        SELECT CONCAT_WS(' ', stage, reason_key, reason_args, home_unit_id, acquisition_channel, created_on,
                                         COALESCE(shopper_on, '-'), COALESCE(customer_on, '-'), COALESCE(client_on, '-'),
                                         COALESCE(advocate_on, '-'), COALESCE(expanded_on, '-'), COALESCE(retained_on, '-'), recommends)
                        FROM loyalty_stage WHERE customer_id = ?""")
                .param(customerId).query(String.class).single();
    }

    @Test
    void rulesAreValidatedAndAChangeRecomputesTheStages() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails customer = testCustomers.newCustomer(manager.unitId());
        testCustomers.newOrder(customer, LocalDate.now().minusDays(10), "10.00");
        testCustomers.newOrder(customer, LocalDate.now().minusDays(3), "10.00");
        awaitListeners();
        testUsers.signIn(manager);
        LadderRules defaults = loyalty.rules();
        assertThatThrownBy(() -> loyalty.saveRules(defaults)).as("ladder rules are company-wide: ADMIN's")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        testUsers.signIn(admin);
        assertThatThrownBy(() -> loyalty.saveRules(new LadderRules(365, 3, 3, new BigDecimal("2"), 9, 365)))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("ladder-rules.client-above-customer"));
        try {
            LadderRules stricter = new LadderRules(365, 3, 6, new BigDecimal("2"), 9, 365);
            Map<String, Long> preview = loyalty.preview(stricter);
            assertThat(stage(customer)).as("a preview changes nothing").isEqualTo(Stage.CUSTOMER);
            assertThat(preview).containsKey("CUSTOMER>SHOPPER");
            assertThat(loyalty.saveRules(stricter)).as("the preview is the outcome")
                    .isEqualTo(preview.values().stream().mapToLong(Long::longValue).sum());
            assertThat(stage(customer)).as("two purchases no longer make a customer").isEqualTo(Stage.SHOPPER);
        } finally {
            testUsers.signIn(admin);
            loyalty.saveRules(defaults);
        }
        assertThat(stage(customer)).isEqualTo(Stage.CUSTOMER);
    }
}
