package io.escalera.customer.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerForm;
import io.escalera.customer.CustomerService;
import io.escalera.customer.PossibleDuplicate;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Create or edit a customer. While a new customer is typed, customers who may be the same person are shown so that
 * staff pick the existing one instead of creating a duplicate.
 */
public class CustomerDialog extends Dialog {

    private final CustomerService customers;
    private final BeanValidationBinder<CustomerForm> binder = new BeanValidationBinder<>(CustomerForm.class);
    private final Div duplicates = new Div();
    private final Consumer<CustomerDetails> onSaved;
    private CustomerDetails customer;

    public CustomerDialog(CustomerService customers, CustomerDetails customer, Consumer<CustomerDetails> onSaved) {
        this.customers = customers;
        this.customer = customer;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(customer == null ? "customers.new" : "customers.edit"));
        setWidth("min(48rem, 96vw)");

        TextField code = new TextField(getTranslation("customer.code"));
        code.setId("customer-code");
        TextField name = new TextField(getTranslation("customer.name"));
        name.setId("customer-name");
        EmailField email = new EmailField(getTranslation("customer.email"));
        email.setId("customer-email");
        TextField phone = new TextField(getTranslation("customer.phone"));
        phone.setId("customer-phone");
        phone.setHelperText(getTranslation("customer.phone.help"));
        DatePicker birthDate = new DatePicker(getTranslation("customer.birth-date"));
        birthDate.setMax(LocalDate.now());
        List<UnitDirectory.UnitRef> units = customers.actableUnits();
        ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>(getTranslation("customer.unit"));
        unit.setId("customer-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        Select<AcquisitionChannel> channel = new Select<>();
        channel.setLabel(getTranslation("customer.channel"));
        channel.setItems(AcquisitionChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        Checkbox consent = new Checkbox(getTranslation("customer.survey-consent"));

        binder.forField(code).bind("externalCode");
        binder.forField(name).bind("name");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(birthDate).withValidator(d -> d == null || !d.isAfter(LocalDate.now()),
                getTranslation("customer.birth-date.future")).bind("birthDate");
        binder.forField(unit).asRequired(getTranslation("customer.unit.required"))
                .withConverter(u -> u == null ? null : u.id(),
                        id -> id == null ? null : units.stream().filter(u -> u.id() == id).findFirst().orElse(null))
                .bind("homeUnitId");
        binder.forField(channel).bind("acquisitionChannel");
        binder.forField(consent).bind("surveyConsent");

        CustomerForm initial = customer == null ? newCustomerForm(units) : CustomerForm.of(customer);
        binder.readBean(initial);

        for (var field : List.of(name, email, phone)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> showPossibleDuplicates());
        }
        unit.addValueChangeListener(e -> showPossibleDuplicates());

        FormLayout form = new FormLayout(code, name, email, phone, birthDate, unit, channel, consent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        duplicates.addClassName("possible-duplicates");
        duplicates.setId("possible-duplicates");
        add(form, duplicates);

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("customer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        name.focus();
    }

    private CustomerForm newCustomerForm(List<UnitDirectory.UnitRef> units) {
        CustomerForm form = new CustomerForm();
        form.setExternalCode("C" + LocalDate.now().toString().replace("-", "").substring(2)
                + "-" + ThreadLocalRandom.current().nextInt(10_000, 100_000));
        if (units.size() == 1) {
            form.setHomeUnitId(units.getFirst().id());
        }
        return form;
    }

    private void showPossibleDuplicates() {
        duplicates.removeAll();
        CustomerForm draft = new CustomerForm();
        binder.writeBeanAsDraft(draft, true);
        List<PossibleDuplicate> found = customers.possibleDuplicates(draft, customer == null ? null : customer.id());
        if (found.isEmpty()) {
            return;
        }
        duplicates.add(new H4(getTranslation("duplicate.title")));
        for (PossibleDuplicate d : found) {
            Div row = new Div();
            row.addClassName("duplicate-row");
            Span who = new Span(d.externalCode() + " · " + d.name() + (d.email() == null ? "" : " · " + d.email())
                    + (d.phone() == null ? "" : " · " + d.phone()) + " — " + getTranslation(d.reason()));
            Button open = new Button(getTranslation("duplicate.open"), e -> {
                close();
                getUI().ifPresent(ui -> ui.navigate(CustomerView.class, d.id()));
            });
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(who, open);
            duplicates.add(row);
        }
    }

    private void save() {
        CustomerForm form = customer == null ? new CustomerForm() : CustomerForm.of(customer);
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        store(form);
    }

    private void store(CustomerForm form) {
        CustomerDetails[] saved = new CustomerDetails[1];
        boolean ok = FormSave.attempt(binder, this,
                () -> saved[0] = customer == null ? customers.create(form) : customers.update(customer.id(), form),
                () -> {
                    customer = customers.get(customer.id());
                    binder.readBean(CustomerForm.of(customer));
                },
                () -> {
                    customer = customers.get(customer.id());
                    form.setVersion(customer.version());
                    store(form);
                });
        if (ok) {
            Notifications.success(getTranslation("customers.saved", saved[0].name()));
            close();
            onSaved.accept(saved[0]);
        }
    }
}
