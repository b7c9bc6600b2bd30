package io.escalera.loyalty;

/**
 * The lifecycle funnel of the brief, each step within the one before: approach (every known customer: contacted,
 * registered), acquire (first purchase), expand (a later purchase in a category the first did not have, or one that
 * lifted the average ticket above the first), retain (still buying a year or more after the first purchase) and
 * recommend (latest NPS a promoter's, or referred someone).
 */
public enum LifecycleStep {
    APPROACH, ACQUIRE, EXPAND, RETAIN, RECOMMEND
}
