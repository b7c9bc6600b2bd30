package io.escalera.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.customer.ReferralService;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.Notifications;

import java.time.LocalDate;

/** Record who referred this customer. */
class ReferralDialog extends Dialog {

    ReferralDialog(ReferralService referrals, CustomerService customers, CustomerDetails referred, Runnable onSaved) {
        setHeaderTitle(getTranslation("referrals.new") + " · " + referred.name());
        ComboBox<CustomerSummary> referrer = new ComboBox<>(getTranslation("referral.referrer"));
        referrer.setWidthFull();
        referrer.setItemLabelGenerator(c -> c.externalCode() + " · " + c.name());
        referrer.setItems(query -> customers.typeahead(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        DatePicker on = new DatePicker(getTranslation("referral.date"), LocalDate.now());
        on.setMax(LocalDate.now());
        add(new FormLayout(referrer, on));
        Button save = new Button(getTranslation("action.save"), e -> {
            if (referrer.getValue() == null) {
                referrer.setErrorMessage(getTranslation("validation.required"));
                referrer.setInvalid(true);
                return;
            }
            try {
                referrals.record(referrer.getValue().id(), referred.id(), on.getValue());
                Notifications.success(getTranslation("referral.saved"));
                close();
                onSaved.run();
            } catch (FieldErrorsException ex) {
                referrer.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
                referrer.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
