package io.escalera.feedback.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.server.VaadinSession;
import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.SurveyLink;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserlessApp;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30: a survey respondent's session is short — 10 minutes without a click while the questions are open, one
 * minute once the answer is saved — instead of the 30-minute idle timeout of staff sessions, so that thousands of
 * respondents after a mailing do not fill the heap. A signed-in user opening a link keeps their own timeout.
 */
@EscaleraTest
class RespondentSessionsTest {

    private static final int STAFF_TIMEOUT = 30 * 60;

    @Autowired ApplicationContext spring;
    @Autowired SurveyService surveys;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    private BrowserlessApp app;

    @BeforeEach
    void open() {
        app = new BrowserlessApp(spring);
    }

    @AfterEach
    void close() {
        app.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAnonymousRespondentsSessionIsShortAndEndsAMinuteAfterTheAnswer() {
        SurveyLink link = newLink();
        BrowserlessUIContext window = app.windowOf(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        VaadinSession.getCurrent().getSession().setMaxInactiveInterval(STAFF_TIMEOUT);

        window.navigate(link.path(), SurveyView.class);
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval()).as("while answering").isEqualTo(10 * 60);

        window.test(window.find(Button.class).withId("survey-nps-9").single()).click();
        window.test(window.find(Button.class).withId("survey-send").single()).click();
        assertThat(window.find(H1.class).withId("survey-message").single().getText()).isEqualTo("Thank you!");
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval()).as("once answered").isEqualTo(60);
    }

    @Test
    void aSignedInUserOpeningASurveyLinkKeepsTheirSessionsTimeout() {
        SurveyLink link = newLink();
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        BrowserlessUIContext window = app.windowOf(testUsers.authenticationOf(manager));
        VaadinSession.getCurrent().getSession().setMaxInactiveInterval(STAFF_TIMEOUT);

        window.navigate(link.path(), SurveyView.class);
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval()).isEqualTo(STAFF_TIMEOUT);
    }

    private SurveyLink newLink() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newConsentingCustomer(staff.unitId());
        testUsers.signIn(staff);
        try {
            return surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.AFTER_PURCHASE, Locale.ENGLISH, null, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
