package io.escalera.feedback;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import io.escalera.customer.CustomerTimeline;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
@RecordApplicationEvents
class FeedbackServiceTest {

    @Autowired FeedbackService feedback;
    @Autowired io.escalera.support.TestComplaints testComplaints;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    @Autowired CustomerTimeline timeline;
    @Autowired ObjectProvider<CustomerFacts> facts;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    static FeedbackForm answer(CustomerDetails customer, FeedbackKind kind, Integer score, String comment) {
        FeedbackForm form = new FeedbackForm();
        form.setCustomerId(customer.id());
        form.setKind(kind);
        form.setScore(score);
        form.setComment(comment);
        return form;
    }

    @Test
    void aScoreOutsideItsScaleOrAnOverlongCommentIsRefused() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        for (FeedbackForm wrong : List.of(answer(customer, FeedbackKind.NPS, 11, null), answer(customer, FeedbackKind.CSAT, 0, null),
                answer(customer, FeedbackKind.CES, 8, null), answer(customer, FeedbackKind.NPS, null, null))) {
            assertThatThrownBy(() -> feedback.record(wrong)).isInstanceOfSatisfying(FieldErrorsException.class,
                    e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactly("feedback.score.out-of-range"));
        }
        assertThatThrownBy(() -> feedback.record(answer(customer, FeedbackKind.NPS, 10, "x".repeat(2001))))
                .isInstanceOf(FieldErrorsException.class);
        assertThat(feedback.record(answer(customer, FeedbackKind.CES, 7, null)).score()).isEqualTo(7);
    }

    @Test
    void detractorsAndUnhappyCsatOpenAFollowUpWithItsSlaAndOthersDoNot() {
        clock.freeze();
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);

        Feedback detractor = feedback.record(answer(customer, FeedbackKind.NPS, 6, "Slow delivery"));
        Feedback passive = feedback.record(answer(customer, FeedbackKind.NPS, 7, null));
        Feedback unhappy = feedback.record(answer(customer, FeedbackKind.CSAT, 2, null));
        Feedback content = feedback.record(answer(customer, FeedbackKind.CSAT, 3, null));
        Feedback hardWork = feedback.record(answer(customer, FeedbackKind.CES, 1, null));

        List<LoopFollowUp> open = feedback.followUps(true, 0, 50);
        assertThat(open).extracting(LoopFollowUp::feedbackId).containsExactlyInAnyOrder(detractor.id(), unhappy.id())
                .doesNotContain(passive.id(), content.id(), hardWork.id());
        assertThat(open).allSatisfy(f -> assertThat(Duration.between(f.openedAt(), f.dueAt())).isEqualTo(Duration.ofHours(48)));
        assertThat(events.stream(FeedbackEvents.DetractorDetected.class).map(FeedbackEvents.DetractorDetected::feedbackId).toList())
                .contains(detractor.id(), unhappy.id()).doesNotContain(passive.id(), hardWork.id());
        assertThat(events.stream(FeedbackEvents.FeedbackReceived.class).filter(e -> customer.id() == e.customerId())).hasSize(5);
    }

    @Test
    void theLatestNpsShowsInThe360HeaderAndEveryAnswerOnTheTimeline() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        assertThat(headerFacts(customer)).contains(CustomerFacts.Fact.translated("customer.latest-nps", "nps.none"));

        feedback.record(answer(customer, FeedbackKind.NPS, 4, null));
        clock.advance(Duration.ofMinutes(1));
        feedback.record(answer(customer, FeedbackKind.NPS, 9, "Great"));
        clock.advance(Duration.ofMinutes(1));
        feedback.record(answer(customer, FeedbackKind.CSAT, 1, null));

        assertThat(feedback.latestNps(customer.id()).orElseThrow().score()).isEqualTo(9);
        assertThat(headerFacts(customer)).contains(CustomerFacts.Fact.withMeaning("customer.latest-nps", "9", "nps.PROMOTER"));
        assertThat(timeline.page(customer.id(), Set.of("FEEDBACK"), null, 0, 10)).extracting(e -> e.labelKey() + " " + e.detail())
                .containsExactly("timeline.feedback.CSAT 1", "timeline.feedback.NPS 9 · Great", "timeline.feedback.NPS 4");
    }

    private List<CustomerFacts.Fact> headerFacts(CustomerDetails customer) {
        return facts.orderedStream().flatMap(f -> f.factsFor(customer).stream()).toList();
    }

    @Test
    void closingTheLoopNeedsAnOutcomeHappensOnceAndNeverOverwritesAnotherClose() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, staff.unitId());
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        feedback.record(answer(customer, FeedbackKind.NPS, 2, "Never again"));
        LoopFollowUp followUp = feedback.followUps(true, 0, 10).getFirst();

        assertThatThrownBy(() -> feedback.closeFollowUp(followUp.id(), followUp.version(), null, "called"))
                .isInstanceOf(FieldErrorsException.class);
        testUsers.signIn(manager);
        LoopFollowUp closed = feedback.closeFollowUp(followUp.id(), followUp.version(), FollowUpOutcome.CONTACTED_RECOVERED, "Refund offered");
        assertThat(closed.open()).isFalse();
        assertThat(closed.withinSla()).isTrue();
        assertThat(closed.closedByName()).isEqualTo(manager.displayName());

        testUsers.signIn(staff);
        assertThatThrownBy(() -> feedback.closeFollowUp(followUp.id(), followUp.version(), FollowUpOutcome.NOT_REACHABLE, null))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(feedback.followUp(followUp.id()).outcome()).isEqualTo(FollowUpOutcome.CONTACTED_RECOVERED);
        assertThat(feedback.followUps(true, 0, 10)).isEmpty();
    }

    @Test
    void aStaleFollowUpVersionIsAConflict() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        feedback.record(answer(customer, FeedbackKind.CSAT, 1, null));
        LoopFollowUp followUp = feedback.followUps(true, 0, 10).getFirst();
        long complaintId = testComplaints.openFor(customer).id();
        testUsers.signIn(staff);
        feedback.linkComplaint(followUp.id(), followUp.version(), complaintId);

        assertThatThrownBy(() -> feedback.closeFollowUp(followUp.id(), followUp.version(), FollowUpOutcome.NOT_REACHABLE, null))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void aFollowUpOfAnotherUnitIsNotFound() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount stranger = testUsers.newUser(Role.MANAGER);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        feedback.record(answer(customer, FeedbackKind.NPS, 0, null));
        long id = feedback.followUps(true, 0, 10).getFirst().id();

        testUsers.signIn(stranger);
        assertThat(feedback.followUps(false, 0, 100)).extracting(LoopFollowUp::id).doesNotContain(id);
        assertThatThrownBy(() -> feedback.followUp(id)).isInstanceOf(NotFoundException.class);
    }
}
