package io.escalera.kpi.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.shared.ui.EChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Voice board's distributions: one bar chart per kind, how many answers gave each score; a bar opens those answers. */
class ScoreDistributions extends FlexLayout {

    /** Score range of each kind, and the colour of a score: unhappy red, neutral grey, happy green. */
    private static final Map<String, int[]> SCALES = Map.of("NPS", new int[]{0, 10, 6, 9}, "CSAT", new int[]{1, 5, 2, 4}, "CES", new int[]{1, 7, 3, 5});

    private final KpiDrillDowns drillDowns;

    ScoreDistributions(KpiDrillDowns drillDowns) {
        this.drillDowns = drillDowns;
        setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
        setWidthFull();
    }

    void show(KpiFilter filter, KpiPeriod period) {
        Map<String, TreeMap<Integer, Long>> scores = drillDowns.scoreDistributions(filter, period);
        for (String kind : List.of("NPS", "CSAT", "CES")) {
            add(card(kind, scores.getOrDefault(kind, new TreeMap<>()), filter, period));
        }
    }

    private Div card(String kind, TreeMap<Integer, Long> counts, KpiFilter filter, KpiPeriod period) {
        int[] scale = SCALES.get(kind);
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
            return card;
        }
        EChart chart = new EChart();
        chart.setHeight("180px");
        chart.setOption(Map.of("grid", Map.of("left", 40, "right", 8, "top", 10, "bottom", 24),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", labels),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "name", getTranslation("kpi.distribution.answers"), "data", bars))));
        chart.addChartClickListener(e -> {
            int score = scale[0] + e.getDataIndex();
            new KpiAnswersDialog(drillDowns, filter, period, kind, score, score,
                    getTranslation("kpi.distribution.score", getTranslation("feedback.kind." + kind), score)).open();
        });
        card.add(chart);
        return card;
    }
}
