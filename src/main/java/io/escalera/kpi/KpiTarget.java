package io.escalera.kpi;

/**
 * A target for one KPI, period and scope.
 *
 * @param scope       ALL, UNIT (unitId) or CHANNEL (channel)
 * @param implausible saved although it asks for more than history has ever shown (confirmed, with a rationale)
 */
public record KpiTarget(long id, Kpi kpi, KpiPeriod period, Scope scope, Long unitId, String channel, double value, String owner,
                        String rationale, boolean implausible) {

    public enum Scope { ALL, UNIT, CHANNEL }

    /** Whether the target applies to a board with this filter (scoped by the chosen unit or channel, or neither). */
    public boolean appliesTo(KpiFilter filter) {
        return switch (scope) {
            case ALL -> filter.unitId() == null && filter.channel() == null;
            case UNIT -> unitId != null && unitId.equals(filter.unitId()) && filter.channel() == null;
            case CHANNEL -> channel != null && channel.equals(filter.channel()) && filter.unitId() == null;
        };
    }

    /** On track (met or beaten), at risk (short by at most 5 % of the target), or off track. */
    public Status statusOf(Double actual) {
        if (actual == null) {
            return null;
        }
        double gap = kpi.higherIsBetter() ? value - actual : actual - value;
        if (gap <= 0) {
            return Status.ON_TRACK;
        }
        return gap <= Math.abs(value) * 0.05 ? Status.AT_RISK : Status.OFF_TRACK;
    }

    public enum Status { ON_TRACK, AT_RISK, OFF_TRACK }
}
