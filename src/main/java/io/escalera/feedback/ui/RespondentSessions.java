package io.escalera.feedback.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.escalera.security.SignedInUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long a survey respondent's HTTP session lives (issue 30). A respondent's session (and the survey page's UI in
 * it) used to live for the 30-minute idle timeout after they left: thousands of respondents after a mailing filled
 * the heap. An anonymous visitor's session now ends after {@code escalera.survey.session-timeout} (10 min) without a
 * click, and once the answer is saved after {@code escalera.survey.session-after-answer} (1 min): the thank-you page
 * needs nothing more. The session of a signed-in user who opens a survey link keeps its own timeout.
 */
@Component
class RespondentSessions {

    private final SignedInUsers signedIn;
    private final int openSeconds;
    private final int answeredSeconds;

    RespondentSessions(SignedInUsers signedIn,
                       @Value("${escalera.survey.session-timeout:PT10M}") Duration open,
                       @Value("${escalera.survey.session-after-answer:PT1M}") Duration answered) {
        this.signedIn = signedIn;
        this.openSeconds = Math.toIntExact(Math.max(1, open.toSeconds()));
        this.answeredSeconds = Math.toIntExact(Math.max(1, answered.toSeconds()));
    }

    /** The survey page was opened: an anonymous visitor's session gets the short timeout. */
    void opened() {
        limit(openSeconds);
    }

    /** The answer is saved (or the link was already used up): the session ends soon. */
    void done() {
        limit(answeredSeconds);
    }

    private void limit(int seconds) {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin == null || signedIn.authenticated().isPresent()) {
            return;
        }
        WrappedSession session = vaadin.getSession();
        if (session != null && (session.getMaxInactiveInterval() <= 0 || session.getMaxInactiveInterval() > seconds)) {
            session.setMaxInactiveInterval(seconds);
        }
    }
}
