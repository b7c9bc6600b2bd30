package io.escalera.kpi.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.escalera.customer.SalesChannel;
import io.escalera.interaction.InteractionChannel;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiTarget;
import io.escalera.kpi.KpiTargetForm;
import io.escalera.kpi.KpiTargetService;
import io.escalera.security.UnitDirectory.UnitRef;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.FieldErrors;
import io.escalera.shared.ui.Notifications;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A new KPI target. A target beyond what history has ever shown comes back from the service as "confirm": the dialog
 * then says why, with the numbers, and asks for a confirmation and a rationale.
 */
class KpiTargetDialog extends Dialog {

    private final Binder<KpiTargetForm> binder = new Binder<>(KpiTargetForm.class);

    /**
     * @param companyWide whether the user may set company-wide and channel targets (ADMIN); others set their units'
     * @param explain     the plausibility warning for a form the service asked to confirm
     */
    KpiTargetDialog(KpiTargetService targets, List<UnitRef> units, boolean companyWide, String owner, LocalDate defaultDay,
                    Function<KpiTargetForm, String> explain, Runnable onSaved) {
        setHeaderTitle(getTranslation("kpi-target.new"));
        Select<Kpi> kpi = new Select<>();
        kpi.setId("target-kpi");
        kpi.setLabel(getTranslation("kpi.kpi"));
        kpi.setItems(Arrays.stream(Kpi.values()).filter(Kpi::fromDailyFacts).toList());
        kpi.setItemLabelGenerator(k -> getTranslation("kpi." + k));
        Select<KpiPeriod.Kind> kind = new Select<>();
        kind.setId("target-period-kind");
        kind.setLabel(getTranslation("kpi.period"));
        kind.setItems(KpiPeriod.Kind.MONTH, KpiPeriod.Kind.QUARTER, KpiPeriod.Kind.YEAR);
        kind.setItemLabelGenerator(k -> getTranslation("kpi.period." + k));
        DatePicker day = new DatePicker(getTranslation("kpi.period.day"));
        day.setId("target-period-day");
        Select<KpiTarget.Scope> scope = new Select<>();
        scope.setId("target-scope");
        scope.setLabel(getTranslation("kpi-target.scope"));
        // company-wide targets are ADMIN's: a manager sets targets for their own units
        scope.setItems(companyWide ? List.of(KpiTarget.Scope.values()) : List.of(KpiTarget.Scope.UNIT));
        scope.setItemLabelGenerator(s -> getTranslation("kpi-target.scope." + s));
        ComboBox<UnitRef> unit = new ComboBox<>(getTranslation("customers.filter.unit"));
        unit.setId("target-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitRef::label);
        Select<String> channel = new Select<>();
        channel.setId("target-channel");
        channel.setLabel(getTranslation("kpi.channel"));
        channel.setItems(channelNames());
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        scope.addValueChangeListener(e -> {
            unit.setVisible(e.getValue() == KpiTarget.Scope.UNIT);
            channel.setVisible(e.getValue() == KpiTarget.Scope.CHANNEL);
        });
        NumberField value = new NumberField(getTranslation("kpi-target.value"));
        value.setId("target-value");
        kpi.addValueChangeListener(e -> value.setHelperText(isPercent(e.getValue()) ? getTranslation("kpi-target.percent-help") : null));
        TextField ownerField = new TextField(getTranslation("kpi-target.owner"));
        ownerField.setId("target-owner");
        TextArea rationale = new TextArea(getTranslation("kpi-target.rationale"));
        rationale.setId("target-rationale");
        Paragraph warning = new Paragraph();
        warning.setId("target-warning");
        warning.setVisible(false);
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        Checkbox confirm = new Checkbox(getTranslation("kpi-target.confirm-anyway"));
        confirm.setId("target-confirm");
        confirm.setVisible(false);

        binder.forField(kpi).bind("kpi");
        binder.forField(kind).bind("periodKind");
        binder.forField(day).bind("periodDay");
        binder.forField(scope).bind("scope");
        binder.forField(unit).withConverter(u -> u == null ? null : u.id(), id -> unit.getValue()).bind("unitId");
        binder.forField(channel).bind("channel");
        binder.forField(value).withConverter(v -> toModel(v, kpi.getValue()), v -> toField(v, kpi.getValue()))
                .bind("value");
        binder.forField(ownerField).bind("owner");
        binder.forField(rationale).bind("rationale");
        KpiTargetForm form = new KpiTargetForm();
        form.setPeriodKind(KpiPeriod.Kind.QUARTER);
        form.setPeriodDay(defaultDay);
        form.setScope(companyWide ? KpiTarget.Scope.ALL : KpiTarget.Scope.UNIT);
        form.setOwner(owner);
        binder.setBean(form);
        // the value's converter reads the KPI: re-convert what was typed when the KPI changes
        kpi.addValueChangeListener(e -> form.setValue(toModel(value.getValue(), e.getValue())));

        FormLayout layout = new FormLayout(kpi, kind, day, scope, unit, channel, value, ownerField, rationale);
        layout.setColspan(rationale, 2);
        add(layout, warning, confirm);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                targets.save(form, confirm.getValue());
                Notifications.success(getTranslation("kpi-target.saved"));
                close();
                onSaved.run();
            } catch (FieldErrorsException ex) {
                if (ex.errors().stream().anyMatch(error -> error.messageKey().equals("kpi-target.confirm"))) {
                    warning.setText(explain.apply(form));
                    warning.setVisible(true);
                    confirm.setVisible(true);
                    rationale.setRequiredIndicatorVisible(true);
                } else {
                    FieldErrors.show(binder, ex, this);
                }
            }
        });
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                kpi.focus();
            }
        });
    }

    /** Percentages are typed as 85 for 85 %: the form holds 0.85. */
    private static Double toModel(Double typed, Kpi kpi) {
        return typed == null || !isPercent(kpi) ? typed : Double.valueOf(typed / 100);
    }

    private static Double toField(Double value, Kpi kpi) {
        return value == null || !isPercent(kpi) ? value : Double.valueOf(value * 100);
    }

    private static boolean isPercent(Kpi kpi) {
        return kpi != null && kpi.format() == Kpi.Format.PERCENT;
    }

    private static Set<String> channelNames() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(SalesChannel.values()).forEach(c -> names.add(c.name()));
        Arrays.stream(InteractionChannel.values()).forEach(c -> names.add(c.name()));
        return names;
    }
}
