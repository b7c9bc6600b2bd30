package io.escalera.loyalty.ui;

import io.escalera.customer.ui.CustomerView;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.shared.ui.CustomerListDialog;
import io.escalera.shared.ui.Formats;

/** The customers behind a number of a ladder report; a click opens the customer's page. */
class LadderCustomersDialog extends CustomerListDialog<LadderReport.CustomerRow> {

    LadderCustomersDialog(LadderReports reports, LadderFilter filter, LadderSegment segment, String title) {
        super(title, "ladder-customers", query -> reports.customers(filter, segment, query.getOffset(), query.getLimit()).stream(),
                LadderReport.CustomerRow::customerId, (ui, id) -> ui.navigate(CustomerView.class, id));
        grid().addColumn(LadderReport.CustomerRow::code).setHeader(getTranslation("customer.code")).setAutoWidth(true);
        grid().addColumn(LadderReport.CustomerRow::name).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid().addColumn(r -> getTranslation("stage." + r.stage())).setHeader(getTranslation("ladder-reports.stage-now")).setAutoWidth(true);
        grid().addColumn(r -> Formats.date(r.since(), getLocale())).setHeader(getTranslation("ladder-reports.since")).setAutoWidth(true);
    }
}
