package io.escalera.complaint.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Appends to a case's history (who, when, what changed); the history is never edited. */
@Component
public class ComplaintHistoryLog {

    private final JdbcClient jdbc;

    ComplaintHistoryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(long caseId, Instant at, String actorName, String kind, String from, String to, String note) {
        jdbc.sql("INSERT INTO complaint_history (case_id, at, actor_name, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(at), actorName, kind, from, to, note).update();
    }

    /**
     * Marks every open case whose first response or resolution is overdue, and writes one SLA_BREACH history entry per
     * mark — set-based, so that 300,000 cases take one pass. Paused cases (waiting for the customer) are not marked:
     * their clock is stopped. Safe to run on several nodes at once: each run's history rows are those it stamped.
     *
     * @return how many breaches were marked
     */
    public int markBreaches(Instant now) {
        // the stamp must compare equal once stored: the application's clock ticks in milliseconds, like the columns
        Timestamp stamp = Timestamp.from(now);
        int responses = jdbc.sql("""
                UPDATE complaint_case SET response_breached_at = ?
                WHERE status IN ('NEW', 'ASSIGNED') AND first_response_at IS NULL AND response_breached_at IS NULL
                  AND response_due_at < ?""").params(stamp, stamp).update();
        if (responses > 0) {
            jdbc.sql("""
                    INSERT INTO complaint_history (case_id, at, actor_name, kind, from_value, to_value, note)
                    SELECT id, ?, 'system', 'SLA_BREACH', NULL, 'RESPONSE', NULL FROM complaint_case
                    WHERE response_breached_at = ? AND status IN ('NEW', 'ASSIGNED')""").params(stamp, stamp).update();
        }
        int resolutions = jdbc.sql("""
                UPDATE complaint_case SET resolution_breached_at = ?
                WHERE status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED') AND resolution_breached_at IS NULL
                  AND resolution_due_at < ?""").params(stamp, stamp).update();
        if (resolutions > 0) {
            jdbc.sql("""
                    INSERT INTO complaint_history (case_id, at, actor_name, kind, from_value, to_value, note)
                    SELECT id, ?, 'system', 'SLA_BREACH', NULL, 'RESOLUTION', NULL FROM complaint_case
                    WHERE resolution_breached_at = ? AND status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED')""")
                    .params(stamp, stamp).update();
        }
        return responses + resolutions;
    }
}
