package io.escalera.feedback.internal;

import io.escalera.feedback.AnswerRow;
import io.escalera.feedback.Feedback;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackSource;
import io.escalera.feedback.FollowUpOutcome;
import io.escalera.feedback.LoopFollowUp;
import io.escalera.feedback.LoopMeasures;
import io.escalera.feedback.Touchpoint;
import io.escalera.shared.jdbc.Rows;
import io.escalera.shared.jdbc.StreamingQuery;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static io.escalera.shared.jdbc.Rows.longOrNull;

/** Answers and their follow-ups in SQL: answers are appended, never edited; follow-ups carry a version. */
@Component
public class FeedbackStore {

    private static final String FEEDBACK = """
            SELECT id, customer_id, answered_at, kind, score, comment, source, touchpoint, order_id, interaction_id,
                   complaint_id, recorded_by_name FROM feedback""";
    private static final RowMapper<Feedback> FEEDBACK_ROW = (rs, n) -> new Feedback(rs.getLong(1), longOrNull(rs, 2),
            rs.getTimestamp(3).toInstant(), FeedbackKind.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6),
            FeedbackSource.valueOf(rs.getString(7)), Touchpoint.valueOf(rs.getString(8)), longOrNull(rs, 9),
            longOrNull(rs, 10), longOrNull(rs, 11), rs.getString(12));
    private static final String FOLLOW_UP = """
            SELECT u.id, u.feedback_id, u.customer_id, c.name, f.kind, f.score, f.comment, u.opened_at, u.due_at, u.closed_at,
                   u.outcome, u.notes, u.closed_by_name, u.complaint_id, u.version, u.unit_id
            FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id LEFT JOIN customer c ON c.id = u.customer_id""";
    private static final RowMapper<LoopFollowUp> FOLLOW_UP_ROW = (rs, n) -> {
        Instant due = rs.getTimestamp(9).toInstant();
        Instant closed = Rows.instant(rs, 10);
        return new LoopFollowUp(rs.getLong(1), rs.getLong(2), longOrNull(rs, 3), longOrNull(rs, 16), rs.getString(4),
                FeedbackKind.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), due,
                closed, rs.getString(11) == null ? null : FollowUpOutcome.valueOf(rs.getString(11)), rs.getString(12),
                rs.getString(13), longOrNull(rs, 14), rs.getLong(15), closed == null ? null : !closed.isAfter(due));
    };

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    FeedbackStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    public record NewFeedback(Long customerId, Long unitId, Instant answeredAt, FeedbackKind kind, int score, String comment,
                              FeedbackSource source, Touchpoint touchpoint, Long orderId, Long interactionId,
                              Long complaintId, Long invitationId, String recordedByName) {
    }

    public long insert(NewFeedback f) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO feedback (customer_id, unit_id, answered_at, kind, score, comment, source, touchpoint, order_id,
                                              interaction_id, complaint_id, invitation_id, recorded_by_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.customerId(), f.unitId(), Timestamp.from(f.answeredAt()), f.kind().name(), f.score(), f.comment(),
                        f.source().name(), f.touchpoint().name(), f.orderId(), f.interactionId(), f.complaintId(),
                        f.invitationId(), f.recordedByName())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Feedback> byId(long id) {
        return jdbc.sql(FEEDBACK + " WHERE id = ?").param(id).query(FEEDBACK_ROW).optional();
    }

    /** The unit an answer was counted for; empty for an anonymous answer (or no such answer). */
    public Optional<Long> unitOf(long id) {
        return jdbc.sql("SELECT unit_id FROM feedback WHERE id = ?").param(id).query((rs, n) -> longOrNull(rs, 1))
                .optional().flatMap(Optional::ofNullable);
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM feedback WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Answers of the given units (null: every unit), newest first, narrowed to a customer, a kind and a period. */
    public List<Feedback> list(Set<Long> units, Long customerId, FeedbackKind kind, Instant from, Instant to, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = conditions("", units, customerId, kind, from, to, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(FEEDBACK + where + " ORDER BY answered_at DESC, id DESC LIMIT ? OFFSET ?").params(params)
                .query(FEEDBACK_ROW).list();
    }

    private static final String ANSWER = """
            SELECT f.id, f.answered_at, f.kind, f.score, f.comment, f.source, f.touchpoint, f.customer_id, c.name
            FROM feedback f LEFT JOIN customer c ON c.id = f.customer_id""";
    private static final RowMapper<AnswerRow> ANSWER_ROW = (rs, n) -> new AnswerRow(
            rs.getLong(1), rs.getTimestamp(2).toInstant(), FeedbackKind.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5),
            FeedbackSource.valueOf(rs.getString(6)), Touchpoint.valueOf(rs.getString(7)), longOrNull(rs, 8), rs.getString(9));

    /** Answers of the units (null: all), newest first, by kind and period [from, to) when given, with the customer's name. */
    public List<AnswerRow> answers(Set<Long> units, FeedbackKind kind, Instant from, Instant to, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = ANSWER + conditions("f.", units, null, kind, from, to, params) + " ORDER BY f.answered_at DESC, f.id DESC LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql).params(params).query(ANSWER_ROW).list();
    }

    /** The same answers, every one, streamed (exports: no OFFSET paging through a million answers). */
    public void forEachAnswer(Set<Long> units, FeedbackKind kind, Instant from,
                              Instant to, Consumer<AnswerRow> sink) {
        List<Object> params = new ArrayList<>();
        String sql = ANSWER + conditions("f.", units, null, kind, from, to, params) + " ORDER BY f.answered_at DESC, f.id DESC";
        StreamingQuery.forEach(jdbcTemplate, sql, params, ANSWER_ROW, sink);
    }

    /**
     * The WHERE of an answer list — the units (null: every unit), and a customer, a kind and a period [from, to) when
     * given — on the feedback columns prefixed by {@code column} ("" or "f."); the values go to {@code params}.
     */
    private static String conditions(String column, Set<Long> units, Long customerId, FeedbackKind kind, Instant from, Instant to,
                                     List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(UnitCondition.and(column + "unit_id", units));
        if (customerId != null) {
            where.append(" AND ").append(column).append("customer_id = ?");
            params.add(customerId);
        }
        if (kind != null) {
            where.append(" AND ").append(column).append("kind = ?");
            params.add(kind.name());
        }
        if (from != null) {
            where.append(" AND ").append(column).append("answered_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND ").append(column).append("answered_at < ?");
            params.add(Timestamp.from(to));
        }
        return where.toString();
    }

    public Optional<Feedback> latest(long customerId, FeedbackKind kind) {
        return jdbc.sql(FEEDBACK + " WHERE customer_id = ? AND kind = ? ORDER BY answered_at DESC, id DESC LIMIT 1")
                .params(customerId, kind.name()).query(FEEDBACK_ROW).optional();
    }

    public long openFollowUp(long feedbackId, Long customerId, Long unitId, Instant openedAt, Instant dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO feedback_follow_up (feedback_id, customer_id, unit_id, opened_at, due_at) VALUES (?, ?, ?, ?, ?)")
                .params(feedbackId, customerId, unitId, Timestamp.from(openedAt), Timestamp.from(dueAt)).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<LoopFollowUp> followUp(long id) {
        return jdbc.sql(FOLLOW_UP + " WHERE u.id = ?").param(id).query(FOLLOW_UP_ROW).optional();
    }

    /** Follow-ups of the given units (null: every unit), open ones first by due time, then closed ones newest first. */
    public List<LoopFollowUp> followUps(Set<Long> units, boolean openOnly, long offset, int limit) {
        String where = " WHERE 1 = 1" + UnitCondition.and("u.unit_id", units) + (openOnly ? " AND u.closed_at IS NULL" : "");
        return jdbc.sql(FOLLOW_UP + where + " ORDER BY u.closed_at IS NOT NULL, u.due_at, u.id LIMIT ? OFFSET ?")
                .params(limit, offset).query(FOLLOW_UP_ROW).list();
    }

    /** Closes a follow-up if it is still at {@code version}; false when someone changed it meanwhile. */
    public boolean close(long id, long version, FollowUpOutcome outcome, String notes, String closedByName, Instant at) {
        return jdbc.sql("""
                        UPDATE feedback_follow_up SET closed_at = ?, outcome = ?, notes = ?, closed_by_name = ?, version = version + 1
                        WHERE id = ? AND version = ? AND closed_at IS NULL""")
                .params(Timestamp.from(at), outcome.name(), notes, closedByName, id, version).update() == 1;
    }

    public boolean linkComplaint(long id, long version, long complaintId) {
        return jdbc.sql("UPDATE feedback_follow_up SET complaint_id = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(complaintId, id, version).update() == 1;
    }


    /** See {@link io.escalera.feedback.LoopMeasures} for the definitions; {@code units} null means every unit. */
    public LoopMeasures loopMeasures(Set<Long> units, Instant from, Instant to) {
        String inUnits = UnitCondition.and("u.unit_id", units);
        String followUps = """
                SELECT u.id, u.customer_id, u.closed_at, u.due_at, f.answered_at,
                       """ + io.escalera.feedback.LoopMeasures.recoveredCondition("u", "f") + """
                 AS recovered
                FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id
                WHERE u.opened_at >= ? AND u.opened_at < ?""" + inUnits;
        Object[] counts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(closed_at IS NOT NULL AND closed_at <= due_at), 0),"
                        + " COALESCE(SUM(customer_id IS NOT NULL), 0), COALESCE(SUM(recovered), 0) FROM (" + followUps + ") x")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        BigDecimal compensation = jdbc.sql("""
                        SELECT COALESCE(SUM(m.amount), 0) FROM (""" + followUps + """
                        ) x JOIN complaint_case k ON k.customer_id = x.customer_id
                        JOIN complaint_compensation m ON m.case_id = k.id AND m.status = 'GRANTED'
                          AND m.granted_at >= x.answered_at AND m.granted_at <= x.answered_at + INTERVAL 90 DAY
                        WHERE x.recovered""")
                .params(Timestamp.from(from), Timestamp.from(to)).query(BigDecimal.class).single();
        return new LoopMeasures((Long) counts[0], (Long) counts[1], (Long) counts[2], (Long) counts[3], compensation);
    }
}
