package io.escalera.loyalty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
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

/** The funnel: now on each rung, ever reached, conversion to the next and median days to climb; the lapsed apart. */
class FunnelPanel extends LadderPanel {

    FunnelPanel(LadderReports reports, Supplier<LadderFilter> filter) {
        super(reports, filter);
    }

    @Override
    void show() {
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
        add(emptyOr(funnel.customers() == 0, chart), table,
                toolbar(lapsed, CsvDownload.link(getTranslation("ladder-reports.export"), "ladder-funnel.csv", () -> csv)),
                new Paragraph(getTranslation("ladder-reports.funnel.help")));
    }
}
