package io.escalera.value.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerPageAction;
import io.escalera.customer.CustomerService;
import io.escalera.customer.ui.CustomerView;
import io.escalera.customer.ui.UnitPicker;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.Pages;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.BackgroundWork;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.StreamingDownload;
import io.escalera.value.BackTest;
import io.escalera.value.ValueService;
import io.escalera.value.ValuedCustomer;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The early-warning worklist: active customers whose risk score passed the threshold, by risk × value, with the
 * reasons in words and who worked them since; the silent decliners (no complaint, no low score) on their own; and
 * the back-test of the rule against history, on the same screen.
 */
@Route("value/at-risk")
@Menu(title = "nav.at-risk", order = 21.7, icon = "vaadin:warning")
@RolesAllowed({"MANAGER", "ADMIN"})
public class AtRiskView extends VerticalLayout implements LocalizedTitle {

    static final List<Integer> BACK_TEST_MONTHS = List.of(3, 6, 12);

    private final ValueService values;
    private final CustomerService customers;
    private final ObjectProvider<CustomerPageAction> actions;
    private final I18NProvider i18n;
    private final Currency currency;
    private final UnitPicker units;
    private final Checkbox silentOnly = new Checkbox();
    private final Span counts = new Span();
    private final Grid<ValuedCustomer> grid = new Grid<>();
    private final Grid<BackTest> backTests = new Grid<>();
    private final ProgressBar progress = new ProgressBar();

    public AtRiskView(ValueService values, CustomerService customers, ObjectProvider<CustomerPageAction> actions,
                      I18NProvider i18n, GeneralSettingsService settings) {
        this.values = values;
        this.customers = customers;
        this.actions = actions;
        this.i18n = i18n;
        this.currency = settings.currency();
        this.units = new UnitPicker(customers, "at-risk");
        silentOnly.setId("at-risk-silent");
        silentOnly.setLabel(getTranslation("value.at-risk.silent-only"));
        counts.setId("at-risk-counts");
        HorizontalLayout filters = new HorizontalLayout(units, silentOnly, counts);
        StreamingDownload.exportLinks(this, "at-risk", this::export).forEach(filters::add);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        units.addChangeListener(this::refresh);
        silentOnly.addValueChangeListener(e -> refresh());
        configureGrid();
        progress.setVisible(false);
        progress.setWidth("20rem");
        add(new Paragraph(getTranslation("value.at-risk.intro", values.rules().riskThreshold())), filters, grid,
                backTestBox(), progress);
        setSizeFull();
        refresh();
    }

    private void configureGrid() {
        grid.setId("at-risk-grid");
        grid.addColumn(ValuedCustomer::name).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid.addColumn(ValuedCustomer::unitName).setHeader(getTranslation("customer.unit")).setAutoWidth(true);
        grid.addColumn(ValuedCustomer::riskScore).setHeader(getTranslation("value.header.risk")).setAutoWidth(true);
        grid.addColumn(c -> RiskReasonText.describe(c.riskReasons(), getLocale(), i18n)).setHeader(getTranslation("value.at-risk.reasons")).setFlexGrow(5);
        grid.addColumn(c -> Formats.money(c.economicValue().add(c.strategicValue()), currency, getLocale()))
                .setHeader(getTranslation("value.at-risk.value")).setAutoWidth(true);
        grid.addColumn(c -> c.tier() == null ? "—" : c.tier().name()).setHeader(getTranslation("value.header.tier")).setAutoWidth(true);
        grid.addColumn(c -> Formats.date(c.flaggedOn(), getLocale())).setHeader(getTranslation("value.at-risk.flagged")).setAutoWidth(true);
        grid.addColumn(c -> c.lastWorkedBy() == null ? getTranslation("value.at-risk.not-worked")
                : c.lastWorkedBy() + " · " + Formats.dateTime(c.lastWorkedAt(), getLocale())).setHeader(getTranslation("value.at-risk.worked")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("value.at-risk.empty"));
        grid.setItems(q -> values.atRisk(silentOnly.getValue(), units.unitId(), units.allUnits(), q.getOffset(), q.getLimit()).stream());
        grid.addItemClickListener(e -> work(e.getItem()));
        grid.setMinHeight("20rem");
    }

    private void refresh() {
        counts.setText(getTranslation("value.at-risk.counts",
                Formats.number(values.countAtRisk(false, units.unitId(), units.allUnits()), getLocale()),
                Formats.number(values.countAtRisk(true, units.unitId(), units.allUnits()), getLocale())));
        grid.getDataProvider().refreshAll();
    }

