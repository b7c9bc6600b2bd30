package io.escalera.kpi.internal;

import io.escalera.kpi.KpiFilter;

/**
 * Which facts: over every customer, or per value tier (each customer's tier as of the value module's last full run,
 * kept in {@code kpi_customer_tier} so that facts and drill-downs agree). Its tables, and the named pieces that turn a
 * fact query over every customer into one per tier (all empty over every customer).
 */
enum FactSlice {
    ALL("kpi_daily", "kpi_minutes", "kpi_monthly", "kpi_scores"),
    TIER("kpi_tier_daily", "kpi_tier_minutes", "kpi_tier_monthly", "kpi_tier_scores");

    final String daily;
    final String minutes;
    final String monthly;
    final String scores;

    FactSlice(String daily, String minutes, String monthly, String scores) {
        this.daily = daily;
        this.minutes = minutes;
        this.monthly = monthly;
        this.scores = scores;
    }

    static FactSlice of(KpiFilter filter) {
        return filter.tier() == null ? ALL : TIER;
    }

    /** The tier column after the channel in a fact table's column list (", tier"). */
    String column() {
        return this == ALL ? "" : ", tier";
    }

    /** The tier column first in the monthly roll-up's column list ("tier, "). */
    String leadingColumn() {
        return this == ALL ? "" : "tier, ";
    }

    /** The customer's tier in a grouping select; a customer without one (no value yet, an anonymous answer) is '-'. */
    String tierSelect() {
        return this == ALL ? "" : ", COALESCE(t.segment_key, '-') AS tier";
    }

    /** The tier in the grouping's GROUP BY. */
    String tierGroupBy() {
        return this == ALL ? "" : ", t.segment_key";
    }

    /** The tier of the grouped rows ({@code g}) in an outer select. */
    String groupedTier() {
        return this == ALL ? "" : ", g.tier";
    }

    /** The join to the customers' tiers through the customer id of the rows of {@code alias}. */
    String tierJoin(String alias) {
        return this == ALL ? "" : " LEFT JOIN kpi_customer_tier t ON t.customer_id = " + alias + ".customer_id";
    }
}
