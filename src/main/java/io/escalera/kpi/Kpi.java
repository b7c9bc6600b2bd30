package io.escalera.kpi;

import io.escalera.shared.Histograms;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The KPIs of the brief that the daily facts answer, each with its definition (translation key
 * {@code kpi.NAME.definition}), how it reads, whether higher is better, and its natural bounds. A KPI with nothing to
 * count in the period is absent (null), never zero.
 */
public enum Kpi {
    NPS(Format.POINTS, true, -100.0, 100.0),
    CSAT_SHARE(Format.PERCENT, true, 0.0, 1.0),
    CSAT_MEAN(Format.DECIMAL, true, 1.0, 5.0),
    CES_MEAN(Format.DECIMAL, true, 1.0, 7.0),
    CES_SHARE(Format.PERCENT, true, 0.0, 1.0),
    ANSWERS(Format.COUNT, true, 0.0, null),
    CASES_OPENED(Format.COUNT, false, 0.0, null),
    COMPLAINT_RATE(Format.PER_THOUSAND, false, 0.0, null),
    FIRST_RESPONSE_MEDIAN(Format.MINUTES, false, 0.0, null),
    FIRST_RESPONSE_P90(Format.MINUTES, false, 0.0, null),
    RESOLUTION_MEDIAN(Format.MINUTES, false, 0.0, null),
    RESOLUTION_P90(Format.MINUTES, false, 0.0, null),
    SLA_COMPLIANCE(Format.PERCENT, true, 0.0, 1.0),
    FIRST_CONTACT_RESOLUTION(Format.PERCENT, true, 0.0, 1.0),
    ORDERS(Format.COUNT, true, 0.0, null),
    NET_SALES(Format.MONEY, true, 0.0, null),
    OTIF(Format.PERCENT, true, 0.0, 1.0),
    RETURN_RATE(Format.PERCENT, false, 0.0, 1.0),
    AVERAGE_TICKET(Format.MONEY, true, 0.0, null),
    COMPENSATION_COST(Format.MONEY, false, 0.0, null),
    /** Customer KPIs: counted under the customer's home unit, for no channel (see CustomerActivityFacts). */
    REPEAT_PURCHASE(Format.PERCENT, true, 0.0, 1.0),
    PURCHASE_FREQUENCY(Format.DECIMAL, true, 0.0, null),
    // won-back customers are active at the end without being new, so retention can pass 100 %
    RETENTION(Format.PERCENT, true, 0.0, null),
    CHURN(Format.PERCENT, false, 0.0, 1.0),
    LOOP_CLOSURE(Format.PERCENT, true, 0.0, 1.0),
    RECOVERY_RATE(Format.PERCENT, true, 0.0, 1.0),
    /** Comes with the value module; absent until then. */
    AVERAGE_ECONOMIC_VALUE(Format.MONEY, true, null, null),
    /** Comes with the value module; absent until then. */
    AVERAGE_STRATEGIC_VALUE(Format.MONEY, true, null, null),
    /** At-risk customers with no complaint and no low score: the complaints nobody voiced (a snapshot, as above). */
    SILENT_DECLINERS(Format.COUNT, false, 0.0, null),
    /** Ladder conversions: of the customers who ever reached a rung, the share who reached the next (a snapshot). */
    CONVERSION_TO_SHOPPER(Format.PERCENT, true, 0.0, 1.0),
    CONVERSION_TO_CUSTOMER(Format.PERCENT, true, 0.0, 1.0),
    CONVERSION_TO_CLIENT(Format.PERCENT, true, 0.0, 1.0),
    CONVERSION_TO_ADVOCATE(Format.PERCENT, true, 0.0, 1.0);

    /** The KPIs of what customers do, read from the customer facts rather than the channel facts. */
    public static final Set<Kpi> CUSTOMER_KPIS = EnumSet.of(REPEAT_PURCHASE, PURCHASE_FREQUENCY, RETENTION, CHURN);

    /** The ladder conversions, from the bottom rung up. */
    public static final List<Kpi> LADDER_CONVERSIONS = List.of(CONVERSION_TO_SHOPPER, CONVERSION_TO_CUSTOMER,
            CONVERSION_TO_CLIENT, CONVERSION_TO_ADVOCATE);

    public enum Format { POINTS, PERCENT, DECIMAL, COUNT, PER_THOUSAND, MINUTES, MONEY }

    private final Format format;
    private final boolean higherIsBetter;
    private final Double min;
    private final Double max;

    Kpi(Format format, boolean higherIsBetter, Double min, Double max) {
        this.format = format;
        this.higherIsBetter = higherIsBetter;
        this.min = min;
        this.max = max;
    }

