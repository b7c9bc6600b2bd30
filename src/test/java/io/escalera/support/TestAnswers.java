package io.escalera.support;

import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.security.Role;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Records real answers in the test database, as a STAFF colleague of the customer's unit. */
@Component
public class TestAnswers {

    private final FeedbackService feedback;
    private final TestUsers testUsers;

    public TestAnswers(FeedbackService feedback, TestUsers testUsers) {
        this.feedback = feedback;
        this.testUsers = testUsers;
    }

    /** An NPS answer for the customer, without changing who is signed in on this thread. */
    public void nps(CustomerDetails customer, int score) {
        answer(customer, FeedbackKind.NPS, score);
    }

    /** An answer of the kind for the customer, recorded by a colleague of their unit, without changing who is signed in. */
    public void answer(CustomerDetails customer, FeedbackKind kind, int score) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            testUsers.signIn(testUsers.newUserIn(Role.STAFF, customer.homeUnitId()));
            FeedbackForm form = new FeedbackForm();
            form.setCustomerId(customer.id());
            form.setKind(kind);
            form.setScore(score);
            feedback.record(form);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
