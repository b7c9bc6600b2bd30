package io.escalera.kpi;

import java.time.Instant;

/** An answer behind a voice KPI (drill-down). Customer fields are null for an anonymous answer. */
public record KpiAnswer(long id, Instant answeredAt, Long customerId, String customerCode, String customerName, String kind,
                        int score, String comment) {
}