    /**
     * Whether the KPI is counted per period from the daily facts, with the records behind it and targets. The value
     * KPIs are not: they are a snapshot of the value module's last computation, shown for the current period.
     */
    public boolean fromDailyFacts() {
        return this != AVERAGE_ECONOMIC_VALUE && this != AVERAGE_STRATEGIC_VALUE && this != SILENT_DECLINERS
                && !LADDER_CONVERSIONS.contains(this);
    }

    public Format format() {
        return format;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The lowest value the KPI can take, or null when unbounded. */
    public Double min() {
        return min;
    }

    /** The highest value the KPI can take, or null when unbounded. */
    public Double max() {
        return max;
    }

    /** The KPI's value from the period's sums and minute histograms, or null when there is nothing to count. */
    public Double valueOf(Map<String, BigDecimal> sums, Map<String, TreeMap<Long, Long>> minutes) {
        return switch (this) {
            case NPS -> ratio(sums, 100, "nps_promoters", "nps_answers") == null ? null
                    : ratio(sums, 100, "nps_promoters", "nps_answers") - ratio(sums, 100, "nps_detractors", "nps_answers");
            case CSAT_SHARE -> ratio(sums, 1, "csat_top", "csat_answers");
            case CSAT_MEAN -> ratio(sums, 1, "csat_sum", "csat_answers");
            case CES_MEAN -> ratio(sums, 1, "ces_sum", "ces_answers");
            case CES_SHARE -> ratio(sums, 1, "ces_top", "ces_answers");
            case ANSWERS -> sum(sums, "nps_answers") + sum(sums, "csat_answers") + sum(sums, "ces_answers");
            case CASES_OPENED -> sum(sums, "cases_opened");
            case COMPLAINT_RATE -> ratio(sums, 1000, "cases_opened", "orders");
            case FIRST_RESPONSE_MEDIAN -> Histograms.median(minutes.getOrDefault("first_response", new TreeMap<>()));
            case FIRST_RESPONSE_P90 -> Histograms.percentile(minutes.getOrDefault("first_response", new TreeMap<>()), 0.9);
            case RESOLUTION_MEDIAN -> Histograms.median(minutes.getOrDefault("resolution", new TreeMap<>()));
            case RESOLUTION_P90 -> Histograms.percentile(minutes.getOrDefault("resolution", new TreeMap<>()), 0.9);
            case SLA_COMPLIANCE -> ratio(sums, 1, "resolved_in_sla", "cases_resolved");
            case FIRST_CONTACT_RESOLUTION -> ratio(sums, 1, "inbound_fcr", "inbound");
            case ORDERS -> sum(sums, "orders");
            case NET_SALES -> sums.containsKey("net") ? sum(sums, "net") : null;
            case OTIF -> ratio(sums, 1, "otif", "delivered");
            case RETURN_RATE -> ratio(sums, 1, "returned", "gross");
            case AVERAGE_TICKET -> ratio(sums, 1, "net", "orders");
            case COMPENSATION_COST -> sums.containsKey("compensation") ? sum(sums, "compensation") : 0.0;
            case REPEAT_PURCHASE -> ratio(sums, 1, "repeat_buyers", "buyers");
            // the brief's definition: orders ÷ customers with at least one order in the period (a calendar period: the facts
            // count distinct buyers per month, quarter and year, not per range of days)
            case PURCHASE_FREQUENCY -> ratio(sums, 1, "customer_orders", "buyers");
            case RETENTION -> sum(sums, "active_start") == 0 ? null
                    : (sum(sums, "active_end") - sum(sums, "new_customers")) / sum(sums, "active_start");
            case CHURN -> ratio(sums, 1, "lapsed", "active_start");
            case LOOP_CLOSURE -> ratio(sums, 1, "loop_closed_in_sla", "loop_opened");
            case RECOVERY_RATE -> ratio(sums, 1, "loop_recovered", "loop_known");
            case AVERAGE_ECONOMIC_VALUE, AVERAGE_STRATEGIC_VALUE, SILENT_DECLINERS, CONVERSION_TO_SHOPPER, CONVERSION_TO_CUSTOMER,
                 CONVERSION_TO_CLIENT, CONVERSION_TO_ADVOCATE -> null;
        };
    }

    private static double sum(Map<String, BigDecimal> sums, String measure) {
        BigDecimal value = sums.get(measure);
        return value == null ? 0 : value.doubleValue();
    }

    private static Double ratio(Map<String, BigDecimal> sums, double scale, String numerator, String denominator) {
        double below = sum(sums, denominator);
        return below == 0 ? null : scale * sum(sums, numerator) / below;
    }
}
