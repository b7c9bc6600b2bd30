package io.escalera.kpi.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiTarget;
import io.escalera.kpi.KpiTargetForm;
import io.escalera.kpi.KpiTargetService;
import io.escalera.kpi.Plausibility;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;

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
        grid.addColumn(t -> KpiFormats.format(t.kpi(), t.value(), currency, getLocale())).setHeader(getTranslation("kpi-target.value")).setAutoWidth(true);
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
        boolean admin = signedIn.authenticated().map(u -> u.role() == Role.ADMIN).orElse(false);
        String owner = signedIn.authenticated().map(AuthenticatedUser::displayName).orElse("");
        new KpiTargetDialog(targets, customers.actableUnits(), admin, owner, LocalDate.now(clock).plusMonths(3),
                form -> explain(form, targets.check(form)), this::refresh).open();
    }

    /** "This target needs +38 points in one quarter; the best quarter so far was +6." */
    String explain(KpiTargetForm form, Plausibility plausibility) {
        Kpi kpi = form.getKpi();
        if ("kpi-target.out-of-bounds".equals(plausibility.messageKey())) {
            return getTranslation("kpi-target.out-of-bounds", getTranslation("kpi." + kpi),
                    KpiFormats.format(kpi, kpi.min(), currency, getLocale()),
                    kpi.max() == null ? "∞" : KpiFormats.format(kpi, kpi.max(), currency, getLocale()));
        }
        String period = getTranslation("kpi-target.one." + form.getPeriodKind());
        return getTranslation("kpi-target.beyond-history", signed(kpi, plausibility.neededChange()), period,
                signed(kpi, kpi.higherIsBetter() ? plausibility.bestChange() : -plausibility.bestChange()),
                KpiFormats.format(kpi, plausibility.baseline(), currency, getLocale()));
    }

    private String signed(Kpi kpi, double value) {
        String magnitude = KpiFormats.format(kpi, Math.abs(value), currency, getLocale());
        return (value >= 0 ? "+" : "−") + magnitude;
    }

    @Override
    public String titleKey() {
        return "nav.kpi-targets";
    }
}
