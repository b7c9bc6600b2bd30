package io.escalera.complaint.ui;

import io.escalera.complaint.ComplaintForm;
import io.escalera.complaint.ComplaintService;
import io.escalera.customer.CustomerService;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.QuickLogEscalation;
import org.springframework.stereotype.Component;

/** "This is a complaint" in the quick-log dialog: the interaction is logged, then a case opens prefilled from it. */
@Component
class ComplaintEscalation implements QuickLogEscalation {

    private final ComplaintService complaints;
    private final CustomerService customers;

    ComplaintEscalation(ComplaintService complaints, CustomerService customers) {
        this.complaints = complaints;
        this.customers = customers;
    }

    @Override
    public String labelKey() {
        return "quick-log.is-complaint";
    }

    @Override
    public void escalate(InteractionRow logged, Runnable done) {
        ComplaintForm form = new ComplaintForm();
        form.setCustomerId(logged.customerId());
        form.setChannel(logged.channel());
        form.setDescription(logged.summary());
        form.setSourceInteractionId(logged.id());
        new OpenComplaintDialog(complaints, customers, customers.get(logged.customerId()), form,
                opened -> ComplaintView.open(opened.id())).open();
    }
}
