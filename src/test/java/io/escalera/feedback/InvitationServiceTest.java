package io.escalera.feedback;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class InvitationServiceTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("https?://\\S+/s/([A-Za-z0-9_-]{43})");

    @Autowired InvitationService invitations;
    @Autowired SurveyService surveys;
    @Autowired CustomerService customers;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private CustomerDetails customer(long unit, boolean consent) {
        return consent ? testCustomers.newConsentingCustomer(unit) : testCustomers.newCustomer(unit, "No Surveys " + UUID.randomUUID()
                .toString().substring(0, 5), "nosurvey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null);
    }

    private Optional<Long> invite(CustomerDetails customer, InvitationOrigin origin) {
        return SystemUser.call(() -> invitations.invite(customer.id(), origin, EnumSet.of(FeedbackKind.CSAT, FeedbackKind.NPS),
                Touchpoint.AFTER_PURCHASE, null, null));
    }

    @Test
    void onlyConsentingCustomersAreInvitedAndAtMostOncePerContactCap() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        CustomerDetails refusing = customer(staff.unitId(), false);

        assertThat(invite(refusing, InvitationOrigin.AFTER_DELIVERY)).isEmpty();
        assertThat(invite(consenting, InvitationOrigin.AFTER_DELIVERY)).isPresent();
        assertThat(invite(consenting, InvitationOrigin.AFTER_RESOLUTION)).as("within the 30-day cap").isEmpty();
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(invite(consenting, InvitationOrigin.AFTER_RESOLUTION)).as("after the cap").isPresent();
    }

    @Test
    void aRuleSwitchedOffInvitesNobody() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails consenting = customer(manager.unitId(), true);
        testUsers.signIn(manager);
        InvitationRules before = invitations.rules();
        assertThatThrownBy(() -> invitations.saveRules(new InvitationRules(false, true, 6, 30, 3, 30, 48)))
                .as("survey rules are company-wide: ADMIN's").isInstanceOf(AccessDeniedException.class);
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        testUsers.signIn(admin);
        try {
            invitations.saveRules(new InvitationRules(false, true, 6, 30, 3, 30, 48));
            assertThat(invite(consenting, InvitationOrigin.AFTER_DELIVERY)).isEmpty();
            assertThat(invite(consenting, InvitationOrigin.AFTER_RESOLUTION)).isPresent();
        } finally {
            testUsers.signIn(admin);
            invitations.saveRules(before);
        }
    }

    @Test
    void aDeliveredOrderInvitesTheCustomerAfterCommitThroughTheEventRegistry() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        testCustomers.newLateOrder(consenting, LocalDate.now().minusDays(8), "40.00");

        io.escalera.support.AfterCommitListeners.await(jdbc, "io.escalera.feedback.internal.InvitationTriggers");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE customer_id = ? AND origin = 'AFTER_DELIVERY' AND kinds = 'NPS,CSAT'")
                .param(consenting.id()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%OrderDelivered' AND COMPLETION_DATE IS NOT NULL")
                .query(Long.class).single()).as("the registry recorded and completed the publication").isPositive();
    }

    @Test
    void invitationsAreMailedWithAWorkingLinkAndOneReminderReplacesIt() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        long id = invite(consenting, InvitationOrigin.AFTER_DELIVERY).orElseThrow();
        mail.reset();

        SystemUser.call(() -> invitations.sendPending(10_000));
        MimeMessage invitation = mailTo(consenting.email());
        String firstToken = token(invitation);
        assertThat(invitation.getSubject()).isEqualTo("How did we do?");
        assertThat(GreenMailUtil.getBody(invitation)).contains("text/html").contains("text/plain");
        assertThat(surveys.open(firstToken, "mail-test").state()).isEqualTo(Survey.State.QUESTIONS);
        assertThat(SystemUser.call(() -> invitations.sendReminders(10_000))).as("not yet").isZero();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        mail.reset();
        SystemUser.call(() -> invitations.sendReminders(10_000));
        String reminderToken = token(mailTo(consenting.email()));
        assertThat(reminderToken).isNotEqualTo(firstToken);
        assertThat(surveys.open(firstToken, "mail-test").state()).as("the old link was replaced").isEqualTo(Survey.State.NOT_AVAILABLE);
        assertThat(surveys.answer(reminderToken, Map.of(FeedbackKind.NPS, 10, FeedbackKind.CSAT, 5), null, "mail-test"))
                .isEqualTo(Survey.State.ANSWERED);
        assertThat(jdbc.sql("SELECT reminded_at IS NOT NULL AND answered_at IS NOT NULL FROM survey_invitation WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    /**
     * A crash after the mail left but before it was marked sent: a database trigger makes the UPDATE that marks this
     * invitation sent (or reminded) fail, as a kill or a lost connection would at that moment. The job runs again and
     * must mail the SAME link, and that link must open the survey — never a second, different link and never a dead one.
     */
    @Test
    void aCrashBetweenMailAndMarkingItSentResendsTheSameWorkingLink() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        long id = invite(consenting, InvitationOrigin.AFTER_DELIVERY).orElseThrow();

        List<String> links = mailTwiceAcrossACrash(id, consenting.email(), "sent_at", () -> invitations.sendPending(10_000));
        assertThat(links.get(1)).as("the re-sent invitation carries the first mail's link").isEqualTo(links.get(0));
        assertThat(surveys.open(links.get(0), "crash-test").state()).as("the first mail's link works").isEqualTo(Survey.State.QUESTIONS);
        assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM survey_invitation WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(SystemUser.call(() -> invitations.sendPending(10_000))).as("marked sent: no third mail").isZero();
        assertThat(jdbc.sql("SELECT mail_token IS NULL FROM survey_invitation WHERE id = ?").param(id).query(Boolean.class).single())
                .as("once marked sent, only the link's hash is stored").isTrue();
    }

    @Test
    void handingOverAnInvitationWhoseMailMayHaveLeftGivesTheMailsLinkNotANewOne() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        long id = invite(consenting, InvitationOrigin.AFTER_DELIVERY).orElseThrow();
        mail.reset();
        jdbc.sql("CREATE TRIGGER test_crash_after_mail BEFORE UPDATE ON survey_invitation FOR EACH ROW "
                + "IF NEW.id = " + id + " AND NEW.mail_token IS NULL AND OLD.mail_token IS NOT NULL THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash after the mail left'; END IF").update();
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SystemUser.call(() -> invitations.sendPending(10_000)))).isNotNull();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS test_crash_after_mail").update();
        }
        String mailed = token(mailTo(consenting.email()));

        testUsers.signIn(staff);
        SurveyLink handed = invitations.handOver(id);
        SecurityContextHolder.clearContext();
        assertThat(handed.token()).as("the link the customer may already have").isEqualTo(mailed);
        assertThat(surveys.open(mailed, "handover-test").state()).isEqualTo(Survey.State.QUESTIONS);
    }

    @Test
    void aCrashBetweenReminderAndMarkingItRemindedResendsTheSameWorkingLink() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails consenting = customer(staff.unitId(), true);
        long id = invite(consenting, InvitationOrigin.AFTER_DELIVERY).orElseThrow();
        SystemUser.call(() -> invitations.sendPending(10_000));
        clock.advance(Duration.ofDays(3).plusMinutes(1));

        List<String> links = mailTwiceAcrossACrash(id, consenting.email(), "reminded_at", () -> invitations.sendReminders(10_000));
        assertThat(links.get(1)).as("the re-sent reminder carries the first reminder's link").isEqualTo(links.get(0));
        assertThat(surveys.open(links.get(0), "crash-test").state()).isEqualTo(Survey.State.QUESTIONS);
        assertThat(SystemUser.call(() -> invitations.sendReminders(10_000))).as("marked reminded: no third mail").isZero();
    }

    /** Runs the job with marking {@code column} failing for this invitation, then again without; the two mails' links. */
    private List<String> mailTwiceAcrossACrash(long id, String address, String column, java.util.function.Supplier<Integer> job) throws Exception {
        mail.reset();
        jdbc.sql("DROP TRIGGER IF EXISTS test_crash_after_mail").update();
        jdbc.sql("CREATE TRIGGER test_crash_after_mail BEFORE UPDATE ON survey_invitation FOR EACH ROW "
                + "IF NEW.id = " + id + " AND NEW." + column + " IS NOT NULL AND OLD." + column + " IS NULL THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash after the mail left'; END IF").update();
        try {
            Throwable crash = org.assertj.core.api.Assertions.catchThrowable(() -> SystemUser.call(job));
            assertThat(crash).as("marking it failed").isNotNull();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS test_crash_after_mail").update();
        }
        String first = token(mailTo(address));
        assertThat(surveys.open(first, "crash-test").state()).as("the mail that left before the crash has a working link")
                .isEqualTo(Survey.State.QUESTIONS);
        SystemUser.call(job);
        mail.waitForIncomingEmail(5_000, 2);
        List<String> tokens = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                tokens.add(token(m));
            }
        }
        assertThat(tokens).as("one mail before the crash, one after").hasSize(2);
        return tokens;
    }

    private static MimeMessage mailTo(String address) throws Exception {
        mail.waitForIncomingEmail(5_000, 1);
        return List.of(mail.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static String token(MimeMessage message) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("a survey link in the mail").isTrue();
        return matcher.group(1);
    }

    @Test
    void theRelationshipRoundInvitesEachConsentingBuyerOnceAndAnOutboxLinkWorks() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails buyer = customer(staff.unitId(), true);
        CustomerDetails prospect = customer(staff.unitId(), true);
        testCustomers.newOrder(buyer, LocalDate.now().minusDays(40), "25.00");

        SystemUser.call(invitations::inviteRelationship);
        SystemUser.call(invitations::inviteRelationship);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE customer_id = ? AND origin = 'RELATIONSHIP'").param(buyer.id())
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE customer_id = ?").param(prospect.id()).query(Long.class).single()).isZero();

        testUsers.signIn(staff);
        OutboxEntry entry = invitations.outbox(0, 50).stream().filter(o -> o.customerId() == buyer.id()).findFirst().orElseThrow();
        assertThat(entry.origin()).isEqualTo(InvitationOrigin.RELATIONSHIP);
        SurveyLink link = invitations.handOver(entry.id());
        SecurityContextHolder.clearContext();
        Survey survey = surveys.open(link.token(), "outbox-test");
        assertThat(survey.state()).isEqualTo(Survey.State.QUESTIONS);
        assertThat(survey.kinds()).containsExactly(FeedbackKind.NPS);
    }
}
