package io.escalera.interaction;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerTimeline;
import io.escalera.customer.ReferralService;
import io.escalera.customer.TimelineEntry;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One timeline from several modules: orders and referrals (customer module) and interactions, newest first. */
@EscaleraTest
class CustomerTimelineTest {

    /**
     * The kinds this test writes. Other modules add their own entries (e.g. stage changes, written after commit by the
     * ladder) and test them themselves.
     */
    private static final Set<String> KINDS = Set.of("ORDER", "INTERACTION", "REFERRAL");

    @Autowired CustomerTimeline timeline;
    @Autowired InteractionService interactions;
    @Autowired ReferralService referrals;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void entriesOfEveryKindAreMergedNewestFirstFilteredAndPaged() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        CustomerDetails friend = testCustomers.newCustomer(staff.unitId());
        LocalDate today = LocalDate.now();
        testCustomers.newOrder(customer, today.minusDays(10), "30.00");
        testCustomers.newOrder(customer, today.minusDays(2), "12.00");
        SystemUser.run(() -> referrals.record(customer.id(), friend.id(), today.minusDays(5)));
        testUsers.signIn(staff);
        InteractionForm call = new InteractionForm();
        call.setCustomerId(customer.id());
        call.setReasonId(2L);
        call.setSummary("Late parcel");
        InteractionRow recent = interactions.log(call);
        call.setChannel(InteractionChannel.EMAIL);
        InteractionRow older = interactions.log(call);
        jdbc.sql("UPDATE interaction SET occurred_at = ? WHERE id = ?")
                .params(Timestamp.valueOf(today.minusDays(7).atTime(15, 0)), older.id()).update();

        assertThat(timeline.page(customer.id(), KINDS, null, 0, 50)).extracting(TimelineEntry::kind, TimelineEntry::channel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INTERACTION", "PHONE"),   // today
                        org.assertj.core.groups.Tuple.tuple("ORDER", "STORE"),         // 2 days ago
                        org.assertj.core.groups.Tuple.tuple("REFERRAL", null),         // 5 days ago
                        org.assertj.core.groups.Tuple.tuple("INTERACTION", "EMAIL"),   // 7 days ago
                        org.assertj.core.groups.Tuple.tuple("ORDER", "STORE"));        // 10 days ago
        assertThat(timeline.page(customer.id(), Set.of("INTERACTION"), null, 0, 50)).extracting(TimelineEntry::recordId)
                .containsExactly(recent.id(), older.id());
        assertThat(timeline.page(customer.id(), KINDS, "EMAIL", 0, 50)).extracting(TimelineEntry::recordId).containsExactly(older.id());
        assertThat(timeline.page(customer.id(), KINDS, null, 2, 2)).extracting(TimelineEntry::kind).containsExactly("REFERRAL", "INTERACTION");
        assertThat(timeline.page(friend.id(), KINDS, null, 0, 50)).extracting(TimelineEntry::labelKey)
                .containsExactly("timeline.referral.received");
    }

}
