package io.escalera.kpi.ui;

import io.escalera.customer.ui.CustomerView;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiRecord;
import io.escalera.shared.ui.CustomerListDialog;
import io.escalera.shared.ui.Formats;

import java.time.LocalDate;

/** The orders, cases, contacts or answers behind a tile; a click opens the customer. */
class KpiRecordsDialog extends CustomerListDialog<KpiRecord> {

    KpiRecordsDialog(KpiDrillDowns drillDowns, Board board, Kpi kpi, KpiFilter filter, KpiPeriod period) {
        super("", "kpi-records",
                query -> drillDowns.records(board, kpi, filter, period, query.getOffset(), query.getLimit()).stream(),
                KpiRecord::customerId, (ui, id) -> ui.navigate(CustomerView.class, id));
        setHeaderTitle(getTranslation("kpi." + kpi) + " · " + Formats.date(period.from(), getLocale()) + " – " + Formats.date(period.to(), getLocale()));
        grid().addColumn(r -> Formats.date(r.at().toLocalDate(), getLocale())).setHeader(getTranslation("kpi.record.when")).setAutoWidth(true);
        grid().addColumn(r -> getTranslation("kpi.record.kind." + r.kind()) + " #" + r.id()).setHeader(getTranslation("kpi.record.what")).setAutoWidth(true);
        grid().addColumn(r -> r.customerName() == null ? getTranslation("kpi.anonymous") : r.customerName()).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid().addColumn(r -> r.customerCode() == null ? "" : r.customerCode()).setHeader(getTranslation("customer.code")).setAutoWidth(true);
        grid().addColumn(this::detail).setHeader(getTranslation("kpi.record.detail")).setFlexGrow(2);
    }

    /** The record's detail in words: codes (a case category, a compensation type, a channel) translated. */
    private String detail(KpiRecord record) {
        String[] args = record.detailArgs() == null ? new String[0] : record.detailArgs().split("\\|");
        switch (record.detailKey()) {
            case "kpi.record.case" -> args[0] = getTranslation("complaint.category." + args[0]);
            case "kpi.record.compensation" -> args[0] = getTranslation("compensation.type." + args[0]);
            case "kpi.record.resolved-first", "kpi.record.not-resolved-first" -> args[0] = getTranslation("channel." + args[0]);
            case "kpi.record.stage" -> args[0] = getTranslation("stage." + args[0]);
            case "kpi.record.lapsed" -> args[0] = Formats.date(LocalDate.parse(args[0]), getLocale());
            default -> {
            }
        }
        return getTranslation(record.detailKey(), (Object[]) args);
    }
}
