package io.escalera.kpi.ui;

import com.vaadin.flow.component.grid.Grid;
import io.escalera.kpi.Kpi;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The executive KPIs, one row per unit (the comparison tab), and the same as rows to export. */
class UnitComparisonGrid extends Grid<Map.Entry<Long, Map<Kpi, Double>>> {

    private final Map<Long, Map<Kpi, Double>> byUnit;
    private final List<Kpi> columns;
    private final Map<Long, String> unitNames;

    UnitComparisonGrid(Map<Long, Map<Kpi, Double>> byUnit, List<Kpi> columns, Map<Long, String> unitNames, Currency currency) {
        this.byUnit = byUnit;
        this.columns = columns;
        this.unitNames = unitNames;
        setId("kpi-compare");
        addColumn(e -> unitName(e.getKey())).setHeader(getTranslation("customers.filter.unit")).setAutoWidth(true).setFrozen(true);
        for (Kpi kpi : columns) {
            addColumn(e -> e.getValue().get(kpi) == null ? "—" : KpiFormats.format(kpi, e.getValue().get(kpi), currency, getLocale()))
                    .setHeader(getTranslation("kpi." + kpi)).setAutoWidth(true);
        }
        setItems(new ArrayList<>(byUnit.entrySet()));
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("ladder-reports.empty"));
    }

    /** The header and one row per unit, values as computed. */
    List<List<String>> csv() {
        List<List<String>> csv = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(getTranslation("customers.filter.unit")));
        columns.forEach(k -> header.add(getTranslation("kpi." + k)));
        csv.add(header);
        byUnit.forEach((unitId, values) -> {
            List<String> row = new ArrayList<>(List.of(unitName(unitId)));
            columns.forEach(k -> row.add(KpiFormats.raw(values.get(k))));
            csv.add(row);
        });
        return csv;
    }

    private String unitName(long unitId) {
        return unitId == 0 ? getTranslation("kpi.no-unit") : unitNames.getOrDefault(unitId, "#" + unitId);
    }
}
