package io.escalera.interaction.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerPageAction;
import io.escalera.customer.CustomerService;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.QuickLogEscalation;
import org.springframework.beans.factory.ObjectProvider;
import io.escalera.interaction.ReasonService;
import io.escalera.security.SignedInUsers;

/** "Log interaction" on the customer page, with the customer already chosen. */
@org.springframework.stereotype.Component
class LogInteractionCustomerAction implements CustomerPageAction {

    private final InteractionService interactions;
    private final ReasonService reasons;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final ObjectProvider<QuickLogEscalation> escalations;

    LogInteractionCustomerAction(InteractionService interactions, ReasonService reasons, CustomerService customers,
                                 SignedInUsers signedIn, ObjectProvider<QuickLogEscalation> escalations) {
        this.interactions = interactions;
        this.reasons = reasons;
        this.customers = customers;
        this.signedIn = signedIn;
        this.escalations = escalations;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(CustomerDetails customer, Runnable refresh) {
        Button button = new Button();
        button.setText(button.getTranslation("quick-log.button"));
        button.setIcon(VaadinIcon.COMMENT.create());
        button.setId("log-interaction");
        button.addClickListener(e -> new QuickLogDialog(interactions, reasons, customers, escalations.orderedStream().toList(), customer, refresh).open());
        button.setVisible(signedIn.isFrontLine());
        return button;
    }
}
