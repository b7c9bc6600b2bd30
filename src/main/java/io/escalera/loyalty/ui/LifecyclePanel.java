package io.escalera.loyalty.ui;

import com.vaadin.flow.component.grid.Grid;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.LifecycleStep;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The lifecycle funnel: how many customers reached each step, and the conversion from the step before. */
class LifecyclePanel extends LadderPanel {

    LifecyclePanel(LadderReports reports, Supplier<LadderFilter> filter) {
        super(reports, filter);
    }

    @Override
    void show() {
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
        add(emptyOr(steps.getFirst().customers() == 0, chart), table,
                toolbar(CsvDownload.link(getTranslation("ladder-reports.export"), "lifecycle-funnel.csv", () -> csv)));
    }
}
