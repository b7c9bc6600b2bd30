/**
 * KPI boards: every KPI of the brief with one written definition, read from daily facts (sums per day, unit and
 * channel, and case-minute histograms) that a job rebuilds and events keep fresh — never from scans of the base
 * tables at every page view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KPIs",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "security", "customer", "customer :: ui", "interaction",
                "complaint", "feedback", "value", "loyalty"})
package io.escalera.kpi;
