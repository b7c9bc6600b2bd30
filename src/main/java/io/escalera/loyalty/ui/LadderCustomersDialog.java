package io.escalera.loyalty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.escalera.customer.ui.CustomerView;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.shared.ui.Formats;

/** The customers behind a number of a ladder report, paged in SQL; a click opens the customer's page. */
class LadderCustomersDialog extends Dialog {

    LadderCustomersDialog(LadderReports reports, LadderFilter filter, LadderSegment segment, String title) {
        setHeaderTitle(title);
        setWidth("min(900px, 95vw)");
        setHeight("70vh");
        Grid<LadderReport.CustomerRow> grid = new Grid<>();
        grid.setId("ladder-customers");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(LadderReport.CustomerRow::code).setHeader(getTranslation("customer.code")).setAutoWidth(true);
        grid.addColumn(LadderReport.CustomerRow::name).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("stage." + r.stage())).setHeader(getTranslation("ladder-reports.stage-now")).setAutoWidth(true);
        grid.addColumn(r -> Formats.date(r.since(), getLocale())).setHeader(getTranslation("ladder-reports.since")).setAutoWidth(true);
        grid.setItems(query -> reports.customers(filter, segment, query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("ladder-reports.no-customers"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> {
            // the UI is taken before closing: a closed dialog is detached and has none
            close();
            ui.navigate(CustomerView.class, e.getItem().customerId());
        }));
        grid.setSizeFull();
        add(grid);
        Button close = new Button(getTranslation("action.close"), e -> close());
        getFooter().add(close);
    }
}
