package io.escalera.kpi;

/**
 * What history says of a target before it is saved.
 *
 * @param plausible     within the KPI's natural bounds and no bigger a change than the best period-over-period change
 *                      ever observed for that KPI and scope
 * @param messageKey    why not (translation key), null when plausible
 * @param baseline      the value the change is measured from (the period before the target's), or null
 * @param neededChange  target − baseline, or null
 * @param bestChange    the best change observed between consecutive periods of that kind, in the KPI's good
 *                      direction, or null with fewer than two periods of history
 */
public record Plausibility(boolean plausible, String messageKey, Double baseline, Double neededChange, Double bestChange) {
}
