package io.escalera.complaint;

import java.time.Instant;

/**
 * One change of a case: who, when, what kind (CREATED, STATUS, ASSIGNEE, SEVERITY, SLA_BREACH, COMPENSATION, COMMENT)
 * and the values before and after ({@code fromValue}/{@code toValue} are enum names or user names; {@code note} is text).
 */
public record HistoryEntry(long id, long caseId, Instant at, String actorName, String kind, String fromValue,
                           String toValue, String note) {
}