    /** The actions of the other modules (log a call, send a survey, open a case) for this customer, and the 360. */
    private void work(ValuedCustomer row) {
        CustomerDetails customer = customers.get(row.customerId());
        Dialog dialog = new Dialog();
        dialog.setId("at-risk-work");
        dialog.setHeaderTitle(customer.name());
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        actions.orderedStream().sorted(Comparator.comparingInt(CustomerPageAction::order))
                .forEach(action -> buttons.add(action.create(customer, () -> {
                    dialog.close();
                    refresh();
                })));
        Button open = new Button(getTranslation("value.at-risk.open-customer"), VaadinIcon.USER_CARD.create(), e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(CustomerView.class, customer.id()));
        });
        open.setId("at-risk-open-customer");
        dialog.add(new Paragraph(RiskReasonText.describe(row.riskReasons(), getLocale(), i18n)), buttons);
        dialog.getFooter().add(open, new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private VerticalLayout backTestBox() {
        backTests.setId("back-test-grid");
        backTests.addColumn(b -> getTranslation("value.back-test.months", b.months())).setHeader(getTranslation("value.back-test.horizon"));
        backTests.addColumn(b -> Formats.date(b.cutoff(), getLocale())).setHeader(getTranslation("value.back-test.cutoff"));
        backTests.addColumn(b -> Formats.number(b.active(), getLocale())).setHeader(getTranslation("value.back-test.active"));
        backTests.addColumn(b -> Formats.number(b.flagged(), getLocale())).setHeader(getTranslation("value.back-test.flagged"));
        backTests.addColumn(b -> Formats.percent(b.flaggedLapseRate(), getLocale())).setHeader(getTranslation("value.back-test.flagged-lapsed"));
        backTests.addColumn(b -> Formats.percent(b.baseLapseRate(), getLocale())).setHeader(getTranslation("value.back-test.base-lapsed"));
        backTests.addColumn(b -> b.lift() == null ? "—" : Formats.decimal(b.lift(), getLocale()) + "×").setHeader(getTranslation("value.back-test.lift"));
        backTests.setAllRowsVisible(true);
        backTests.setVisible(false);
        backTests.addThemeVariants(GridVariant.LUMO_COMPACT);
        Span summary = new Span();
        summary.setId("back-test-summary");
        Button run = new Button(getTranslation("value.back-test.run"), VaadinIcon.TIME_BACKWARD.create());
        run.setId("back-test-run");
        run.addClickListener(e -> {
            run.setEnabled(false);
            BackgroundWork.start(progress, () -> {
                List<BackTest> results = new ArrayList<>();
                BACK_TEST_MONTHS.forEach(months -> results.add(values.backTest(months)));
                return results;
            }, results -> {
                run.setEnabled(true);
                backTests.setItems(results);
                backTests.setVisible(true);
                summary.setText(results.stream().map(b -> getTranslation("value.back-test.sentence", b.months(),
                        Formats.number(b.flagged(), getLocale()), Formats.percent(b.flaggedLapseRate(), getLocale()),
                        Formats.percent(b.baseLapseRate(), getLocale()))).reduce((a, b) -> a + " " + b).orElse(""));
            }, this::failed);
        });
        Button recompute = new Button(getTranslation("value.recompute"), VaadinIcon.REFRESH.create());
        recompute.setId("value-recompute");
        recompute.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        recompute.addClickListener(e -> {
            recompute.setEnabled(false);
            BackgroundWork.start(progress, () -> {
                values.recomputeAll();
                return true;
            }, done -> {
                recompute.setEnabled(true);
                refresh();
                Notification.show(getTranslation("value.recomputed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }, this::failed);
        });
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("value.back-test.title")),
                new Paragraph(getTranslation("value.back-test.intro")), new HorizontalLayout(run, recompute), summary, backTests);
        box.setPadding(false);
        return box;
    }

    private static final int EXPORT_PAGE = 5_000;

    /** The whole worklist with the unit and "silent only" filters of the moment of the click, page after page. */
    private void export(TableWriter.Format format, OutputStream out) {
        boolean silent = silentOnly.getValue();
        Long unitId = units.unitId();
        boolean allUnits = units.allUnits();
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.at-risk"))) {
            writer.row(List.of(getTranslation("customer.name"), getTranslation("customer.unit"), getTranslation("value.header.risk"),
                    getTranslation("value.at-risk.reasons"), getTranslation("value.economic"), getTranslation("value.strategic"),
                    getTranslation("value.header.tier"), getTranslation("value.header.rfm"), getTranslation("value.at-risk.flagged"),
                    getTranslation("value.at-risk.worked")));
            Pages.forEach(EXPORT_PAGE, (offset, limit) -> values.atRisk(silent, unitId, allUnits, offset, limit),
                    c -> writer.row(Arrays.asList(c.name(), c.unitName(), c.riskScore(),
                            RiskReasonText.describe(c.riskReasons(), getLocale(), i18n), c.economicValue(), c.strategicValue(),
                            c.tier() == null ? null : c.tier().name(), c.rfmSegment() == null ? null : getTranslation("rfm." + c.rfmSegment()),
                            c.flaggedOn(), c.lastWorkedBy() == null ? null : c.lastWorkedBy() + " · " + Formats.dateTime(c.lastWorkedAt(), getLocale()))));
        }
    }

    private void failed(Throwable error) {
        LoggerFactory.getLogger(AtRiskView.class).error("value work failed", error);
        Notification.show(getTranslation("value.work-failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String titleKey() {
        return "nav.at-risk";
    }
}
