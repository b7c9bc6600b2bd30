package io.escalera.complaint.internal;

import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.SlaState;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA arithmetic, free of the database: due times move forward by the time spent waiting for the customer, and a
 * case resolved exactly at its due time is within SLA.
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** Whole minutes between two instants (rounded down). */
    public static int minutesBetween(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toMinutes());
    }

    /** Within SLA when resolved at or before the due time. */
    public static boolean withinSla(Instant resolvedAt, Instant resolutionDueAt) {
        return !resolvedAt.isAfter(resolutionDueAt);
    }

    /** The earliest due time still running: the first response while unanswered, else the resolution. */
    public static Instant nextDue(Instant firstResponseAt, Instant responseDueAt, Instant resolutionDueAt) {
        return firstResponseAt == null && responseDueAt.isBefore(resolutionDueAt) ? responseDueAt : resolutionDueAt;
    }

    public static SlaState state(ComplaintStatus status, Instant responseDueAt, Instant resolutionDueAt,
                                 Instant firstResponseAt, Instant pausedSince, Instant resolvedAt,
                                 Instant responseBreachedAt, Instant resolutionBreachedAt, Instant now, Duration dueSoon) {
        boolean responseLate = responseBreachedAt != null
                || (firstResponseAt == null ? now.isAfter(responseDueAt) : firstResponseAt.isAfter(responseDueAt));
        if (!status.isOpen()) {
            return !responseLate && resolvedAt != null && withinSla(resolvedAt, resolutionDueAt) && resolutionBreachedAt == null
                    ? SlaState.MET : SlaState.BREACHED;
        }
        if (responseLate || resolutionBreachedAt != null || (pausedSince == null && now.isAfter(resolutionDueAt))) {
            return SlaState.BREACHED;
        }
        if (pausedSince != null) {
            return SlaState.PAUSED;
        }
        Instant soon = now.plus(dueSoon);
        if ((firstResponseAt == null && !responseDueAt.isAfter(soon)) || !resolutionDueAt.isAfter(soon)) {
            return SlaState.DUE_SOON;
        }
        return SlaState.ON_TRACK;
    }
}
