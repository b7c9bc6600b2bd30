package io.escalera.feedback;

import io.escalera.complaint.CompensationForm;
import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Loop closure and recovery on a hand-made data set whose answer is worked out by hand: four detractors on one day —
 * A answers 8 a day later (recovered), B buys again after 60 days (recovered), C buys again only after 120 days (not),
 * D stays silent (not); A's and D's follow-ups are closed in time, B's late, C's never. B and C each got compensation.
 * So: loop closure 2/4, recovery 2/4, compensation of the recovered = B's 20.00 only.
 */
@EscaleraTest
class LoopMeasuresTest {

    @Autowired FeedbackService feedback;
    @Autowired ComplaintService complaints;
    @Autowired io.escalera.complaint.CompensationService compensations;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void loopClosureAndRecoveryMatchTheHandWorkedAnswer() {
        clock.freeze();
        LocalDate day = LocalDate.now(clock);
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, staff.unitId());
        CustomerDetails a = testCustomers.newCustomer(staff.unitId());
        CustomerDetails b = testCustomers.newCustomer(staff.unitId());
        CustomerDetails c = testCustomers.newCustomer(staff.unitId());
        CustomerDetails d = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        Map<CustomerDetails, Long> followUps = new java.util.HashMap<>();
        for (CustomerDetails customer : new CustomerDetails[]{a, b, c, d}) {
            long answer = feedback.record(FeedbackServiceTest.answer(customer, FeedbackKind.NPS, 3, null)).id();
            followUps.put(customer, feedback.followUps(true, 0, 50).stream().filter(f -> f.feedbackId() == answer).findFirst().orElseThrow().id());
        }
        close(followUps.get(a));
        close(followUps.get(d));

        clock.advance(Duration.ofDays(1));
        feedback.record(FeedbackServiceTest.answer(a, FeedbackKind.NPS, 8, "Better now"));

        clock.advance(Duration.ofDays(9));
        compensate(b, "20.00");
        compensate(c, "30.00");
        testUsers.signIn(staff);
        close(followUps.get(b)); // 10 days after a 48-hour SLA: late

        clock.advance(Duration.ofDays(50));
        testCustomers.newOrder(b, LocalDate.now(clock), "15.00");
        clock.advance(Duration.ofDays(60));
        testCustomers.newOrder(c, LocalDate.now(clock), "15.00");

        testUsers.signIn(manager);
        LoopMeasures measures = feedback.loopMeasures(day, day);
        assertThat(measures.opened()).isEqualTo(4);
        assertThat(measures.closedWithinSla()).isEqualTo(2);
        assertThat(measures.recovered()).isEqualTo(2);
        assertThat(measures.loopClosureRate()).isCloseTo(0.5, within(1e-9));
        assertThat(measures.recoveryRate()).isCloseTo(0.5, within(1e-9));
        assertThat(measures.compensationOfRecovered()).isEqualByComparingTo("20.00");
        assertThat(feedback.loopMeasures(day.plusDays(1), day.plusDays(1)).loopClosureRate()).as("nothing opened that day").isNull();
    }

    private void close(long followUpId) {
        LoopFollowUp followUp = feedback.followUp(followUpId);
        feedback.closeFollowUp(followUp.id(), followUp.version(), FollowUpOutcome.CONTACTED_RECOVERED, null);
    }

    private void compensate(CustomerDetails customer, String amount) {
        testUsers.signIn(testUsers.newUserIn(Role.STAFF, customer.homeUnitId()));
        ComplaintDetails opened = complaints.open(TestComplaints.form(customer, Severity.MEDIUM));
        complaints.take(opened.id(), opened.version());
        CompensationForm form = new CompensationForm();
        form.setType(CompensationType.VOUCHER);
        form.setAmount(new BigDecimal(amount));
        form.setReason("Sorry");
        compensations.grantCompensation(opened.id(), form);
    }
}
