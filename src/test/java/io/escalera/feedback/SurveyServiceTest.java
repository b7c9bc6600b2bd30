package io.escalera.feedback;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.security.Role;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class SurveyServiceTest {

    @Autowired SurveyService surveys;
    @Autowired FeedbackService feedback;
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

    private CustomerDetails consentingCustomer(UserAccount staff) {
        return testCustomers.newConsentingCustomer(staff.unitId());
    }

    private static String address() {
        return "10.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    @Test
    void aTokenCarries256RandomBitsUrlSafeAndOnlyItsHashIsStored() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = consentingCustomer(staff);
        testUsers.signIn(staff);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SurveyLink link = surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, Locale.ENGLISH, null, null);
            assertThat(link.token()).matches("[A-Za-z0-9_-]{43}");
            tokens.add(link.token());
        }
        assertThat(tokens).hasSize(200);
        String token = tokens.iterator().next();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE token_hash = ?").param(SurveyService.hash(token)).query(Long.class).single()).isOne();
        assertThat(SurveyService.hash(token)).hasSize(64).isNotEqualTo(SurveyService.hash(token + "x"));
    }

    @Test
    void noLinkForACustomerWhoDidNotAgreeToSurveys() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        assertThatThrownBy(() -> surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, null, null, null))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("survey.no-consent"));
    }

    @Test
    void aLinkAsksItsQuestionsInItsLanguageAndAcceptsOneAnswer() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = consentingCustomer(staff);
        testUsers.signIn(staff);
        SurveyLink link = surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.CSAT, FeedbackKind.NPS), Touchpoint.AFTER_PURCHASE,
                Locale.forLanguageTag("es-ES"), null, null);
        SecurityContextHolder.clearContext();
        String address = address();

        Survey survey = surveys.open(link.token(), address);
        assertThat(survey.state()).isEqualTo(Survey.State.QUESTIONS);
        assertThat(survey.kinds()).containsExactly(FeedbackKind.NPS, FeedbackKind.CSAT);
        assertThat(survey.language().getLanguage()).isEqualTo("es");

        assertThat(surveys.answer(link.token(), Map.of(FeedbackKind.NPS, 3, FeedbackKind.CSAT, 2), "Llegó tarde", address))
                .isEqualTo(Survey.State.ANSWERED);
        assertThat(surveys.answer(link.token(), Map.of(FeedbackKind.NPS, 10, FeedbackKind.CSAT, 5), null, address))
                .isEqualTo(Survey.State.ALREADY_ANSWERED);
        assertThat(surveys.open(link.token(), address).state()).isEqualTo(Survey.State.ALREADY_ANSWERED);

        testUsers.signIn(staff);
        assertThat(feedback.latestNps(customer.id()).orElseThrow()).satisfies(nps -> {
            assertThat(nps.score()).isEqualTo(3);
            assertThat(nps.source()).isEqualTo(FeedbackSource.SURVEY_LINK);
            assertThat(nps.comment()).isEqualTo("Llegó tarde");
            assertThat(nps.touchpoint()).isEqualTo(Touchpoint.AFTER_PURCHASE);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE customer_id = ?").param(customer.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(feedback.followUps(true, 0, 10)).as("the detractor and the unhappy CSAT are followed up").hasSize(2);
    }

    @Test
    void ofTwoAnswersRacingForOneLinkExactlyOneIsKept() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = consentingCustomer(staff);
        testUsers.signIn(staff);
        SurveyLink link = surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, null, null, null);
        SecurityContextHolder.clearContext();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Survey.State>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int score = i;
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return surveys.answer(link.token(), Map.of(FeedbackKind.NPS, score + 5), null, address());
            }));
        }
        start.countDown();
        List<Survey.State> results = racers.stream().map(CompletableFuture::join).toList();

        assertThat(results).filteredOn(s -> s == Survey.State.ANSWERED).hasSize(1);
        assertThat(results).filteredOn(s -> s == Survey.State.ALREADY_ANSWERED).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE customer_id = ?").param(customer.id()).query(Long.class).single()).isOne();
    }

    @Test
    void expiredAndUnknownLinksLookTheSame() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = consentingCustomer(staff);
        testUsers.signIn(staff);
        SurveyLink link = surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, null, null, null);
        SecurityContextHolder.clearContext();
        clock.advance(Duration.ofDays(30).plusMinutes(1));

        Survey expired = surveys.open(link.token(), address());
        Survey unknown = surveys.open(link.token().substring(1) + "A", address());
        assertThat(expired).isEqualTo(unknown);
        assertThat(expired.state()).isEqualTo(Survey.State.NOT_AVAILABLE);
        assertThat(surveys.answer(link.token(), Map.of(FeedbackKind.NPS, 9), null, address())).isEqualTo(Survey.State.NOT_AVAILABLE);
    }

    @Test
    void oneAddressAskingTooOftenIsToldToWaitOthersAreNot() {
        String busy = address();
        for (int i = 0; i < 30; i++) {
            assertThat(surveys.open("no-such-token-" + i, busy).state()).isEqualTo(Survey.State.NOT_AVAILABLE);
        }
        assertThat(surveys.open("no-such-token", busy).state()).isEqualTo(Survey.State.TOO_MANY_REQUESTS);
        assertThat(surveys.open("no-such-token", address()).state()).isEqualTo(Survey.State.NOT_AVAILABLE);
    }
}
