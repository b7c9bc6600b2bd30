package io.escalera.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.EChart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The movement between two days: who moved from which rung to which (a Sankey diagram), by rung and kind of move. */
class MovementPanel extends LadderPanel {

    private final Clock clock;
    private LocalDate movementFrom;
    private LocalDate movementTo;

    MovementPanel(LadderReports reports, Supplier<LadderFilter> filter, Clock clock) {
        super(reports, filter);
        this.clock = clock;
    }

    /** The two days (kept while the page is open), then the movement between them; a wrong order is marked on "to". */
    @Override
    void show() {
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
        add(new HorizontalLayout(from, to), result);
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
}
