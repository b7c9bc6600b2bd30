package io.escalera.interaction;

import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.util.List;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class InteractionServiceTest {

    @Autowired InteractionService interactions;
    @Autowired ReasonService reasons;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPastFollowUpNegativeMinutesAndAMissingOrRetiredReasonAreRefused() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(testUsers.newUser(Role.MANAGER));
        Reason retired = reasons.add("Retired " + UUID.randomUUID().toString().substring(0, 6));
        reasons.setRetired(retired.id(), retired.version(), true);
        testUsers.signIn(staff);
        InteractionForm form = form(customer);
        form.setFollowUpOn(LocalDate.now().minusDays(1));
        form.setMinutes(-3);
        form.setReasonId(retired.id());

        assertThatThrownBy(() -> interactions.log(form)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactlyInAnyOrder(
                        "interaction.follow-up.past", "interaction.minutes.invalid", "interaction.reason.required"));
    }

    @Test
    void myFollowUpsAreTheOpenOnesDueTodayOrEarlierAndDoneOnesLeave() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionRow today = log(customer, LocalDate.now());
        InteractionRow later = log(customer, LocalDate.now().plusDays(3));
        InteractionRow overdue = log(customer, LocalDate.now());
        jdbc.sql("UPDATE interaction SET follow_up_on = ? WHERE id = ?").params(LocalDate.now().minusDays(2), overdue.id()).update();

        assertThat(interactions.followUpsDue(false, 0, 50)).extracting(InteractionRow::id).containsExactly(overdue.id(), today.id());
        interactions.markFollowUpDone(today.id());
        assertThat(interactions.followUpsDue(false, 0, 50)).extracting(InteractionRow::id).containsExactly(overdue.id())
                .doesNotContain(later.id());
    }

    @Test
    void theCostToServeIsEveryMinuteTimesTheCostPerMinute() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionForm first = form(customer);
        first.setMinutes(12);
        interactions.log(first);
        InteractionForm second = form(customer);
        second.setMinutes(7);
        interactions.log(second);

        assertThat(interactions.costToServe(customer.id())).isEqualByComparingTo(new BigDecimal("9.50"));
    }

    @Test
    void managersSeeTheirUnitsInteractionsAndExecutivesMayNotLogAny() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionRow logged = interactions.log(form(customer));

        testUsers.signIn(testUsers.newUser(Role.MANAGER));
        assertThat(interactions.list(InteractionFilter.none(), 0, 200)).extracting(InteractionRow::id).doesNotContain(logged.id());
        testUsers.signIn(testUsers.newUser(Role.EXECUTIVE));
        assertThat(interactions.list(new InteractionFilter(null, null, null, null, null, null, null, staff.username()), 0, 50))
                .extracting(InteractionRow::id).containsExactly(logged.id());
        assertThat(interactions.list(new InteractionFilter(null, null, staff.unitId(), null, null, null, null, null), 0, 50))
                .as("filtered by the handler's unit").extracting(InteractionRow::id).containsExactly(logged.id());
        assertThatThrownBy(() -> interactions.log(form(customer))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void anExportStreamsTheSameInteractionsAsTheFilteredListAndNoneOfAnotherUnit() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionRow first = interactions.log(form(customer));
        InteractionRow second = interactions.log(form(customer));
        UserAccount elsewhere = testUsers.newUser(Role.STAFF);
        testUsers.signIn(elsewhere);
        interactions.log(form(testCustomers.newCustomer(elsewhere.unitId())));

        testUsers.signIn(testUsers.newUserIn(Role.MANAGER, staff.unitId()));
        List<InteractionRow> exported = new java.util.ArrayList<>();
        interactions.forEach(InteractionFilter.none(), exported::add);

        assertThat(exported).extracting(InteractionRow::id).containsExactly(second.id(), first.id());
        assertThat(exported).isEqualTo(interactions.list(InteractionFilter.none(), 0, 100));
    }

    @Test
    void theQuickLogStartsWithTheChannelAndReasonTheUserUsedLast() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionForm form = form(customer);
        form.setChannel(InteractionChannel.CHAT);
        form.setReasonId(3L);
        interactions.log(form);

        InteractionForm next = interactions.newForm(null);
        assertThat(next.getChannel()).isEqualTo(InteractionChannel.CHAT);
        assertThat(next.getReasonId()).isEqualTo(3L);
    }

    private InteractionRow log(CustomerDetails customer, LocalDate followUp) {
        InteractionForm form = form(customer);
        form.setFollowUpOn(followUp);
        return interactions.log(form);
    }

    private static InteractionForm form(CustomerDetails customer) {
        InteractionForm form = new InteractionForm();
        form.setCustomerId(customer.id());
        form.setReasonId(1L);
        form.setSummary("Asked where the parcel is");
        form.setMinutes(4);
        return form;
    }

}
