package io.escalera.feedback.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintPageAction;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.customer.CustomerService;
import io.escalera.feedback.FeedbackService;
import io.escalera.security.SignedInUsers;

/** On a resolved case: record what the customer says about how it was handled (linked to the case). */
@org.springframework.stereotype.Component
class RecordScoreOnResolvedCase implements ComplaintPageAction {

    private final FeedbackService feedback;
    private final CustomerService customers;
    private final SignedInUsers signedIn;

    RecordScoreOnResolvedCase(FeedbackService feedback, CustomerService customers, SignedInUsers signedIn) {
        this.feedback = feedback;
        this.customers = customers;
        this.signedIn = signedIn;
    }

    @Override
    public Component create(ComplaintDetails complaint, Runnable refresh) {
        boolean frontLine = signedIn.isFrontLine();
        if (!frontLine || (complaint.status() != ComplaintStatus.RESOLVED && complaint.status() != ComplaintStatus.CLOSED)) {
            return null;
        }
        Button button = new Button();
        button.setText(button.getTranslation("feedback.record"));
        button.setIcon(VaadinIcon.STAR_O.create());
        button.setId("case-record-score");
        button.addClickListener(e -> new RecordScoreDialog(feedback, customers.get(complaint.customerId()), null, complaint.id(), refresh).open());
        return button;
    }
}
