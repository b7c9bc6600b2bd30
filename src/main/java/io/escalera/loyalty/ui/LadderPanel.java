package io.escalera.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.shared.ui.EChart;
import io.escalera.shared.ui.Formats;

import java.util.List;
import java.util.function.Supplier;

/**
 * One tab of the ladder reports: a chart, its table and the CSV export, read again for the page's filter whenever the
 * filter or the tab changes. Every bar, step and flow opens the customers behind it.
 */
abstract class LadderPanel extends VerticalLayout {

    static final List<Stage> RUNGS = List.of(Stage.PROSPECT, Stage.SHOPPER, Stage.CUSTOMER, Stage.CLIENT, Stage.ADVOCATE);

    final LadderReports reports;
    private final Supplier<LadderFilter> filter;

    LadderPanel(LadderReports reports, Supplier<LadderFilter> filter) {
        this.reports = reports;
        this.filter = filter;
        setPadding(false);
        setWidthFull();
    }

    /** Reads the report again and shows it. */
    final void refresh() {
        removeAll();
        show();
    }

    abstract void show();

    LadderFilter filter() {
        return filter.get();
    }

    String stage(Stage stage) {
        return getTranslation("stage." + stage);
    }

    String number(long value) {
        return Formats.number(value, getLocale());
    }

    void drill(LadderSegment segment, String title) {
        new LadderCustomersDialog(reports, filter(), segment, title).open();
    }

    <T> Grid<T> table(String id) {
        Grid<T> table = new Grid<>();
        table.setId(id);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        return table;
    }

    Component emptyOr(boolean empty, EChart chart) {
        if (!empty) {
            return chart;
        }
        Span none = new Span(getTranslation("ladder-reports.empty"));
        none.setId("ladder-empty");
        return none;
    }

    static HorizontalLayout toolbar(Component... parts) {
        HorizontalLayout toolbar = new HorizontalLayout(parts);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return toolbar;
    }
}
