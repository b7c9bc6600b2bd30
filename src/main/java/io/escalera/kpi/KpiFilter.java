package io.escalera.kpi;

import io.escalera.value.ValueTier;

/**
 * Which records a board counts.
 *
 * @param unitId   a unit and the units below it (a region rolls up its stores), or null for the user's own scope
 * @param allUnits widen to every unit, where the user may
 * @param channel  the record's channel (an order's sales channel, a contact's or a case's channel; an answer takes
 *                 the channel of the order it is about), or null for any
 * @param tier     the records of the customers in this value tier as of the value module's last full run, or null
 *                 for every customer
 */
public record KpiFilter(Long unitId, boolean allUnits, String channel, ValueTier tier) {

    public KpiFilter(Long unitId, boolean allUnits, String channel) {
        this(unitId, allUnits, channel, null);
    }

    public static KpiFilter everything() {
        return new KpiFilter(null, false, null);
    }

    public KpiFilter withTier(ValueTier tier) {
        return new KpiFilter(unitId, allUnits, channel, tier);
    }
}
