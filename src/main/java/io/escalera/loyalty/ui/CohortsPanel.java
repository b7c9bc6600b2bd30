package io.escalera.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Acquisition cohorts: the highest rung each month's new customers reached within a horizon of 3, 6 or 12 months. */
class CohortsPanel extends LadderPanel {

    private int cohortMonths = 6;

    CohortsPanel(LadderReports reports, Supplier<LadderFilter> filter) {
        super(reports, filter);
    }

    /** The horizon (kept while the page is open), then the cohorts. */
    @Override
    void show() {
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
        add(horizon, result);
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
}
