package io.escalera.complaint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.escalera.complaint.ComplaintService;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerPageAction;
import io.escalera.customer.CustomerService;
import io.escalera.security.SignedInUsers;

/** "Open complaint" on the customer 360, with the customer already chosen. */
@org.springframework.stereotype.Component
class OpenComplaintCustomerAction implements CustomerPageAction {

    private final ComplaintService complaints;
    private final CustomerService customers;
    private final SignedInUsers signedIn;

    OpenComplaintCustomerAction(ComplaintService complaints, CustomerService customers, SignedInUsers signedIn) {
        this.complaints = complaints;
        this.customers = customers;
        this.signedIn = signedIn;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(CustomerDetails customer, Runnable refresh) {
        Button button = new Button();
        button.setText(button.getTranslation("complaint.new"));
        button.setIcon(VaadinIcon.EXCLAMATION_CIRCLE_O.create());
        button.setId("open-complaint");
        button.addClickListener(e -> new OpenComplaintDialog(complaints, customers, customer, null,
                opened -> ComplaintView.open(opened.id())).open());
        button.setVisible(signedIn.isFrontLine());
        return button;
    }
}
