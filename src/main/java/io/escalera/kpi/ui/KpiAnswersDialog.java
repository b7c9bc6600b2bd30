package io.escalera.kpi.ui;

import io.escalera.customer.ui.CustomerView;
import io.escalera.kpi.KpiAnswer;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.shared.ui.CustomerListDialog;
import io.escalera.shared.ui.Formats;

/** The answers behind a voice number with their comments; a click opens the customer (anonymous answers have none). */
class KpiAnswersDialog extends CustomerListDialog<KpiAnswer> {

    KpiAnswersDialog(KpiDrillDowns drillDowns, KpiFilter filter, KpiPeriod period, String kind, int minScore, int maxScore, String title) {
        super(title, "kpi-answers", query -> drillDowns.answers(filter, period, kind, minScore, maxScore, query.getOffset(), query.getLimit()).stream(),
                KpiAnswer::customerId, (ui, id) -> ui.navigate(CustomerView.class, id));
        grid().addColumn(a -> Formats.dateTime(a.answeredAt(), getLocale())).setHeader(getTranslation("kpi.answered-at")).setAutoWidth(true);
        grid().addColumn(a -> a.customerName() == null ? getTranslation("kpi.anonymous") : a.customerName()).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid().addColumn(a -> a.customerCode() == null ? "" : a.customerCode()).setHeader(getTranslation("customer.code")).setAutoWidth(true);
        grid().addColumn(KpiAnswer::score).setHeader(getTranslation("kpi.score")).setAutoWidth(true);
        grid().addColumn(a -> a.comment() == null ? "" : a.comment()).setHeader(getTranslation("kpi.comment")).setFlexGrow(3);
    }
}
