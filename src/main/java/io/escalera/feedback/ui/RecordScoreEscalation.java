package io.escalera.feedback.ui;

import io.escalera.customer.CustomerService;
import io.escalera.feedback.FeedbackService;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.QuickLogEscalation;
import org.springframework.stereotype.Component;

/** "Record a score" in the quick-log dialog: the interaction is logged, then the score dialog opens, linked to it. */
@Component
class RecordScoreEscalation implements QuickLogEscalation {

    private final FeedbackService feedback;
    private final CustomerService customers;

    RecordScoreEscalation(FeedbackService feedback, CustomerService customers) {
        this.feedback = feedback;
        this.customers = customers;
    }

    @Override
    public String labelKey() {
        return "quick-log.record-score";
    }

    @Override
    public void escalate(InteractionRow logged, Runnable done) {
        new RecordScoreDialog(feedback, customers.get(logged.customerId()), logged.id(), null, done).open();
    }
}
