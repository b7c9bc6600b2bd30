package io.escalera.complaint;

import io.escalera.complaint.CompensationService;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerTimeline;
import io.escalera.customer.OrderRow;
import io.escalera.customer.TimelineEntry;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
@RecordApplicationEvents
class ComplaintServiceTest {

    @Autowired ComplaintService complaints;
    @Autowired ComplaintQueues queues;
    @Autowired CompensationService compensations;
    @Autowired ComplaintSettings complaintSettings;
    @Autowired RootCauseService rootCauses;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    @Autowired CustomerTimeline timeline;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** A STAFF user, a MANAGER of the same unit, and a customer of that unit. */
    record Team(UserAccount staff, UserAccount manager, CustomerDetails customer) {
    }

    private Team team() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, staff.unitId());
        return new Team(staff, manager, testCustomers.newCustomer(staff.unitId()));
    }

    private long rootCause() {
        return rootCauses.choosable().getFirst().id();
    }

    @Test
    void openingNeedsADescriptionAndAnOrderOfThatCustomer() {
        Team team = team();
        CustomerDetails other = testCustomers.newCustomer(team.staff().unitId());
        OrderRow othersOrder = testCustomers.newOrder(other, LocalDate.now().minusDays(5), "20.00");
        testUsers.signIn(team.staff());
        ComplaintForm form = TestComplaints.form(team.customer(), Severity.HIGH);
        form.setDescription(" ");
        form.setOrderId(othersOrder.id());

        assertThatThrownBy(() -> complaints.open(form)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field)
                        .containsExactlyInAnyOrder("description", "orderId"));
    }

    @Test
    void aNewCaseBelongsToTheCustomersUnitWithDueTimesFromItsSeverityAndIsAnnounced() {
        Team team = team();
        OrderRow order = testCustomers.newOrder(team.customer(), LocalDate.now().minusDays(5), "20.00");
        testUsers.signIn(team.staff());
        ComplaintForm form = TestComplaints.form(team.customer(), Severity.HIGH);
        form.setOrderId(order.id());

        ComplaintDetails opened = complaints.open(form);

        assertThat(opened.status()).isEqualTo(ComplaintStatus.NEW);
        assertThat(opened.unitId()).isEqualTo(team.customer().homeUnitId());
        assertThat(opened.orderExternalId()).isEqualTo(order.externalId());
        assertThat(Duration.between(opened.openedAt(), opened.responseDueAt())).isEqualTo(Duration.ofHours(8));
        assertThat(Duration.between(opened.openedAt(), opened.resolutionDueAt())).isEqualTo(Duration.ofHours(48));
        assertThat(events.stream(ComplaintEvents.ComplaintOpened.class)).anyMatch(e -> e.caseId() == opened.id()
                && e.orderId() == order.id() && e.category() == ComplaintCategory.LATE_DELIVERY);
    }

    @Test
    void aCaseOfAnotherUnitIsNotFound() {
        Team team = team();
        testUsers.signIn(team.staff());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.LOW));
        UserAccount stranger = testUsers.newUser(Role.MANAGER);
        testUsers.signIn(stranger);

        assertThatThrownBy(() -> complaints.get(opened.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> complaints.take(opened.id(), opened.version())).isInstanceOf(NotFoundException.class);
        assertThat(queues.list(ComplaintFilter.queue(ComplaintQueue.UNIT), 0, 100)).extracting(ComplaintRow::id)
                .doesNotContain(opened.id());
    }

    @Test
    void illegalMovesAreRefusedWithAClearMessageAndChangeNothing() {
        Team team = team();
        testUsers.signIn(team.manager());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.LOW));

        assertThatThrownBy(() -> complaints.move(opened.id(), opened.version(), ComplaintStatus.CLOSED))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("complaint.transition.illegal"));
        assertThatThrownBy(() -> complaints.resolve(opened.id(), opened.version(), "Refunded", rootCause()))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(complaints.get(opened.id()).status()).isEqualTo(ComplaintStatus.NEW);
        assertThat(complaints.get(opened.id()).version()).isEqualTo(opened.version());
    }

    @Test
    void resolvingNeedsAResolutionAndAnActiveRootCause() {
        Team team = team();
        testUsers.signIn(team.manager());
        ComplaintDetails started = started(team);
        RootCause retired = rootCauses.add(null, "Retired cause " + started.id());
        rootCauses.setRetired(retired.id(), retired.version(), true);

        assertThatThrownBy(() -> complaints.resolve(started.id(), started.version(), "", retired.id()))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorsException.FieldError::messageKey)
                        .containsExactlyInAnyOrder("complaint.resolution.required", "complaint.root-cause.required"));
    }

    private ComplaintDetails started(Team team) {
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.HIGH));
        ComplaintDetails assigned = complaints.take(opened.id(), opened.version());
        return complaints.move(assigned.id(), assigned.version(), ComplaintStatus.IN_PROGRESS);
    }

    @Test
    void waitingForTheCustomerPausesTheResolutionClock() {
        clock.freeze();
        Team team = team();
        testUsers.signIn(team.manager());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.HIGH));
        ComplaintDetails taken = complaints.take(opened.id(), opened.version());
        clock.advance(Duration.ofMinutes(90));
        ComplaintDetails started = complaints.move(taken.id(), taken.version(), ComplaintStatus.IN_PROGRESS);
        assertThat(started.firstResponseMinutes()).isEqualTo(90);

        ComplaintDetails waiting = complaints.move(started.id(), started.version(), ComplaintStatus.WAITING_CUSTOMER);
        assertThat(waiting.sla()).isEqualTo(SlaState.PAUSED);
        clock.advance(Duration.ofHours(60)); // longer than the whole 48 h target: paused, so no breach
        SystemUser.call(complaints::markBreaches);
        assertThat(complaints.get(waiting.id()).resolutionBreachedAt()).isNull();
        ComplaintDetails resumed = complaints.move(waiting.id(), waiting.version(), ComplaintStatus.IN_PROGRESS);

        assertThat(resumed.pausedMinutes()).isEqualTo(60 * 60);
        assertThat(Duration.between(opened.resolutionDueAt(), resumed.resolutionDueAt())).isEqualTo(Duration.ofHours(60));
        assertThat(resumed.sla()).isEqualTo(SlaState.ON_TRACK);
        clock.advance(Duration.ofHours(1));
        ComplaintDetails resolved = complaints.resolve(resumed.id(), resumed.version(), "Sent a new one", rootCause());
        assertThat(resolved.resolutionMinutes()).isEqualTo(90 + 60);
        assertThat(resolved.sla()).isEqualTo(SlaState.MET);
        assertThat(events.stream(ComplaintEvents.ComplaintResolved.class)).anyMatch(e -> e.caseId() == opened.id() && e.withinSla());
    }

    @Test
    void theBreachJobMarksOverdueCasesOnceAndRecordsItInTheHistory() {
        Team team = team();
        testUsers.signIn(team.staff());
        ComplaintDetails critical = complaints.open(TestComplaints.form(team.customer(), Severity.CRITICAL));
        clock.advance(Duration.ofHours(4).plusMinutes(1));

        assertThat(SystemUser.call(complaints::markBreaches)).isGreaterThanOrEqualTo(1);
        assertThat(complaints.get(critical.id()).responseBreachedAt()).isNotNull();
        assertThat(complaints.get(critical.id()).sla()).isEqualTo(SlaState.BREACHED);
        assertThat(queues.list(ComplaintFilter.queue(ComplaintQueue.AT_RISK), 0, 100)).extracting(ComplaintRow::id).contains(critical.id());
        SystemUser.call(complaints::markBreaches);
        assertThat(complaints.history(critical.id())).filteredOn(h -> h.kind().equals("SLA_BREACH"))
                .extracting(HistoryEntry::toValue).containsExactly("RESPONSE");

        clock.advance(Duration.ofHours(20));
        SystemUser.call(complaints::markBreaches);
        assertThat(complaints.history(critical.id())).filteredOn(h -> h.kind().equals("SLA_BREACH"))
                .extracting(HistoryEntry::toValue).containsExactly("RESPONSE", "RESOLUTION");
    }

    @Test
    void aCaseResolvedExactlyAtItsDueTimeIsWithinSla() {
        Team team = team();
        testUsers.signIn(team.manager());
        clock.freeze();
        ComplaintDetails started = started(team);
        clock.advance(Duration.between(clock.instant(), started.resolutionDueAt()));
        ComplaintDetails resolved = complaints.resolve(started.id(), started.version(), "Refunded", rootCause());
        assertThat(resolved.resolvedAt()).isEqualTo(resolved.resolutionDueAt());
        assertThat(resolved.sla()).isEqualTo(SlaState.MET);

        ComplaintDetails late = started(team);
        clock.advance(Duration.ofHours(49));
        ComplaintDetails resolvedLate = complaints.resolve(late.id(), late.version(), "Refunded", rootCause());
        assertThat(resolvedLate.sla()).isEqualTo(SlaState.BREACHED);
        assertThat(events.stream(ComplaintEvents.ComplaintResolved.class)).anyMatch(e -> e.caseId() == late.id() && !e.withinSla());
    }

    @Test
    void staffGrantUpToTheLimitAndAManagerApprovesWhatIsAbove() {
        Team team = team();
        testUsers.signIn(team.staff());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.MEDIUM));
        complaints.take(opened.id(), opened.version());
        BigDecimal limit = complaintSettings.rules().staffLimit();

        Compensation within = compensations.grantCompensation(opened.id(), compensation(CompensationType.VOUCHER, limit));
        Compensation above = compensations.grantCompensation(opened.id(), compensation(CompensationType.REFUND, limit.add(new BigDecimal("0.01"))));

        assertThat(within.status()).isEqualTo(CompensationStatus.GRANTED);
        assertThat(above.status()).isEqualTo(CompensationStatus.PENDING_APPROVAL);
        assertThat(compensations.compensationOf(team.customer().id())).isEqualByComparingTo(limit);
        assertThatThrownBy(() -> compensations.decideCompensation(above.id(), true)).isInstanceOf(AuthorizationDeniedException.class);

        testUsers.signIn(team.manager());
        Compensation approved = compensations.decideCompensation(above.id(), true);
        assertThat(approved.status()).isEqualTo(CompensationStatus.GRANTED);
        assertThat(approved.decidedByName()).isEqualTo(team.manager().displayName());
        assertThat(compensations.compensationOf(team.customer().id())).isEqualByComparingTo(limit.add(limit).add(new BigDecimal("0.01")));
        assertThatThrownBy(() -> compensations.decideCompensation(above.id(), false)).isInstanceOf(ActionRefusedException.class);
        assertThat(events.stream(ComplaintEvents.CompensationGranted.class).filter(e -> e.caseId() == opened.id())).hasSize(2);
        assertThat(complaints.history(opened.id())).filteredOn(h -> h.kind().equals("COMPENSATION")).hasSize(3);
    }

    private static CompensationForm compensation(CompensationType type, BigDecimal amount) {
        CompensationForm form = new CompensationForm();
        form.setType(type);
        form.setAmount(amount);
        form.setReason("Parcel a week late");
        return form;
    }

    @Test
    void onlyManagersAssignAndReopenAndStaffWorkOnlyTheirOwnCases() {
        Team team = team();
        UserAccount colleague = testUsers.newUserIn(Role.STAFF, team.staff().unitId());
        UserAccount elsewhere = testUsers.newUser(Role.STAFF);
        testUsers.signIn(team.staff());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.MEDIUM));
        assertThatThrownBy(() -> complaints.assign(opened.id(), opened.version(), colleague.username()))
                .isInstanceOf(AuthorizationDeniedException.class);

        testUsers.signIn(team.manager());
        assertThat(complaints.assignableUsers(opened.id())).extracting(c -> c.username())
                .contains(team.staff().username(), colleague.username()).doesNotContain(elsewhere.username());
        assertThatThrownBy(() -> complaints.assign(opened.id(), opened.version(), elsewhere.username()))
                .isInstanceOf(ActionRefusedException.class);
        ComplaintDetails assigned = complaints.assign(opened.id(), opened.version(), colleague.username());
        assertThat(assigned.status()).isEqualTo(ComplaintStatus.ASSIGNED);

        testUsers.signIn(team.staff());
        assertThatThrownBy(() -> complaints.take(assigned.id(), assigned.version()))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("complaint.take.already-taken"));
        assertThatThrownBy(() -> complaints.move(assigned.id(), assigned.version(), ComplaintStatus.IN_PROGRESS))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("complaint.not-your-case"));

        testUsers.signIn(colleague);
        ComplaintDetails started = complaints.move(assigned.id(), assigned.version(), ComplaintStatus.IN_PROGRESS);
        ComplaintDetails resolved = complaints.resolve(started.id(), started.version(), "Apologised", rootCause());
        assertThatThrownBy(() -> complaints.move(resolved.id(), resolved.version(), ComplaintStatus.REOPENED))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("complaint.reopen.manager-only"));

        testUsers.signIn(team.manager());
        ComplaintDetails reopened = complaints.move(resolved.id(), resolved.version(), ComplaintStatus.REOPENED);
        assertThat(reopened.status()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.reopenedCount()).isEqualTo(1);
        assertThat(events.stream(ComplaintEvents.ComplaintReopened.class)).anyMatch(e -> e.caseId() == opened.id());
    }

    @Test
    void theSecondOfTwoConcurrentChangesIsAConflictNamingWhoChangedItAndNothingIsOverwritten() {
        Team team = team();
        UserAccount otherManager = testUsers.newUserIn(Role.MANAGER, team.staff().unitId());
        testUsers.signIn(team.manager());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.MEDIUM));
        ComplaintDetails seenByBoth = complaints.take(opened.id(), opened.version());

        complaints.changeSeverity(seenByBoth.id(), seenByBoth.version(), Severity.CRITICAL);
        testUsers.signIn(otherManager);
        assertThatThrownBy(() -> complaints.changeSeverity(seenByBoth.id(), seenByBoth.version(), Severity.LOW))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.changedBy()).isEqualTo(team.manager().displayName()));
        assertThat(complaints.get(opened.id()).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void queuesAndTheirCountsFollowAssigneeAndUnit() {
        Team team = team();
        testUsers.signIn(team.staff());
        ComplaintDetails mine = complaints.open(TestComplaints.form(team.customer(), Severity.LOW));
        complaints.take(mine.id(), mine.version());
        ComplaintDetails unassigned = complaints.open(TestComplaints.form(team.customer(), Severity.LOW));

        assertThat(queues.list(ComplaintFilter.queue(ComplaintQueue.MINE), 0, 50)).extracting(ComplaintRow::id).containsExactly(mine.id());
        assertThat(queues.list(ComplaintFilter.queue(ComplaintQueue.UNASSIGNED), 0, 50)).extracting(ComplaintRow::id).containsExactly(unassigned.id());
        assertThat(queues.counts(ComplaintFilter.queue(ComplaintQueue.MINE)))
                .containsEntry(ComplaintQueue.MINE, 1L).containsEntry(ComplaintQueue.UNASSIGNED, 1L)
                .containsEntry(ComplaintQueue.UNIT, 2L).containsEntry(ComplaintQueue.AT_RISK, 0L);
        ComplaintFilter critical = new ComplaintFilter(ComplaintQueue.UNIT, null, null, Severity.CRITICAL, null, null, null, null, false);
        assertThat(queues.list(critical, 0, 50)).isEmpty();
    }

    @Test
    void theHistoryTellsEveryStepWithWhoDidIt() {
        Team team = team();
        testUsers.signIn(team.staff());
        ComplaintDetails opened = complaints.open(TestComplaints.form(team.customer(), Severity.MEDIUM));
        testUsers.signIn(team.manager());
        ComplaintDetails assigned = complaints.assign(opened.id(), opened.version(), team.staff().username());
        testUsers.signIn(team.staff());
        ComplaintDetails started = complaints.move(assigned.id(), assigned.version(), ComplaintStatus.IN_PROGRESS);
        complaints.comment(started.id(), "Called the carrier");
        complaints.resolve(started.id(), started.version(), "Refund of the shipping cost", rootCause());

        List<HistoryEntry> history = complaints.history(opened.id());
        assertThat(history).extracting(HistoryEntry::kind).containsExactly("CREATED", "ASSIGNEE", "STATUS", "STATUS", "COMMENT", "STATUS");
        assertThat(history).extracting(HistoryEntry::actorName).containsExactly(team.staff().displayName(),
                team.manager().displayName(), team.manager().displayName(), team.staff().displayName(),
                team.staff().displayName(), team.staff().displayName());
        assertThat(history.getLast().note()).isEqualTo("Refund of the shipping cost");
    }

    @Test
    void aCaseAppearsOnTheCustomersTimelineWhenOpenedAndAgainWhenResolved() {
        Team team = team();
        testUsers.signIn(team.manager());
        ComplaintDetails started = started(team);
        clock.advance(Duration.ofMinutes(5));
        complaints.resolve(started.id(), started.version(), "Refunded the shipping", rootCause());

        List<TimelineEntry> entries = timeline.page(team.customer().id(), Set.of("COMPLAINT"), null, 0, 10);
        assertThat(entries).extracting(TimelineEntry::labelKey)
                .containsExactly("timeline.complaint.resolved", "complaint.category.LATE_DELIVERY");
        assertThat(entries.getFirst().detail()).isEqualTo("#" + started.id() + " · Refunded the shipping");
        assertThat(timeline.page(team.customer().id(), Set.of("COMPLAINT"), "EMAIL", 0, 10)).isEmpty();
        assertThat(timeline.kinds()).contains("COMPLAINT");
    }

    @Test
    void slaTargetsAreCompanyWideSettingsThatAnAdminChangesWithinSaneBounds() {
        Team team = team();
        testUsers.signIn(team.manager());
        ComplaintSettings.Rules defaults = complaintSettings.rules();
        assertThatThrownBy(() -> complaintSettings.save(defaults)).as("SLA targets and the STAFF limit are ADMIN's")
                .isInstanceOf(AccessDeniedException.class);
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        testUsers.signIn(admin);
        Map<Severity, Integer> response = new EnumMap<>(defaults.responseHours());
        Map<Severity, Integer> resolution = new EnumMap<>(defaults.resolutionHours());
        resolution.put(Severity.LOW, 1);
        assertThatThrownBy(() -> complaintSettings.save(new ComplaintSettings.Rules(response, resolution, new BigDecimal("-1"), 4)))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey)
                        .containsExactlyInAnyOrder("complaint-settings.resolution.before-response", "complaint-settings.limit.invalid"));
        resolution.put(Severity.LOW, 300);
        try {
            complaintSettings.save(new ComplaintSettings.Rules(response, resolution, new BigDecimal("80"), 4));
            testUsers.signIn(team.staff());
            ComplaintDetails low = complaints.open(TestComplaints.form(team.customer(), Severity.LOW));
            assertThat(Duration.between(low.openedAt(), low.resolutionDueAt())).isEqualTo(Duration.ofHours(300));
            assertThat(complaintSettings.staffLimit()).isEqualByComparingTo("80");
        } finally {
            testUsers.signIn(admin);
            complaintSettings.save(defaults);
        }
    }

    @Test
    void anExportStreamsEveryCaseOfTheFilteredQueueInTheListsOrderAndNoOtherUnits() {
        Team team = team();
        Team other = team();
        testUsers.signIn(team.staff());
        ComplaintDetails first = complaints.open(TestComplaints.form(team.customer(), Severity.HIGH));
        complaints.open(TestComplaints.form(team.customer(), Severity.LOW));
        ComplaintDetails third = complaints.open(TestComplaints.form(team.customer(), Severity.HIGH));
        testUsers.signIn(other.staff());
        complaints.open(TestComplaints.form(other.customer(), Severity.HIGH));
        testUsers.signIn(team.manager());
        ComplaintFilter high = new ComplaintFilter(ComplaintQueue.UNIT, null, null, Severity.HIGH, null, null, null, null, false);

        List<ComplaintRow> exported = new ArrayList<>();
        queues.forEach(high, exported::add);

        assertThat(exported).extracting(ComplaintRow::id).containsExactly(third.id(), first.id());
        assertThat(exported).isEqualTo(queues.list(high, 0, 100));
    }
}
