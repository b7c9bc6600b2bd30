package io.escalera.kpi.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.customer.SalesChannel;
import io.escalera.interaction.InteractionChannel;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiTarget;
import io.escalera.kpi.KpiTargetForm;
import io.escalera.kpi.KpiTargetService;
import io.escalera.kpi.Plausibility;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * MANAGER and ADMIN set KPI targets per period and scope, with owner and rationale. A target beyond what history has
 * ever shown is refused until confirmed with a rationale, and the form says why, with the numbers.
 */
@Route("kpi/targets")
@Menu(title = "nav.kpi-targets", order = 21.3, icon = "vaadin:flag-checkered")
@RolesAllowed({"MANAGER", "ADMIN"})
public class KpiTargetsView extends VerticalLayout implements LocalizedTitle {

    private final KpiTargetService targets;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final Currency currency;
    private final Clock clock;
    private final Grid<KpiTarget> grid = new Grid<>();

    public KpiTargetsView(KpiTargetService targets, CustomerService customers, SignedInUsers signedIn, GeneralSettingsService general,
                          Clock clock) {
        this.targets = targets;
        this.customers = customers;
        this.signedIn = signedIn;
        this.currency = general.currency();
        this.clock = clock;
        setSizeFull();
        Button add = new Button(getTranslation("kpi-target.new"), e -> openForm());
        add.setId("kpi-target-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("kpi-targets");
        grid.addColumn(t -> getTranslation("kpi." + t.kpi())).setHeader(getTranslation("kpi.kpi")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("kpi.period." + t.period().kind()) + " " + Formats.date(t.period().from(), getLocale()))
                .setHeader(getTranslation("kpi.period")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("kpi-target.scope." + t.scope()) + (t.channel() != null ? " " + getTranslation("channel." + t.channel()) : ""))
                .setHeader(getTranslation("kpi-target.scope")).setAutoWidth(true);
        grid.addColumn(t -> KpiBoardsView.formatIn(t.kpi(), t.value(), currency, getLocale())).setHeader(getTranslation("kpi-target.value")).setAutoWidth(true);
        grid.addColumn(KpiTarget::owner).setHeader(getTranslation("kpi-target.owner")).setAutoWidth(true);
        grid.addColumn(t -> (t.implausible() ? "⚠ " : "") + (t.rationale() == null ? "" : t.rationale())).setHeader(getTranslation("kpi-target.rationale")).setFlexGrow(2);
        grid.addComponentColumn(t -> {
            Button delete = new Button(getTranslation("action.delete"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("kpi-target.delete.title"), getTranslation("kpi-target.delete.text"),
                        getTranslation("action.delete"), ok -> {
                    targets.delete(t.id());
                    refresh();
                });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return delete;
        }).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("kpi-target.none"));
        add(add, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(targets.list());
    }

    private void openForm() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("kpi-target.new"));
        KpiTargetForm form = new KpiTargetForm();
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
        kind.setValue(KpiPeriod.Kind.QUARTER);
        DatePicker day = new DatePicker(getTranslation("kpi.period.day"), LocalDate.now(clock).plusMonths(3));
        day.setId("target-period-day");
        Select<KpiTarget.Scope> scope = new Select<>();
        scope.setId("target-scope");
        scope.setLabel(getTranslation("kpi-target.scope"));
        scope.setItems(KpiTarget.Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("kpi-target.scope." + s));
        ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>(getTranslation("customers.filter.unit"));
        unit.setId("target-unit");
        unit.setItems(customers.actableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        Set<String> channelNames = new LinkedHashSet<>();
        Arrays.stream(SalesChannel.values()).forEach(c -> channelNames.add(c.name()));
        Arrays.stream(InteractionChannel.values()).forEach(c -> channelNames.add(c.name()));
        Select<String> channel = new Select<>();
        channel.setId("target-channel");
        channel.setLabel(getTranslation("kpi.channel"));
        channel.setItems(channelNames);
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        scope.addValueChangeListener(e -> {
            unit.setVisible(e.getValue() == KpiTarget.Scope.UNIT);
            channel.setVisible(e.getValue() == KpiTarget.Scope.CHANNEL);
        });
        // company-wide targets are ADMIN's: a manager sets targets for their own units
        boolean admin = signedIn.authenticated().map(u -> u.role().name().equals("ADMIN")).orElse(false);
        if (!admin) {
            scope.setItems(KpiTarget.Scope.UNIT);
        }
        scope.setValue(admin ? KpiTarget.Scope.ALL : KpiTarget.Scope.UNIT);
        NumberField value = new NumberField(getTranslation("kpi-target.value"));
        value.setId("target-value");
        kpi.addValueChangeListener(e -> value.setHelperText(e.getValue() != null && e.getValue().format() == Kpi.Format.PERCENT
                ? getTranslation("kpi-target.percent-help") : null));
        TextField owner = new TextField(getTranslation("kpi-target.owner"));
        owner.setId("target-owner");
        owner.setValue(signedIn.authenticated().map(u -> u.displayName()).orElse(""));
        TextArea rationale = new TextArea(getTranslation("kpi-target.rationale"));
        rationale.setId("target-rationale");
        Paragraph warning = new Paragraph();
        warning.setId("target-warning");
        warning.setVisible(false);
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        Checkbox confirm = new Checkbox(getTranslation("kpi-target.confirm-anyway"));
        confirm.setId("target-confirm");
        confirm.setVisible(false);
        FormLayout layout = new FormLayout(kpi, kind, day, scope, unit, channel, value, owner, rationale);
        layout.setColspan(rationale, 2);
        dialog.add(layout, warning, confirm);
        Button save = new Button(getTranslation("action.save"), e -> {
            form.setKpi(kpi.getValue());
            form.setPeriodKind(kind.getValue());
            form.setPeriodDay(day.getValue());
            form.setScope(scope.getValue());
            form.setUnitId(unit.getValue() == null ? null : unit.getValue().id());
            form.setChannel(channel.getValue());
            // shares are typed as percentages (85 for 85 %)
            form.setValue(value.getValue() == null ? null
                    : kpi.getValue() != null && kpi.getValue().format() == Kpi.Format.PERCENT ? value.getValue() / 100 : value.getValue());
            form.setOwner(owner.getValue());
            form.setRationale(rationale.getValue());
            try {
                targets.save(form, confirm.getValue());
                Notifications.success(getTranslation("kpi-target.saved"));
                dialog.close();
                refresh();
            } catch (FieldErrorsException ex) {
                for (FieldErrorsException.FieldError error : ex.errors()) {
                    switch (error.field()) {
                        case "value" -> {
                            if (error.messageKey().equals("kpi-target.confirm")) {
                                warning.setText(explain(form, targets.check(form)));
                                warning.setVisible(true);
                                confirm.setVisible(true);
                                rationale.setRequiredIndicatorVisible(true);
                            } else {
                                value.setInvalid(true);
                                value.setErrorMessage(getTranslation(error.messageKey()));
                            }
                        }
                        case "rationale" -> {
                            rationale.setInvalid(true);
                            rationale.setErrorMessage(getTranslation(error.messageKey()));
                        }
                        case "kpi" -> {
                            kpi.setInvalid(true);
                            kpi.setErrorMessage(getTranslation(error.messageKey()));
                        }
                        case "owner" -> {
                            owner.setInvalid(true);
                            owner.setErrorMessage(getTranslation(error.messageKey()));
                        }
                        case "scope" -> {
                            scope.setInvalid(true);
                            scope.setErrorMessage(getTranslation(error.messageKey()));
                        }
                        default -> {
                            day.setInvalid(true);
                            day.setErrorMessage(getTranslation(error.messageKey()));
                        }
                    }
                }
            }
        });
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        kpi.focus();
    }

    /** "This target needs +38 points in one quarter; the best quarter so far was +6." */
    String explain(KpiTargetForm form, Plausibility plausibility) {
        Kpi kpi = form.getKpi();
        if ("kpi-target.out-of-bounds".equals(plausibility.messageKey())) {
            return getTranslation("kpi-target.out-of-bounds", getTranslation("kpi." + kpi),
                    KpiBoardsView.formatIn(kpi, kpi.min(), currency, getLocale()),
                    kpi.max() == null ? "∞" : KpiBoardsView.formatIn(kpi, kpi.max(), currency, getLocale()));
        }
        String period = getTranslation("kpi-target.one." + form.getPeriodKind());
        return getTranslation("kpi-target.beyond-history", signed(kpi, plausibility.neededChange()), period,
                signed(kpi, kpi.higherIsBetter() ? plausibility.bestChange() : -plausibility.bestChange()),
                KpiBoardsView.formatIn(kpi, plausibility.baseline(), currency, getLocale()));
    }

    private String signed(Kpi kpi, double value) {
        String magnitude = KpiBoardsView.formatIn(kpi, Math.abs(value), currency, getLocale());
        return (value >= 0 ? "+" : "−") + magnitude;
    }

    @Override
    public String titleKey() {
        return "nav.kpi-targets";
    }
}
