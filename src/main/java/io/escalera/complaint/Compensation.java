package io.escalera.complaint;

import java.math.BigDecimal;
import java.time.Instant;

/** A compensation on a case: what, how much, why, who granted it and (above the STAFF limit) who decided. */
public record Compensation(long id, long caseId, CompensationType type, BigDecimal amount, String reason,
                           String grantedByName, Instant grantedAt, CompensationStatus status, String decidedByName,
                           Instant decidedAt) {
}
