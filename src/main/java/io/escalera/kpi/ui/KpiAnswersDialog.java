package io.escalera.kpi.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.escalera.customer.ui.CustomerView;
import io.escalera.kpi.KpiAnswer;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.shared.ui.Formats;

/** The answers behind a voice number, paged in SQL; a click opens the customer (anonymous answers have none). */
class KpiAnswersDialog extends Dialog {

    KpiAnswersDialog(KpiService kpis, KpiFilter filter, KpiPeriod period, String kind, int minScore, int maxScore, String title) {
        setHeaderTitle(title);
        setWidth("min(900px, 95vw)");
        setHeight("70vh");
        Grid<KpiAnswer> grid = new Grid<>();
        grid.setId("kpi-answers");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(a -> Formats.dateTime(a.answeredAt(), getLocale())).setHeader(getTranslation("kpi.answered-at")).setAutoWidth(true);
        grid.addColumn(a -> a.customerName() == null ? getTranslation("kpi.anonymous") : a.customerName()).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid.addColumn(a -> a.customerCode() == null ? "" : a.customerCode()).setHeader(getTranslation("customer.code")).setAutoWidth(true);
        grid.addColumn(KpiAnswer::score).setHeader(getTranslation("kpi.score")).setAutoWidth(true);
        grid.addColumn(a -> a.comment() == null ? "" : a.comment()).setHeader(getTranslation("kpi.comment")).setFlexGrow(3);
        grid.setItems(query -> kpis.answers(filter, period, kind, minScore, maxScore, query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("ladder-reports.no-customers"));
        grid.addItemClickListener(e -> {
            if (e.getItem().customerId() != null) {
                getUI().ifPresent(ui -> {
                    close();
                    ui.navigate(CustomerView.class, e.getItem().customerId());
                });
            }
        });
        grid.setSizeFull();
        add(grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }
}
