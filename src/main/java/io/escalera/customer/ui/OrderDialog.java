package io.escalera.customer.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.escalera.security.Role;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Record an order for a customer (STAFF and up), or correct one (MANAGER and ADMIN). */
class OrderDialog extends Dialog {

    private final OrderService orders;
    private final BeanValidationBinder<OrderForm> binder = new BeanValidationBinder<>(OrderForm.class);
    private final Runnable onSaved;
    private OrderRow order;

    OrderDialog(OrderService orders, CustomerService customers, CustomerDetails customer, OrderRow order, Role role, Runnable onSaved) {
        this.orders = orders;
        this.order = order;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(order == null ? "orders.new" : "orders.edit") + " · " + customer.name());
        setWidth("min(48rem, 96vw)");

        TextField externalId = new TextField(getTranslation("order.external-id"));
        externalId.setId("order-external-id");
        DatePicker date = new DatePicker(getTranslation("order.date"));
        date.setId("order-date");
        date.setMax(LocalDate.now());
        Select<SalesChannel> channel = new Select<>();
        channel.setLabel(getTranslation("order.channel"));
        channel.setItems(SalesChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        List<UnitDirectory.UnitRef> units = customers.actableUnits();
        ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>(getTranslation("order.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        BigDecimalField gross = money("order.gross");
        gross.setId("order-gross");
        BigDecimalField discount = money("order.discount");
        BigDecimalField cost = money("order.cost");
        cost.setHelperText(getTranslation("order.cost.help"));
        DatePicker promised = new DatePicker(getTranslation("order.promised"));
        DatePicker delivered = new DatePicker(getTranslation("order.actual"));
        Select<Boolean> inFull = new Select<>();
        inFull.setLabel(getTranslation("order.in-full"));
        inFull.setItems(Boolean.TRUE, Boolean.FALSE);
        inFull.setEmptySelectionAllowed(true);
        inFull.setEmptySelectionCaption(getTranslation("order.in-full.unknown"));
        inFull.setItemLabelGenerator(b -> b == null ? getTranslation("order.in-full.unknown") : getTranslation(b ? "yes" : "no"));
        BigDecimalField returned = money("order.returned");
        TextField categories = new TextField(getTranslation("order.categories"));
        categories.setHelperText(getTranslation("order.categories.help"));

        binder.forField(externalId).bind("externalId");
        binder.forField(date).asRequired(getTranslation("validation.required")).bind("orderDate");
        binder.forField(channel).bind("channel");
        binder.forField(unit).asRequired(getTranslation("validation.required"))
                .withConverter(u -> u == null ? null : u.id(),
                        id -> id == null ? null : units.stream().filter(u -> u.id() == id).findFirst().orElse(null))
                .bind("unitId");
        binder.forField(gross).asRequired(getTranslation("validation.required")).bind("grossAmount");
        binder.forField(discount).withConverter(v -> v == null ? BigDecimal.ZERO : v, v -> v).bind("discount");
        binder.forField(cost).bind("costOfGoods");
        binder.forField(promised).bind("promisedDelivery");
        binder.forField(delivered).bind("actualDelivery");
        binder.forField(inFull).bind("deliveredInFull");
        binder.forField(returned).withConverter(v -> v == null ? BigDecimal.ZERO : v, v -> v).bind("returnedAmount");
        binder.forField(categories).bind("categories");

        OrderForm initial;
        if (order == null) {
            initial = new OrderForm();
            initial.setCustomerId(customer.id());
            initial.setExternalId("O" + LocalDate.now().toString().replace("-", "") + "-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
            initial.setOrderDate(LocalDate.now());
            initial.setUnitId(units.stream().anyMatch(u -> u.id() == customer.homeUnitId()) ? customer.homeUnitId() : null);
        } else {
            initial = OrderForm.of(order);
        }
        binder.readBean(initial);
        boolean editable = order == null || role == Role.MANAGER || role == Role.ADMIN;
        binder.setReadOnly(!editable);

        FormLayout form = new FormLayout(externalId, date, channel, unit, gross, discount, cost, promised, delivered, inFull,
                returned, categories);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(form);

        Button save = new Button(getTranslation("action.save"), e -> save(initial));
        save.setId("order-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setVisible(editable);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private BigDecimalField money(String labelKey) {
        BigDecimalField field = new BigDecimalField(getTranslation(labelKey));
        field.setLocale(getLocale());
        return field;
    }

    private void save(OrderForm initial) {
        OrderForm form = order == null ? initial : OrderForm.of(order);
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        store(form);
    }

    private void store(OrderForm form) {
        boolean saved = FormSave.attempt(binder, this,
                () -> {
                    if (order == null) {
                        orders.create(form);
                    } else {
                        orders.update(order.id(), form);
                    }
                },
                () -> {
                    order = orders.get(order.id());
                    binder.readBean(OrderForm.of(order));
                },
                () -> {
                    order = orders.get(order.id());
                    form.setVersion(order.version());
                    store(form);
                });
        if (saved) {
            Notifications.success(getTranslation("orders.saved", form.getExternalId()));
            close();
            onSaved.run();
        }
    }
}
