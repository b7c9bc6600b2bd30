package io.escalera.complaint.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintForm;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.customer.OrderRow;
import io.escalera.interaction.InteractionChannel;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.Notifications;

import java.util.List;
import java.util.function.Consumer;

/**
 * Opens a complaint: the customer (typed, or given by the 360 / the quick log), one of their orders if it is about an
 * order, channel, category, severity and what the customer said. A late or incomplete order suggests its category.
 */
public class OpenComplaintDialog extends Dialog {

    private final ComplaintService complaints;
    private final BeanValidationBinder<ComplaintForm> binder = new BeanValidationBinder<>(ComplaintForm.class);
    private final ComboBox<CustomerSummary> customer = new ComboBox<>();
    private final ComboBox<OrderRow> order = new ComboBox<>();
    private final Select<ComplaintCategory> category = new Select<>();
    private final Consumer<ComplaintDetails> onOpened;
    private final ComplaintForm prefilled;

    public OpenComplaintDialog(ComplaintService complaints, CustomerService customers, CustomerDetails preselected,
                               ComplaintForm prefilled, Consumer<ComplaintDetails> onOpened) {
        this.complaints = complaints;
        this.onOpened = onOpened;
        this.prefilled = prefilled == null ? new ComplaintForm() : prefilled;
        setHeaderTitle(getTranslation("complaint.new"));
        setWidth("min(46rem, 96vw)");

        customer.setLabel(getTranslation("complaint.customer"));
        customer.setId("complaint-customer");
        customer.setPlaceholder(getTranslation("customers.search"));
        customer.setItemLabelGenerator(c -> c.externalCode() + " · " + c.name() + (c.phone() == null ? "" : " · " + c.phone()));
        customer.setItems(query -> customers.typeahead(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        customer.setWidthFull();
        customer.addValueChangeListener(e -> loadOrders(e.getValue()));

        order.setLabel(getTranslation("complaint.order"));
        order.setId("complaint-order");
        order.setPlaceholder(getTranslation("complaint.order.none"));
        order.setClearButtonVisible(true);
        order.setItemLabelGenerator(o -> o.externalId() + " · " + Formats.date(o.orderDate(), getLocale())
                + (o.late() ? " · " + getTranslation("orders.filter.late") : "")
                + (o.incomplete() ? " · " + getTranslation("orders.filter.incomplete") : ""));
        order.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && category.getValue() == null) {
                category.setValue(e.getValue().late() ? ComplaintCategory.LATE_DELIVERY
                        : e.getValue().incomplete() ? ComplaintCategory.INCOMPLETE_ORDER
                        : e.getValue().returnedAmount().signum() > 0 ? ComplaintCategory.RETURN_REFUND : null);
            }
        });
        Select<InteractionChannel> channel = new Select<>();
        channel.setLabel(getTranslation("complaint.channel"));
        channel.setItems(InteractionChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        category.setLabel(getTranslation("complaint.category"));
        category.setId("complaint-category");
        category.setItems(ComplaintCategory.values());
        category.setItemLabelGenerator(c -> c == null ? "" : getTranslation("complaint.category." + c));
        Select<Severity> severity = new Select<>();
        severity.setLabel(getTranslation("complaint.severity"));
        severity.setId("complaint-severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> getTranslation("complaint.severity." + s));
        TextArea description = new TextArea(getTranslation("complaint.description"));
        description.setId("complaint-description");
        description.setMaxLength(4000);
        description.setWidthFull();

        binder.forField(customer).asRequired(getTranslation("complaint.customer.required"))
                .withConverter(c -> c == null ? null : c.id(), id -> customer.getValue())
                .bind("customerId");
        binder.forField(order).withConverter(o -> o == null ? null : o.id(), id -> order.getValue()).bind("orderId");
        binder.forField(channel).bind("channel");
        binder.forField(category).asRequired(getTranslation("validation.required")).bind("category");
        binder.forField(severity).bind("severity");
        binder.forField(description).bind("description");
        if (preselected != null) {
            customer.setValue(new CustomerSummary(preselected.id(), preselected.externalCode(), preselected.name(),
                    preselected.email(), preselected.phone(), preselected.homeUnitId(), preselected.homeUnitName(),
                    preselected.acquisitionChannel(), preselected.createdAt()));
        }
        binder.readBean(this.prefilled);

        FormLayout form = new FormLayout(customer, order, channel, category, severity, description);
        form.setColspan(customer, 2);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form);

        Button open = new Button(getTranslation("complaint.open"), e -> save());
        open.setId("complaint-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), open);
        if (preselected == null) {
            customer.focus();
        } else {
            category.focus();
        }
    }

    private void loadOrders(CustomerSummary chosen) {
        List<OrderRow> rows = chosen == null ? List.of() : complaints.linkableOrders(chosen.id());
        order.setItems(rows);
        order.setEnabled(!rows.isEmpty());
    }

    private void save() {
        ComplaintForm form = new ComplaintForm();
        form.setSourceInteractionId(prefilled.getSourceInteractionId());
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        ComplaintDetails[] opened = new ComplaintDetails[1];
        if (FormSave.attempt(binder, this, () -> opened[0] = complaints.open(form), () -> { }, () -> { })) {
            Notifications.success(getTranslation("complaint.opened", opened[0].id()));
            close();
            onOpened.accept(opened[0]);
        }
    }
}
