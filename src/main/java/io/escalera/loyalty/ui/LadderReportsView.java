package io.escalera.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerService;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.LifecycleStep;
import io.escalera.loyalty.Stage;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Selects;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ladder reports on one page: the funnel (now on each rung, ever reached, conversion, median days to climb), the
 * movement between two days, acquisition cohorts and the lifecycle funnel. Every bar, step and flow opens the
 * customers behind it; every table exports as CSV.
 */
@Route("loyalty")
@Menu(title = "nav.ladder-reports", order = 21.5, icon = "vaadin:chart-3d")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class LadderReportsView extends VerticalLayout implements LocalizedTitle {

    private static final List<Stage> RUNGS = List.of(Stage.PROSPECT, Stage.SHOPPER, Stage.CUSTOMER, Stage.CLIENT, Stage.ADVOCATE);

    private final LadderReports reports;
    private final Clock clock;
    private final io.escalera.customer.ui.UnitPicker units;
    private final io.escalera.customer.ui.SegmentSelect segment;
    private final Select<AcquisitionChannel> channel;
    private final Select<CohortChoice> cohort = new Select<>();
    private final Tabs tabs = new Tabs();
    private final Map<Tab, Runnable> panels = new LinkedHashMap<>();
    private final VerticalLayout content = new VerticalLayout();

    /** An acquisition month or quarter, or any. */
    record CohortChoice(String label, LocalDate from, LocalDate to) {
    }

    public LadderReportsView(LadderReports reports, CustomerService customers, io.escalera.customer.CustomerSegmentFilters segments,
                             Clock clock) {
        this.reports = reports;
        this.clock = clock;
        setSizeFull();
        units = new io.escalera.customer.ui.UnitPicker(customers, "ladder");
        segment = new io.escalera.customer.ui.SegmentSelect(segments, "ladder-segment");
        channel = Selects.anyOf(AcquisitionChannel.values(), c -> getTranslation("channel." + c), getTranslation("ladder-reports.any-channel"));
        channel.setId("ladder-channel");
        cohort.setId("ladder-cohort");
        cohort.setItems(cohortChoices());
        cohort.setItemLabelGenerator(CohortChoice::label);
        cohort.setValue(cohortChoices().getFirst());
        cohort.setAriaLabel(getTranslation("ladder-reports.cohort"));
        channel.setAriaLabel(getTranslation("ladder-reports.channel"));
        HorizontalLayout filters = new HorizontalLayout(units, channel, cohort, segment);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        units.addChangeListener(this::refresh);
        segment.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        cohort.addValueChangeListener(e -> refresh());

        addPanel("funnel", this::showFunnel);
        addPanel("movement", this::showMovement);
        addPanel("cohorts", this::showCohorts);
        addPanel("lifecycle", this::showLifecycle);
        tabs.addSelectedChangeListener(e -> refresh());
        content.setPadding(false);
        content.setSizeFull();
        add(filters, tabs, content);
        refresh();
    }

    private void addPanel(String name, Runnable show) {
        Tab tab = new Tab(getTranslation("ladder-reports.tab." + name));
        tab.setId("tab-" + name);
        tabs.add(tab);
        panels.put(tab, show);
    }

    private List<CohortChoice> cohortChoices() {
        List<CohortChoice> choices = new ArrayList<>();
        choices.add(new CohortChoice(getTranslation("ladder-reports.any-cohort"), null, null));
        YearMonth month = YearMonth.now(clock);
        for (int i = 0; i < 24; i++) {
            YearMonth m = month.minusMonths(i);
            choices.add(new CohortChoice(getTranslation("ladder-reports.cohort-month", m.toString()), m.atDay(1), m.atEndOfMonth()));
        }
        YearMonth quarterStart = month.minusMonths((month.getMonthValue() - 1) % 3);
        for (int i = 0; i < 8; i++) {
            YearMonth q = quarterStart.minusMonths(3L * i);
            choices.add(new CohortChoice(getTranslation("ladder-reports.cohort-quarter", q.getYear(), (q.getMonthValue() - 1) / 3 + 1),
                    q.atDay(1), q.plusMonths(2).atEndOfMonth()));
        }
        return choices;
    }

    LadderFilter filter() {
        CohortChoice choice = cohort.getValue();
        return new LadderFilter(units.unitId(), units.allUnits(), channel.getValue(),
                choice == null ? null : choice.from(), choice == null ? null : choice.to(), segment.key());
    }

    private void refresh() {
        content.removeAll();
        panels.getOrDefault(tabs.getSelectedTab(), this::showFunnel).run();
    }

    private String stage(Stage stage) {
        return getTranslation("stage." + stage);
    }

    private String number(long value) {
        return Formats.number(value, getLocale());
    }

    private void drill(LadderSegment segment, String title) {
        new LadderCustomersDialog(reports, filter(), segment, title).open();
    }

    // ---- funnel

    private void showFunnel() {
        LadderReport.Funnel funnel = reports.funnel(filter());
        EChart chart = new EChart();
        chart.setId("ladder-funnel-chart");
        List<String> names = funnel.rungs().stream().map(r -> stage(r.stage())).toList();
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "data", List.of(getTranslation("ladder-reports.now"), getTranslation("ladder-reports.ever"))),
                "grid", Map.of("left", 70, "right", 20, "bottom", 30, "top", 40),
                "xAxis", Map.of("type", "category", "data", names),
                "yAxis", Map.of("type", "value"),
                "series", List.of(
                        Map.of("name", getTranslation("ladder-reports.now"), "type", "bar", "data", funnel.rungs().stream().map(LadderReport.Rung::now).toList(),
                                "cursor", "pointer"),
                        Map.of("name", getTranslation("ladder-reports.ever"), "type", "bar", "data", funnel.rungs().stream().map(LadderReport.Rung::everReached).toList(),
                                "cursor", "pointer"))));
        chart.addChartClickListener(e -> {
            Stage rung = RUNGS.get(e.getDataIndex());
            if (e.getSeriesIndex() == 0) {
                drill(new LadderSegment.OnRung(rung), getTranslation("ladder-reports.drill.now", stage(rung)));
            } else {
                drill(new LadderSegment.Reached(rung), getTranslation("ladder-reports.drill.ever", stage(rung)));
            }
        });

        Grid<LadderReport.Rung> table = table("ladder-funnel-table");
        table.addColumn(r -> stage(r.stage())).setHeader(getTranslation("ladder-reports.rung"));
        table.addColumn(r -> number(r.now())).setHeader(getTranslation("ladder-reports.now"));
        table.addColumn(r -> number(r.everReached())).setHeader(getTranslation("ladder-reports.ever"));
        table.addColumn(r -> Formats.percent(r.conversionToNext(), getLocale())).setHeader(getTranslation("ladder-reports.conversion"));
        table.addColumn(r -> Formats.decimal(r.medianDaysToNext(), getLocale())).setHeader(getTranslation("ladder-reports.median-days"));
        table.setItems(funnel.rungs());
        table.addItemClickListener(e -> drill(new LadderSegment.OnRung(e.getItem().stage()),
                getTranslation("ladder-reports.drill.now", stage(e.getItem().stage()))));

        Button lapsed = new Button(getTranslation("ladder-reports.lapsed", number(funnel.lapsed())),
                e -> drill(new LadderSegment.OnRung(Stage.LAPSED), getTranslation("ladder-reports.drill.now", stage(Stage.LAPSED))));
        lapsed.setId("ladder-lapsed");
        lapsed.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of(getTranslation("ladder-reports.rung"), getTranslation("ladder-reports.now"), getTranslation("ladder-reports.ever"),
                getTranslation("ladder-reports.conversion"), getTranslation("ladder-reports.median-days")));
        funnel.rungs().forEach(r -> csv.add(List.of(stage(r.stage()), String.valueOf(r.now()), String.valueOf(r.everReached()),
                r.conversionToNext() == null ? "" : String.valueOf(r.conversionToNext()),
                r.medianDaysToNext() == null ? "" : String.valueOf(r.medianDaysToNext()))));
        csv.add(List.of(stage(Stage.LAPSED), String.valueOf(funnel.lapsed()), "", "", ""));
        content.add(emptyOr(funnel.customers() == 0, chart), table,
                toolbar(lapsed, CsvDownload.link(getTranslation("ladder-reports.export"), "ladder-funnel.csv", () -> csv)),
                new Paragraph(getTranslation("ladder-reports.funnel.help")));
    }

    // ---- movement

    private LocalDate movementFrom;
    private LocalDate movementTo;

    private void showMovement() {
        LocalDate today = LocalDate.now(clock);
        DatePicker from = new DatePicker(getTranslation("ladder-reports.from"), movementFrom == null ? today.minusDays(30) : movementFrom);
        DatePicker to = new DatePicker(getTranslation("ladder-reports.to"), movementTo == null ? today : movementTo);
        from.setId("movement-from");
        to.setId("movement-to");
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        Runnable load = () -> {
            movementFrom = from.getValue();
            movementTo = to.getValue();
            result.removeAll();
            to.setInvalid(false);
            try {
                result.add(movement(from.getValue(), to.getValue()));
            } catch (FieldErrorsException ex) {
                to.setInvalid(true);
                to.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
            }
        };
        from.addValueChangeListener(e -> load.run());
        to.addValueChangeListener(e -> load.run());
        content.add(new HorizontalLayout(from, to), result);
        load.run();
    }

    private Component movement(LocalDate from, LocalDate to) {
        LadderReport.Movement movement = reports.movement(filter(), from, to);
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        EChart chart = new EChart();
        chart.setId("ladder-movement-chart");
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Stage s : Stage.values()) {
            nodes.add(Map.of("name", "A" + s.ordinal(), "label", Map.of("formatter", stage(s))));
            nodes.add(Map.of("name", "B" + s.ordinal(), "label", Map.of("formatter", stage(s))));
        }
        List<Map<String, Object>> links = movement.flows().stream().map(f -> Map.<String, Object>of("source", "A" + f.from().ordinal(),
                "target", "B" + f.to().ordinal(), "value", f.customers())).toList();
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "item"),
                "series", List.of(Map.of("type", "sankey", "data", nodes, "links", links, "nodeAlign", "justify",
                        "emphasis", Map.of("focus", "adjacency"), "lineStyle", Map.of("color", "gradient", "curveness", 0.5)))));
        chart.addChartClickListener(e -> {
            if ("edge".equals(e.getDataType()) && e.getDataIndex() < movement.flows().size()) {
                LadderReport.Flow flow = movement.flows().get(e.getDataIndex());
                drill(new LadderSegment.Moved(List.of(flow.from()), List.of(flow.to()), from, to),
                        getTranslation("ladder-reports.drill.moved", stage(flow.from()), stage(flow.to())));
            }
        });
        Grid<Stage> table = table("ladder-movement-table");
        table.addColumn(this::stage).setHeader(getTranslation("ladder-reports.rung"));
        for (LadderReport.Flow.Kind kind : LadderReport.Flow.Kind.values()) {
            table.addColumn(s -> number(movement.byRung().get(s).get(kind))).setHeader(getTranslation("ladder-reports.kind." + kind));
        }
        table.setItems(RUNGS);
        table.addItemClickListener(e -> {
            List<Stage> others = Arrays.stream(Stage.values()).filter(s -> s != e.getItem()).toList();
            drill(new LadderSegment.Moved(List.of(e.getItem()), others, from, to), getTranslation("ladder-reports.drill.left", stage(e.getItem())));
        });
        List<List<String>> csv = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(getTranslation("ladder-reports.rung")));
        Arrays.stream(LadderReport.Flow.Kind.values()).forEach(k -> header.add(getTranslation("ladder-reports.kind." + k)));
        csv.add(header);
        RUNGS.forEach(s -> {
            List<String> row = new ArrayList<>(List.of(stage(s)));
            Arrays.stream(LadderReport.Flow.Kind.values()).forEach(k -> row.add(String.valueOf(movement.byRung().get(s).get(k))));
            csv.add(row);
        });
        panel.add(emptyOr(movement.flows().isEmpty(), chart), table,
                toolbar(CsvDownload.link(getTranslation("ladder-reports.export"), "ladder-movement-" + from + "-" + to + ".csv", () -> csv)),
                new Paragraph(getTranslation("ladder-reports.movement.help")));
        return panel;
    }

    // ---- cohorts

    private int cohortMonths = 6;

    private void showCohorts() {
        Select<Integer> horizon = new Select<>();
        horizon.setId("cohort-horizon");
        horizon.setLabel(getTranslation("ladder-reports.horizon"));
        horizon.setItems(3, 6, 12);
        horizon.setItemLabelGenerator(m -> getTranslation("ladder-reports.after-months", m));
        horizon.setValue(cohortMonths);
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        Runnable load = () -> {
            cohortMonths = horizon.getValue();
            result.removeAll();
            result.add(cohorts(cohortMonths));
        };
        horizon.addValueChangeListener(e -> load.run());
        content.add(horizon, result);
        load.run();
    }

    private Component cohorts(int months) {
        List<LadderReport.Cohort> cohorts = reports.cohorts(filter(), 24, months);
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        List<LadderReport.Cohort> grown = cohorts.stream().filter(c -> c.highestRung() != null).toList();
        EChart chart = new EChart();
        chart.setId("ladder-cohort-chart");
        List<Map<String, Object>> series = new ArrayList<>();
        for (Stage rung : RUNGS) {
            series.add(Map.of("name", stage(rung), "type", "bar", "stack", "share", "cursor", "pointer",
                    "data", grown.stream().map(c -> c.customers() == 0 ? 0 : Math.round(1000.0 * c.highestRung().get(rung) / c.customers()) / 10.0).toList()));
        }
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "data", RUNGS.stream().map(this::stage).toList()),
                "grid", Map.of("left", 50, "right", 20, "bottom", 30, "top", 40),
                "xAxis", Map.of("type", "category", "data", grown.stream().map(c -> c.month().toString()).toList()),
                "yAxis", Map.of("type", "value", "max", 100, "axisLabel", Map.of("formatter", "{value} %")),
                "series", series));
        chart.addChartClickListener(e -> {
            if (e.getDataIndex() < grown.size()) {
                LadderReport.Cohort c = grown.get(e.getDataIndex());
                Stage rung = RUNGS.get(e.getSeriesIndex());
                drill(new LadderSegment.CohortRung(c.month(), months, rung),
                        getTranslation("ladder-reports.drill.cohort", c.month().toString(), months, stage(rung)));
            }
        });
        Grid<LadderReport.Cohort> table = table("ladder-cohort-table");
        table.addColumn(c -> c.month().toString()).setHeader(getTranslation("ladder-reports.cohort"));
        table.addColumn(c -> number(c.customers())).setHeader(getTranslation("ladder-reports.customers"));
        for (Stage rung : RUNGS) {
            table.addColumn(c -> c.highestRung() == null ? getTranslation("ladder-reports.not-yet")
                    : Formats.percent(c.customers() == 0 ? null : (double) c.highestRung().get(rung) / c.customers(), getLocale()))
                    .setHeader(stage(rung));
        }
        table.setItems(cohorts);
        List<List<String>> csv = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(getTranslation("ladder-reports.cohort"), getTranslation("ladder-reports.customers")));
        RUNGS.forEach(r -> header.add(stage(r)));
        csv.add(header);
        cohorts.forEach(c -> {
            List<String> row = new ArrayList<>(List.of(c.month().toString(), String.valueOf(c.customers())));
            RUNGS.forEach(r -> row.add(c.highestRung() == null ? "" : String.valueOf(c.highestRung().get(r))));
            csv.add(row);
        });
        panel.add(emptyOr(grown.isEmpty(), chart), table,
                toolbar(CsvDownload.link(getTranslation("ladder-reports.export"), "ladder-cohorts-" + months + "m.csv", () -> csv)),
                new Paragraph(getTranslation("ladder-reports.cohorts.help", months)));
        return panel;
    }

    // ---- lifecycle

    private void showLifecycle() {
        List<LadderReport.Step> steps = reports.lifecycle(filter());
        EChart chart = new EChart();
        chart.setId("ladder-lifecycle-chart");
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "item"),
                "series", List.of(Map.of("type", "funnel", "sort", "none", "left", "10%", "width", "80%", "gap", 2, "cursor", "pointer",
                        "label", Map.of("show", true, "position", "inside"),
                        "data", steps.stream().map(s -> Map.of("name", getTranslation("lifecycle." + s.step()), "value", s.customers())).toList()))));
        chart.addChartClickListener(e -> {
            LifecycleStep step = LifecycleStep.values()[e.getDataIndex()];
            drill(new LadderSegment.Lifecycle(step), getTranslation("lifecycle." + step));
        });
        Grid<LadderReport.Step> table = table("ladder-lifecycle-table");
        table.addColumn(s -> getTranslation("lifecycle." + s.step())).setHeader(getTranslation("ladder-reports.step"));
        table.addColumn(s -> number(s.customers())).setHeader(getTranslation("ladder-reports.customers"));
        table.addColumn(s -> Formats.percent(s.conversion(), getLocale())).setHeader(getTranslation("ladder-reports.conversion-from-previous"));
        table.addColumn(s -> getTranslation("lifecycle." + s.step() + ".means")).setHeader(getTranslation("ladder-reports.means")).setFlexGrow(3);
        table.setItems(steps);
        table.addItemClickListener(e -> drill(new LadderSegment.Lifecycle(e.getItem().step()), getTranslation("lifecycle." + e.getItem().step())));
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of(getTranslation("ladder-reports.step"), getTranslation("ladder-reports.customers"), getTranslation("ladder-reports.conversion-from-previous")));
        steps.forEach(s -> csv.add(List.of(getTranslation("lifecycle." + s.step()), String.valueOf(s.customers()),
                s.conversion() == null ? "" : String.valueOf(s.conversion()))));
        content.add(emptyOr(steps.getFirst().customers() == 0, chart), table,
                toolbar(CsvDownload.link(getTranslation("ladder-reports.export"), "lifecycle-funnel.csv", () -> csv)));
    }

    // ---- parts

    private <T> Grid<T> table(String id) {
        Grid<T> table = new Grid<>();
        table.setId(id);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        return table;
    }

    private Component emptyOr(boolean empty, EChart chart) {
        if (!empty) {
            return chart;
        }
        Span none = new Span(getTranslation("ladder-reports.empty"));
        none.setId("ladder-empty");
        return none;
    }

    private static HorizontalLayout toolbar(Component... parts) {
        HorizontalLayout toolbar = new HorizontalLayout(parts);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return toolbar;
    }

    @Override
    public String titleKey() {
        return "nav.ladder-reports";
    }
}
