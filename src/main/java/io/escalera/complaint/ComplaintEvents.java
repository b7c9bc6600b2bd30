package io.escalera.complaint;

import io.escalera.interaction.InteractionChannel;

import java.math.BigDecimal;
import java.time.Instant;

/** What the complaint module tells the feedback, value and KPI modules. */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    public record ComplaintOpened(long caseId, long customerId, long unitId, InteractionChannel channel,
                                  ComplaintCategory category, Severity severity, Long orderId, Instant openedAt) {
    }

    /** @param withinSla resolved at or before the resolution due time */
    public record ComplaintResolved(long caseId, long customerId, long unitId, Instant resolvedAt, int resolutionMinutes,
                                    boolean withinSla, long rootCauseId) {
    }

    public record ComplaintReopened(long caseId, long customerId, Instant reopenedAt) {
    }

    public record CompensationGranted(long caseId, long customerId, long compensationId, CompensationType type,
                                      BigDecimal amount, Instant grantedAt) {
    }
}
