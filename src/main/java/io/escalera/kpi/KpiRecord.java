package io.escalera.kpi;

import java.time.LocalDateTime;

/**
 * A record behind a board number (an order, a case, a contact or an answer): when, whose, and what it says about the
 * KPI ("late", "returned 20.00", "resolved in 95 min", "score 3").
 */
public record KpiRecord(String kind, long id, LocalDateTime at, Long customerId, String customerCode, String customerName,
                        String detailKey, String detailArgs) {
}
