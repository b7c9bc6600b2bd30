package io.escalera.kpi.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.customer.SalesChannel;
import io.escalera.interaction.InteractionChannel;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.KpiTile;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Selects;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI boards: executive, service, voice and commerce. Each tile shows the period's value, the change against the
 * period before and the same period a year earlier, and a sparkline of the last twelve periods; the info icon holds
 * the KPI's definition. Voice numbers open the answers behind them. STAFF see only the service board.
 */
@Route("kpi")
@Menu(title = "nav.kpi", order = 21.2, icon = "vaadin:dashboard")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class KpiBoardsView extends VerticalLayout implements LocalizedTitle {

    private final KpiService kpis;
    private final KpiDrillDowns drillDowns;
    private final Currency currency;
    private final Select<KpiPeriod.Kind> periodKind = new Select<>();
    private final DatePicker periodDay = new DatePicker();
    private final DatePicker periodTo = new DatePicker();
    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final Select<String> channel;
    private final Select<String> tier;
    private final Checkbox allUnits = new Checkbox();
    private final Tabs tabs = new Tabs();
    private final Map<Tab, Board> boards = new LinkedHashMap<>();
    private final FlexLayout tiles = new FlexLayout();
    private final FlexLayout distributions = new FlexLayout();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private List<KpiTile> shown = List.of();
    /** While sparkline points of the board are computed in the background: the page polls, then shows them. */
    private final io.escalera.shared.ui.PagePolling sparklinePolling = new io.escalera.shared.ui.PagePolling();
    private boolean redrawingSparklines;
    private final Tab compareTab = new Tab();
    private final java.util.Map<Long, String> unitNames = new java.util.HashMap<>();

    public KpiBoardsView(KpiService kpis, KpiDrillDowns drillDowns, CustomerService customers, GeneralSettingsService general, Clock clock) {
        this.kpis = kpis;
        this.drillDowns = drillDowns;
        this.currency = general.currency();
        setSizeFull();
        periodKind.setId("kpi-period-kind");
        periodKind.setLabel(getTranslation("kpi.period"));
        periodKind.setItems(KpiPeriod.Kind.values());
        periodKind.setItemLabelGenerator(k -> getTranslation("kpi.period." + k));
        periodKind.setValue(KpiPeriod.Kind.MONTH);
        periodDay.setId("kpi-period-day");
        periodDay.setLabel(getTranslation("kpi.period.day"));
        periodDay.setValue(LocalDate.now(clock));
        periodTo.setId("kpi-period-to");
        periodTo.setLabel(getTranslation("kpi.period.to"));
        periodTo.setValue(LocalDate.now(clock));
        periodTo.setVisible(false);
        unit.setId("kpi-unit");
        unit.setLabel(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        customers.selectableUnits().forEach(u -> unitNames.put(u.id(), u.label()));
        compareTab.setLabel(getTranslation("kpi.compare"));
        Set<String> channels = new LinkedHashSet<>();
        for (SalesChannel c : SalesChannel.values()) channels.add(c.name());
        for (InteractionChannel c : InteractionChannel.values()) channels.add(c.name());
        channel = Selects.anyOf(channels.toArray(String[]::new), c -> getTranslation("channel." + c), getTranslation("ladder-reports.any-channel"));
        channel.setId("kpi-channel");
        channel.setLabel(getTranslation("kpi.channel"));
        tier = Selects.anyOf(java.util.Arrays.stream(io.escalera.value.ValueTier.values()).map(Enum::name).toArray(String[]::new),
                t -> getTranslation(io.escalera.value.ValueTier.valueOf(t).labelKey()), getTranslation("kpi.any-tier"));
        tier.setId("kpi-tier");
        tier.setLabel(getTranslation("kpi.tier"));
        tier.setTooltipText(getTranslation("kpi.tier.help"));
        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setVisible(customers.mayWidenToAllUnits());
        HorizontalLayout filters = new HorizontalLayout(periodKind, periodDay, periodTo, unit, channel, tier, allUnits);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        periodKind.addValueChangeListener(e -> {
            boolean custom = e.getValue() == KpiPeriod.Kind.CUSTOM;
            periodDay.setLabel(getTranslation(custom ? "kpi.period.from" : "kpi.period.day"));
            periodTo.setVisible(custom);
            refresh();
        });
        List.of(periodDay, periodTo).forEach(p -> p.addValueChangeListener(e -> refresh()));
        unit.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        tier.addValueChangeListener(e -> refresh());
        allUnits.addValueChangeListener(e -> refresh());

        for (Board board : kpis.boards()) {
            Tab tab = new Tab(getTranslation("kpi.board." + board));
            tab.setId("board-" + board.name().toLowerCase());
            boards.put(tab, board);
            tabs.add(tab);
        }
        if (!kpis.boards().equals(List.of(Board.SERVICE))) {
            compareTab.setId("board-compare");
            tabs.add(compareTab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        distributions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        distributions.getStyle().set("gap", "var(--lumo-space-m)");
        distributions.setWidthFull();
        add(filters, tabs, tiles, distributions, toolbar);
        refresh();
    }

    KpiPeriod period() {
        LocalDate day = periodDay.getValue();
        if (day == null) {
            return null;
        }
        if (periodKind.getValue() == KpiPeriod.Kind.CUSTOM) {
            LocalDate to = periodTo.getValue();
            return to == null || to.isBefore(day) ? null : KpiPeriod.custom(day, to);
        }
        return KpiPeriod.of(periodKind.getValue(), day);
    }

    KpiFilter filter() {
        return new KpiFilter(unit.getValue() == null ? null : unit.getValue().id(), allUnits.getValue(), channel.getValue(),
                tier.getValue() == null ? null : io.escalera.value.ValueTier.valueOf(tier.getValue()));
    }

    private void refresh() {
        sparklinePolling.stop();
        tiles.removeAll();
        distributions.removeAll();
        toolbar.removeAll();
        KpiPeriod period = period();
        periodTo.setInvalid(period == null && periodKind.getValue() == KpiPeriod.Kind.CUSTOM);
        periodTo.setErrorMessage(getTranslation("ladder-reports.period-order"));
        if (period != null && tabs.getSelectedTab() == compareTab) {
            compare(period);
            return;
        }
        Board board = boards.get(tabs.getSelectedTab());
        if (period == null || board == null) {
            return;
        }
        shown = kpis.board(board, filter(), period);
        shown.forEach(tile -> tiles.add(tile(tile, period)));
        if (kpis.sparklinesPending() && !redrawingSparklines) {
            awaitSparklines();
        }
        redrawingSparklines = false;
        if (board == Board.VOICE) {
            showDistributions(period);
        }
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of(getTranslation("kpi.kpi"), getTranslation("kpi.value"), getTranslation("kpi.previous"), getTranslation("kpi.year-earlier"),
                getTranslation("kpi.period.from"), getTranslation("kpi.period.to")));
        shown.forEach(t -> csv.add(List.of(getTranslation("kpi." + t.kpi()), raw(t.value()), raw(t.previous()), raw(t.yearEarlier()),
                period.from().toString(), period.to().toString())));
        String file = "kpi-" + board.name().toLowerCase() + "-" + period.from() + (tier.getValue() == null ? "" : "-tier-" + tier.getValue());
        toolbar.add(CsvDownload.link(getTranslation("ladder-reports.export"), file + ".csv", () -> csv),
                io.escalera.shared.ui.XlsxDownload.link(getTranslation("kpi.export-xlsx"), file + ".xlsx", getTranslation("kpi.board." + board), () -> csv));
    }

    private void awaitSparklines() {
        int[] polls = {0};
        sparklinePolling.start(1000, e -> {
            if (!kpis.sparklinesPending()) {
                // once: a board whose points could not be kept does not redraw for ever
                redrawingSparklines = true;
                refresh();
            } else if (++polls[0] >= 60) {
                sparklinePolling.stop();
            }
        });
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        sparklinePolling.stop();
    }

    /** Score range of each kind, and the colour of a score: unhappy red, neutral grey, happy green. */
    private static final Map<String, int[]> SCALES = Map.of("NPS", new int[]{0, 10, 6, 9}, "CSAT", new int[]{1, 5, 2, 4}, "CES", new int[]{1, 7, 3, 5});

    /** One bar chart per kind: how many answers gave each score; a bar opens those answers. */
    private void showDistributions(KpiPeriod period) {
        Map<String, java.util.TreeMap<Integer, Long>> scores = drillDowns.scoreDistributions(filter(), period);
        for (String kind : List.of("NPS", "CSAT", "CES")) {
            int[] scale = SCALES.get(kind);
            java.util.TreeMap<Integer, Long> counts = scores.getOrDefault(kind, new java.util.TreeMap<>());
            List<String> labels = new ArrayList<>();
            List<Object> bars = new ArrayList<>();
            for (int score = scale[0]; score <= scale[1]; score++) {
                labels.add(String.valueOf(score));
                String colour = score <= scale[2] ? "#d64545" : score >= scale[3] ? "#2e9e5b" : "#9aa5b1";
                bars.add(Map.of("value", counts.getOrDefault(score, 0L), "itemStyle", Map.of("color", colour)));
            }
            Div card = new Div();
            card.setId("distribution-" + kind);
            card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-s)").set("width", "22rem").set("box-sizing", "border-box");
            Span title = new Span(getTranslation("kpi.distribution", getTranslation("feedback.kind." + kind)));
            title.getStyle().set("font-weight", "600");
            card.add(title);
            if (counts.isEmpty()) {
                card.add(new Div(getTranslation("kpi.distribution.empty")));
            } else {
                EChart chart = new EChart();
                chart.setHeight("180px");
                chart.setOption(Map.of("grid", Map.of("left", 40, "right", 8, "top", 10, "bottom", 24),
                        "tooltip", Map.of("trigger", "axis"),
                        "xAxis", Map.of("type", "category", "data", labels),
                        "yAxis", Map.of("type", "value", "minInterval", 1),
                        "series", List.of(Map.of("type", "bar", "name", getTranslation("kpi.distribution.answers"), "data", bars))));
                chart.addChartClickListener(e -> {
                    int score = scale[0] + e.getDataIndex();
                    new KpiAnswersDialog(drillDowns, filter(), period, kind, score, score,
                            getTranslation("kpi.distribution.score", getTranslation("feedback.kind." + kind), score)).open();
                });
                card.add(chart);
            }
            distributions.add(card);
        }
    }

    /** The executive KPIs, one row per unit. */
    private void compare(KpiPeriod period) {
        List<Kpi> columns = Board.EXECUTIVE.kpis().stream().filter(Kpi::fromDailyFacts).toList();
        Map<Long, Map<Kpi, Double>> byUnit = kpis.compareUnits(filter(), period, columns);
        com.vaadin.flow.component.grid.Grid<Map.Entry<Long, Map<Kpi, Double>>> grid = new com.vaadin.flow.component.grid.Grid<>();
        grid.setId("kpi-compare");
        grid.addColumn(e -> e.getKey() == 0 ? getTranslation("kpi.no-unit") : unitNames.getOrDefault(e.getKey(), "#" + e.getKey()))
                .setHeader(getTranslation("customers.filter.unit")).setAutoWidth(true).setFrozen(true);
        for (Kpi kpi : columns) {
            grid.addColumn(e -> e.getValue().get(kpi) == null ? "—" : format(kpi, e.getValue().get(kpi)))
                    .setHeader(getTranslation("kpi." + kpi)).setAutoWidth(true);
        }
        grid.setItems(new ArrayList<>(byUnit.entrySet()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("ladder-reports.empty"));
        tiles.add(grid);
        List<List<String>> csv = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(getTranslation("customers.filter.unit")));
        columns.forEach(k -> header.add(getTranslation("kpi." + k)));
        csv.add(header);
        byUnit.forEach((unitId, values) -> {
            List<String> row = new ArrayList<>(List.of(unitId == 0 ? getTranslation("kpi.no-unit") : unitNames.getOrDefault(unitId, "#" + unitId)));
            columns.forEach(k -> row.add(raw(values.get(k))));
            csv.add(row);
        });
        String file = "kpi-units-" + period.from();
        toolbar.add(CsvDownload.link(getTranslation("ladder-reports.export"), file + ".csv", () -> csv),
                io.escalera.shared.ui.XlsxDownload.link(getTranslation("kpi.export-xlsx"), file + ".xlsx", getTranslation("kpi.compare"), () -> csv));
    }

    private static String raw(Double value) {
        return value == null ? "" : String.valueOf(value);
    }

    private Component tile(KpiTile tile, KpiPeriod period) {
        Div card = new Div();
        card.setId("tile-" + tile.kpi().name());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("width", "15rem").set("box-sizing", "border-box");
        Span name = new Span(getTranslation("kpi." + tile.kpi()));
        name.getStyle().set("font-weight", "600");
        Span info = new Span(VaadinIcon.INFO_CIRCLE_O.create());
        info.getElement().setAttribute("title", getTranslation("kpi." + tile.kpi() + ".definition"));
        info.getElement().setAttribute("aria-label", getTranslation("kpi." + tile.kpi() + ".definition"));
        info.getElement().setAttribute("tabindex", "0");
        HorizontalLayout header = new HorizontalLayout(name, info);
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-xs)");
        Span value = new Span(tile.value() == null ? getTranslation("kpi.absent") : format(tile.kpi(), tile.value()));
        value.addClassName("kpi-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("display", "block");
        Board shownBoard = boards.get(tabs.getSelectedTab());
        card.add(header, value, change("kpi.vs-previous", tile, tile.previous(), shownBoard, period.previous()),
                change("kpi.vs-year-earlier", tile, tile.yearEarlier(), shownBoard, period.yearEarlier()));
        if (tile.target() != null) {
            card.add(target(tile));
        }
        if (tile.trend().stream().anyMatch(v -> v != null)) {
            EChart spark = new EChart();
            spark.setHeight("48px");
            spark.setOption(Map.of("grid", Map.of("left", 2, "right", 2, "top", 4, "bottom", 4),
                    "xAxis", Map.of("type", "category", "show", false, "data", java.util.stream.IntStream.range(0, tile.trend().size()).boxed().toList()),
                    "yAxis", Map.of("type", "value", "show", false, "scale", true),
                    "series", List.of(Map.of("type", "line", "data", tile.trend(), "symbol", "none", "smooth", true, "connectNulls", true))));
            if (tile.kpi().fromDailyFacts()) {
                // a point of the trend opens the records of its period
                spark.addChartClickListener(e -> {
                    KpiPeriod point = period;
                    for (int back = tile.trend().size() - 1 - e.getDataIndex(); back > 0; back--) {
                        point = point.previous();
                    }
                    new KpiRecordsDialog(drillDowns, shownBoard, tile.kpi(), filter(), point).open();
                });
            }
            card.add(spark);
        }
        if (tile.kpi().fromDailyFacts() || tile.value() != null) {
            Board board = boards.get(tabs.getSelectedTab());
            Button records = new Button(getTranslation("kpi.records"), VaadinIcon.LIST.create(),
                    e -> new KpiRecordsDialog(drillDowns, board, tile.kpi(), filter(), period).open());
            records.setId("records-" + tile.kpi().name());
            records.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(records);
        }
        if (tile.kpi() == Kpi.NPS && tile.value() != null && !kpis.boards().equals(List.of(Board.SERVICE))) {
            Button detractors = new Button(getTranslation("kpi.drill.detractors"),
                    e -> new KpiAnswersDialog(drillDowns, filter(), period, "NPS", 0, 6, getTranslation("kpi.drill.detractors")).open());
            detractors.setId("drill-detractors");
            detractors.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Button promoters = new Button(getTranslation("kpi.drill.promoters"),
                    e -> new KpiAnswersDialog(drillDowns, filter(), period, "NPS", 9, 10, getTranslation("kpi.drill.promoters")).open());
            promoters.setId("drill-promoters");
            promoters.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(new HorizontalLayout(detractors, promoters));
        }
        return card;
    }

    /** "Target 40 · needs +6.5 · at risk", coloured by status. */
    private Component target(KpiTile tile) {
        double goal = tile.target().value();
        StringBuilder text = new StringBuilder(getTranslation("kpi.target.of", format(tile.kpi(), goal)));
        if (tile.value() != null) {
            double needed = goal - tile.value();
            boolean short_ = tile.kpi().higherIsBetter() ? needed > 0 : needed < 0;
            if (short_) {
                text.append(" · ").append(getTranslation("kpi.target.needs", (needed >= 0 ? "+" : "−") + format(tile.kpi(), Math.abs(needed))));
            }
            text.append(" · ").append(getTranslation("kpi.status." + tile.status()));
        }
        Span target = new Span(text.toString());
        target.addClassName("kpi-target");
        target.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600");
        if (tile.status() != null) {
            target.getStyle().set("color", switch (tile.status()) {
                case ON_TRACK -> "var(--lumo-success-text-color)";
                case AT_RISK -> "var(--lumo-warning-text-color, #b36b00)";
                case OFF_TRACK -> "var(--lumo-error-text-color)";
            });
        }
        return target;
    }

    /** "+3.5 vs the period before": a click (or Enter) opens the records of the period compared with. */
    private Component change(String labelKey, KpiTile tile, Double before, Board board, KpiPeriod compared) {
        Double change = KpiTile.change(tile.value(), before);
        Span text = new Span(getTranslation(labelKey, change == null ? "—" : (change >= 0 ? "+" : "−") + format(tile.kpi(), Math.abs(change))));
        text.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        if (change != null && change != 0) {
            boolean better = (change > 0) == tile.kpi().higherIsBetter();
            text.getStyle().set("color", better ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        }
        if (before != null && tile.kpi().fromDailyFacts()) {
            text.addClassName("kpi-change");
            text.getStyle().set("cursor", "pointer").set("text-decoration", "underline dotted");
            text.getElement().setAttribute("role", "button");
            text.getElement().setAttribute("tabindex", "0");
            text.getElement().setAttribute("title", getTranslation("kpi.open-compared", Formats.date(compared.from(), getLocale()),
                    Formats.date(compared.to(), getLocale())));
            Runnable open = () -> new KpiRecordsDialog(drillDowns, board, tile.kpi(), filter(), compared).open();
            text.addClickListener(e -> open.run());
            text.getElement().addEventListener("keydown", e -> open.run()).setFilter("event.key === 'Enter' || event.key === ' '");
        }
        return text;
    }

    String format(Kpi kpi, double value) {
        return formatIn(kpi, value, currency, getLocale());
    }

    static String formatIn(Kpi kpi, double value, Currency currency, java.util.Locale locale) {
        return switch (kpi.format()) {
            case POINTS -> Formats.decimal(value, locale);
            case PERCENT -> Formats.percent(value, locale);
            case DECIMAL -> Formats.decimal(value, locale);
            case COUNT -> Formats.number(Math.round(value), locale);
            case PER_THOUSAND -> Formats.decimal(value, locale) + " ‰";
            case MINUTES -> Formats.minutes(Math.round(value));
            case MONEY -> Formats.money(BigDecimal.valueOf(value), currency, locale);
        };
    }

    @Override
    public String titleKey() {
        return "nav.kpi";
    }
}
