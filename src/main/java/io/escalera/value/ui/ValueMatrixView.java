package io.escalera.value.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.customer.ui.UnitPicker;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.ValueMatrix;
import io.escalera.value.ValueService;
import io.escalera.value.ValueTier;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Value × satisfaction: buying customers by value tier and latest NPS — the corner "high value, detractor" is the
 * first worklist — and by RFM segment. Every number opens the customers behind it.
 */
@Route("value")
@Menu(title = "nav.value", order = 21.6, icon = "vaadin:diamond-o")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class ValueMatrixView extends VerticalLayout implements LocalizedTitle {

    private final ValueService values;
    private final Currency currency;
    private final UnitPicker units;
    private final Div content = new Div();

    public ValueMatrixView(ValueService values, CustomerService customers, GeneralSettingsService settings) {
        this.values = values;
        this.currency = settings.currency();
        this.units = new UnitPicker(customers, "value");
        units.addChangeListener(this::refresh);
        content.setWidthFull();
        add(units, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        ValueMatrix matrix = values.matrix(units.unitId(), units.allUnits());
        content.add(new H3(getTranslation("value.matrix.title")), matrix(matrix),
                new H3(getTranslation("value.rfm.title")), rfm(matrix));
    }

    private Div matrix(ValueMatrix matrix) {
        Div grid = new Div();
        grid.setId("value-matrix");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "10rem repeat(4, minmax(7rem, 1fr))")
                .set("gap", "var(--lumo-space-s)").set("max-width", "60rem");
        grid.add(new Span());
        for (NpsBand band : NpsBand.values()) {
            grid.add(new Span(getTranslation("nps-band." + band)));
        }
        for (ValueTier tier : ValueTier.values()) {
            grid.add(new Span(tier + " · " + getTranslation("value.tier." + tier)));
            for (NpsBand band : NpsBand.values()) {
                long count = matrix.count(tier, band);
                Button cell = new Button(Formats.number(count, getLocale()));
                cell.setId("matrix-" + tier + "-" + band);
                boolean corner = tier == ValueTier.A && band == NpsBand.DETRACTOR;
                if (corner) {
                    cell.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
                    cell.setTooltipText(getTranslation("value.matrix.corner"));
                }
                cell.addClickListener(e -> new ValuedCustomersDialog(getTranslation("value.matrix.drill", tier,
                        getTranslation("nps-band." + band)),
                        q -> values.matrixCell(tier, band, units.unitId(), units.allUnits(), q.getOffset(), q.getLimit()).stream(),
                        currency).open());
                grid.add(cell);
            }
        }
        // the corner's name below the matrix: a button label is cut short in a narrow column
        Span corner = new Span("■ " + getTranslation("value.matrix.corner") + " — " + getTranslation("value.matrix.corner-hint"));
        corner.setId("matrix-corner-label");
        corner.getStyle().set("grid-column", "2 / span 4").set("color", "var(--lumo-error-text-color)");
        grid.add(corner);
        return grid;
    }

    private Div rfm(ValueMatrix matrix) {
        List<RfmSegment> segments = Arrays.asList(RfmSegment.values());
        Div box = new Div();
        if (matrix.segments().isEmpty()) {
            box.add(new Span(getTranslation("value.empty")));
            return box;
        }
        EChart chart = new EChart();
        chart.setId("value-rfm-chart");
        chart.setHeight("280px");
        chart.setWidthFull();
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 140, "right", 30, "bottom", 20, "top", 10),
                "yAxis", Map.of("type", "category", "inverse", true,
                        "data", segments.stream().map(s -> getTranslation("rfm." + s)).toList()),
                "xAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "cursor", "pointer",
                        "data", segments.stream().map(s -> matrix.segments().getOrDefault(s, 0L)).toList()))));
        chart.addChartClickListener(e -> drill(segments.get(e.getDataIndex())));
        Grid<RfmSegment> table = new Grid<>();
        table.setId("value-rfm-table");
        table.addColumn(s -> getTranslation("rfm." + s)).setHeader(getTranslation("value.rfm.segment")).setFlexGrow(2);
        table.addColumn(s -> Formats.number(matrix.segments().getOrDefault(s, 0L), getLocale())).setHeader(getTranslation("value.rfm.customers"));
        table.addColumn(s -> getTranslation("rfm." + s + ".rule")).setHeader(getTranslation("value.rfm.rule")).setFlexGrow(3);
        table.setItems(segments);
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addItemClickListener(e -> drill(e.getItem()));
        box.add(chart, table);
        return box;
    }

    private void drill(RfmSegment segment) {
        new ValuedCustomersDialog(getTranslation("rfm." + segment),
                q -> values.rfmSegment(segment, units.unitId(), units.allUnits(), q.getOffset(), q.getLimit()).stream(),
                currency).open();
    }

    @Override
    public String titleKey() {
        return "nav.value";
    }
}
