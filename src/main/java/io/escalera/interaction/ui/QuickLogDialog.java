package io.escalera.interaction.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.customer.ui.CustomerDialog;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.QuickLogEscalation;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.Reason;
import io.escalera.interaction.ReasonService;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.time.LocalDate;
import java.util.List;

/**
 * Log a call, e-mail or visit in seconds: find the customer by typing, channel and reason come pre-filled with the
 * user's usual ones, a summary, done. An unknown caller is created without leaving the dialog.
 */
public class QuickLogDialog extends Dialog {

    private final InteractionService interactions;
    private final BeanValidationBinder<InteractionForm> binder = new BeanValidationBinder<>(InteractionForm.class);
    private final ComboBox<CustomerSummary> customer = new ComboBox<>();
    private final Runnable onSaved;

    /** @param escalations offers such as "this is a complaint": save the interaction, then open the follow-on form */
    public QuickLogDialog(InteractionService interactions, ReasonService reasons, CustomerService customers,
                          List<QuickLogEscalation> escalations, CustomerDetails preselected, Runnable onSaved) {
        this.interactions = interactions;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("quick-log.title"));
        setWidth("min(44rem, 96vw)");

        customer.setLabel(getTranslation("interaction.customer"));
        customer.setId("quick-log-customer");
        customer.setPlaceholder(getTranslation("customers.search"));
        customer.setItemLabelGenerator(c -> c.externalCode() + " · " + c.name() + (c.phone() == null ? "" : " · " + c.phone()));
        customer.setItems(query -> customers.typeahead(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        customer.setWidthFull();
        Button newCustomer = new Button(getTranslation("customers.new"), VaadinIcon.PLUS.create(),
                e -> new CustomerDialog(customers, null, created -> customer.setValue(new CustomerSummary(created.id(),
                        created.externalCode(), created.name(), created.email(), created.phone(), created.homeUnitId(),
                        created.homeUnitName(), created.acquisitionChannel(), created.createdAt()))).open());
        newCustomer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout who = new HorizontalLayout(customer, newCustomer);
        who.setAlignItems(FlexComponent.Alignment.BASELINE);
        who.setWidthFull();

        Select<InteractionChannel> channel = new Select<>();
        channel.setLabel(getTranslation("interaction.channel"));
        channel.setItems(InteractionChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        RadioButtonGroup<Direction> direction = new RadioButtonGroup<>(getTranslation("interaction.direction"));
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(d -> getTranslation("interaction.direction." + d));
        List<Reason> activeReasons = reasons.active();
        Select<Reason> reason = new Select<>();
        reason.setLabel(getTranslation("interaction.reason"));
        reason.setId("quick-log-reason");
        reason.setItems(activeReasons);
        reason.setItemLabelGenerator(Reason::name);
        TextArea summary = new TextArea(getTranslation("interaction.summary"));
        summary.setId("quick-log-summary");
        summary.setMaxLength(2000);
        summary.setWidthFull();
        Checkbox resolved = new Checkbox(getTranslation("interaction.resolved-first-contact"));
        IntegerField minutes = new IntegerField(getTranslation("interaction.minutes"));
        minutes.setMin(0);
        minutes.setMax(1440);
        minutes.setStepButtonsVisible(true);
        DatePicker followUp = new DatePicker(getTranslation("interaction.follow-up"));
        followUp.setMin(LocalDate.now());
        followUp.setClearButtonVisible(true);

        binder.forField(customer).asRequired(getTranslation("interaction.customer.required"))
                .withConverter(c -> c == null ? null : c.id(), id -> customer.getValue())
                .bind("customerId");
        binder.forField(channel).bind("channel");
        binder.forField(direction).bind("direction");
        binder.forField(reason).asRequired(getTranslation("interaction.reason.required"))
                .withConverter(r -> r == null ? null : r.id(),
                        id -> id == null ? null : activeReasons.stream().filter(r -> r.id() == id).findFirst().orElse(null))
                .bind("reasonId");
        binder.forField(summary).bind("summary");
        binder.forField(resolved).bind("resolvedFirstContact");
        binder.forField(minutes).bind("minutes");
        binder.forField(followUp).withValidator(d -> d == null || !d.isBefore(LocalDate.now()),
                getTranslation("interaction.follow-up.past")).bind("followUpOn");

        InteractionForm initial = interactions.newForm(preselected == null ? null : preselected.id());
        if (preselected != null) {
            customer.setValue(new CustomerSummary(preselected.id(), preselected.externalCode(), preselected.name(),
                    preselected.email(), preselected.phone(), preselected.homeUnitId(), preselected.homeUnitName(),
                    preselected.acquisitionChannel(), preselected.createdAt()));
        }
        binder.readBean(initial);

        FormLayout form = new FormLayout(channel, direction, reason, minutes, summary, resolved, followUp);
        form.setColspan(summary, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(who, form);

        Button save = new Button(getTranslation("action.save"), e -> save(null));
        save.setId("quick-log-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).setEventPropagationAllowed(false);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
        for (QuickLogEscalation escalation : escalations) {
            Button escalate = new Button(getTranslation(escalation.labelKey()), VaadinIcon.EXCLAMATION_CIRCLE_O.create(),
                    e -> save(escalation));
            escalate.setId("quick-log-escalate-" + escalations.indexOf(escalation));
            escalate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(escalate);
        }
        getFooter().add(save);
        if (preselected == null) {
            customer.focus();
        } else {
            summary.focus();
        }
    }

    /** Saves the interaction; then, if asked, hands it to an escalation (e.g. opens a complaint prefilled from it). */
    private void save(QuickLogEscalation escalation) {
        InteractionForm form = new InteractionForm();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        InteractionRow[] logged = new InteractionRow[1];
        if (FormSave.attempt(binder, this, () -> logged[0] = interactions.log(form), () -> { }, () -> { })) {
            Notifications.success(getTranslation("quick-log.saved"));
            close();
            if (escalation != null) {
                escalation.escalate(logged[0], onSaved);
            } else {
                onSaved.run();
            }
        }
    }
}
