package io.escalera.interaction.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.escalera.customer.CustomerService;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.QuickLogEscalation;
import io.escalera.interaction.ReasonService;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.ui.HeaderAction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Log interaction" in the header of every screen, and Alt+Shift+L anywhere. */
@Component
class QuickLogHeaderAction implements HeaderAction {

    private final InteractionService interactions;
    private final ReasonService reasons;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final ObjectProvider<QuickLogEscalation> escalations;

    QuickLogHeaderAction(InteractionService interactions, ReasonService reasons, CustomerService customers, SignedInUsers signedIn, ObjectProvider<QuickLogEscalation> escalations) {
        this.interactions = interactions;
        this.reasons = reasons;
        this.customers = customers;
        this.signedIn = signedIn;
        this.escalations = escalations;
    }

    @Override
    public boolean availableToCurrentUser() {
        return signedIn.isFrontLine();
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        Button button = new Button();
        button.setText(button.getTranslation("quick-log.button"));
        button.setIcon(VaadinIcon.PHONE.create());
        button.setId("quick-log");
        button.setTooltipText(button.getTranslation("quick-log.shortcut"));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        button.addClickListener(e -> new QuickLogDialog(interactions, reasons, customers, escalations.orderedStream().toList(), null, refreshCurrentView(button)).open());
        button.addClickShortcut(Key.KEY_L, KeyModifier.ALT, KeyModifier.SHIFT);
        return button;
    }

    /** After logging, the current screen (e.g. a customer page) redraws so that the new entry shows. */
    private static Runnable refreshCurrentView(com.vaadin.flow.component.Component anchor) {
        return () -> anchor.getUI().ifPresent(ui -> ui.getPage().reload());
    }
}
