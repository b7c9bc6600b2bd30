package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationForm;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.CompensationStatus;
import io.escalera.complaint.CompensationType;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.util.Currency;

/** Grants a compensation on a case; one above the STAFF limit is saved as waiting for a manager's approval. */
class CompensationDialog extends Dialog {

    private final Binder<CompensationForm> binder = new Binder<>(CompensationForm.class);

    CompensationDialog(CompensationService compensations, long caseId, Currency currency, Runnable onGranted) {
        setHeaderTitle(getTranslation("complaint.action.compensate"));
        Select<CompensationType> type = new Select<>();
        type.setId("compensation-type");
        type.setLabel(getTranslation("compensation.type"));
        type.setItems(CompensationType.values());
        type.setItemLabelGenerator(t -> getTranslation("compensation.type." + t));
        BigDecimalField amount = new BigDecimalField(getTranslation("compensation.amount"));
        amount.setId("compensation-amount");
        amount.setSuffixComponent(new Span(currency.getSymbol(getLocale())));
        TextField reason = new TextField(getTranslation("compensation.reason"));
        reason.setId("compensation-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        binder.forField(type).bind("type");
        binder.forField(amount).bind("amount");
        binder.forField(reason).bind("reason");
        CompensationForm form = new CompensationForm();
        binder.setBean(form);

        Button ok = new Button(getTranslation("complaint.action.compensate"), e -> {
            Compensation[] granted = new Compensation[1];
            try {
                if (FormSave.attempt(binder, this, () -> granted[0] = compensations.grantCompensation(caseId, form),
                        this::close, this::close)) {
                    close();
                    Notifications.success(getTranslation(granted[0].status() == CompensationStatus.PENDING_APPROVAL
                            ? "compensation.pending" : "compensation.granted"));
                    onGranted.run();
                }
            } catch (ActionRefusedException ex) {
                close();
                Notifications.error(getTranslation(ex.messageKey()));
            }
        });
        ok.setId("compensation-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(type, amount, reason));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                type.focus();
            }
        });
    }
}
