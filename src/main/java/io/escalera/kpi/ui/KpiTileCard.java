package io.escalera.kpi.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiTile;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One KPI of a board: the period's value, the change against the period before and the year earlier (each opens the
 * records of the period compared with), the target, a sparkline whose points open their period's records, and the
 * buttons to the records and (NPS) to the detractors and promoters. The info icon holds the KPI's definition.
 */
class KpiTileCard extends Div {

    private final KpiTile tile;
    private final KpiPeriod period;
    private final Board board;
    private final Supplier<KpiFilter> filter;
    private final KpiDrillDowns drillDowns;
    private final Currency currency;

    /** @param filter the board's filter when a drill-down opens; @param answers whether the user may open answers */
    KpiTileCard(KpiTile tile, KpiPeriod period, Board board, Supplier<KpiFilter> filter, KpiDrillDowns drillDowns,
                Currency currency, boolean answers) {
        this.tile = tile;
        this.period = period;
        this.board = board;
        this.filter = filter;
        this.drillDowns = drillDowns;
        this.currency = currency;
        setId("tile-" + tile.kpi().name());
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("width", "15rem").set("box-sizing", "border-box");
        Span value = new Span(tile.value() == null ? getTranslation("kpi.absent") : format(tile.value()));
        value.addClassName("kpi-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("display", "block");
        add(header(), value, change("kpi.vs-previous", tile.previous(), period.previous()),
                change("kpi.vs-year-earlier", tile.yearEarlier(), period.yearEarlier()));
        if (tile.target() != null) {
            add(target());
        }
        if (tile.trend().stream().anyMatch(v -> v != null)) {
            add(sparkline());
        }
        if (tile.kpi().fromDailyFacts() || tile.value() != null) {
            Button records = new Button(getTranslation("kpi.records"), VaadinIcon.LIST.create(),
                    e -> new KpiRecordsDialog(drillDowns, board, tile.kpi(), filter.get(), period).open());
            records.setId("records-" + tile.kpi().name());
            records.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(records);
        }
        if (tile.kpi() == Kpi.NPS && tile.value() != null && answers) {
            add(new HorizontalLayout(answers("drill-detractors", "kpi.drill.detractors", 0, 6),
                    answers("drill-promoters", "kpi.drill.promoters", 9, 10)));
        }
    }

    private Component header() {
        Span name = new Span(getTranslation("kpi." + tile.kpi()));
        name.getStyle().set("font-weight", "600");
        Span info = new Span(VaadinIcon.INFO_CIRCLE_O.create());
        info.getElement().setAttribute("title", getTranslation("kpi." + tile.kpi() + ".definition"));
        info.getElement().setAttribute("aria-label", getTranslation("kpi." + tile.kpi() + ".definition"));
        info.getElement().setAttribute("tabindex", "0");
        HorizontalLayout header = new HorizontalLayout(name, info);
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-xs)");
        return header;
    }

    /** The last twelve periods; a point opens the records of its period. */
    private Component sparkline() {
        EChart spark = new EChart();
        spark.setHeight("48px");
        spark.setOption(Map.of("grid", Map.of("left", 2, "right", 2, "top", 4, "bottom", 4),
                "xAxis", Map.of("type", "category", "show", false, "data", IntStream.range(0, tile.trend().size()).boxed().toList()),
                "yAxis", Map.of("type", "value", "show", false, "scale", true),
                "series", List.of(Map.of("type", "line", "data", tile.trend(), "symbol", "none", "smooth", true, "connectNulls", true))));
        if (tile.kpi().fromDailyFacts()) {
            spark.addChartClickListener(e -> {
                KpiPeriod point = period;
                for (int back = tile.trend().size() - 1 - e.getDataIndex(); back > 0; back--) {
                    point = point.previous();
                }
                new KpiRecordsDialog(drillDowns, board, tile.kpi(), filter.get(), point).open();
            });
        }
        return spark;
    }

    private Button answers(String id, String titleKey, int minScore, int maxScore) {
        Button button = new Button(getTranslation(titleKey),
                e -> new KpiAnswersDialog(drillDowns, filter.get(), period, "NPS", minScore, maxScore, getTranslation(titleKey)).open());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** "Target 40 · needs +6.5 · at risk", coloured by status. */
    private Component target() {
        double goal = tile.target().value();
        StringBuilder text = new StringBuilder(getTranslation("kpi.target.of", format(goal)));
        if (tile.value() != null) {
            double needed = goal - tile.value();
            boolean short_ = tile.kpi().higherIsBetter() ? needed > 0 : needed < 0;
            if (short_) {
                text.append(" · ").append(getTranslation("kpi.target.needs", (needed >= 0 ? "+" : "−") + format(Math.abs(needed))));
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
    private Component change(String labelKey, Double before, KpiPeriod compared) {
        Double change = KpiTile.change(tile.value(), before);
        Span text = new Span(getTranslation(labelKey, change == null ? "—" : (change >= 0 ? "+" : "−") + format(Math.abs(change))));
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
            Runnable open = () -> new KpiRecordsDialog(drillDowns, board, tile.kpi(), filter.get(), compared).open();
            text.addClickListener(e -> open.run());
            text.getElement().addEventListener("keydown", e -> open.run()).setFilter("event.key === 'Enter' || event.key === ' '");
        }
        return text;
    }

    private String format(double value) {
        return KpiFormats.format(tile.kpi(), value, currency, getLocale());
    }
}
