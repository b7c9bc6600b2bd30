package io.escalera.kpi;

import java.util.List;

/** The boards and the KPIs each shows, in order. */
public enum Board {
    EXECUTIVE(List.of(Kpi.NPS, Kpi.CSAT_SHARE, Kpi.COMPLAINT_RATE, Kpi.SLA_COMPLIANCE, Kpi.OTIF, Kpi.RETURN_RATE,
            Kpi.AVERAGE_TICKET, Kpi.COMPENSATION_COST, Kpi.AVERAGE_ECONOMIC_VALUE, Kpi.AVERAGE_STRATEGIC_VALUE,
            Kpi.SILENT_DECLINERS, Kpi.CONVERSION_TO_SHOPPER, Kpi.CONVERSION_TO_CUSTOMER, Kpi.CONVERSION_TO_CLIENT,
            Kpi.CONVERSION_TO_ADVOCATE)),
    SERVICE(List.of(Kpi.CASES_OPENED, Kpi.COMPLAINT_RATE, Kpi.FIRST_RESPONSE_MEDIAN, Kpi.FIRST_RESPONSE_P90, Kpi.RESOLUTION_MEDIAN,
            Kpi.RESOLUTION_P90, Kpi.SLA_COMPLIANCE, Kpi.FIRST_CONTACT_RESOLUTION, Kpi.COMPENSATION_COST)),
    VOICE(List.of(Kpi.NPS, Kpi.CSAT_SHARE, Kpi.CSAT_MEAN, Kpi.CES_MEAN, Kpi.CES_SHARE, Kpi.ANSWERS, Kpi.LOOP_CLOSURE, Kpi.RECOVERY_RATE)),
    COMMERCE(List.of(Kpi.ORDERS, Kpi.OTIF, Kpi.RETURN_RATE, Kpi.AVERAGE_TICKET, Kpi.NET_SALES, Kpi.REPEAT_PURCHASE,
            Kpi.PURCHASE_FREQUENCY, Kpi.RETENTION, Kpi.CHURN));

    private final List<Kpi> kpis;

    Board(List<Kpi> kpis) {
        this.kpis = kpis;
    }

    public List<Kpi> kpis() {
        return kpis;
    }
}
