package io.escalera.complaint.internal;

import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationStatus;
import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintRow;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.HistoryEntry;
import io.escalera.complaint.Severity;
import io.escalera.interaction.InteractionChannel;
import io.escalera.shared.jdbc.StreamingQuery;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.escalera.shared.jdbc.Rows.instant;
import static io.escalera.shared.jdbc.Rows.intOrNull;
import static io.escalera.shared.jdbc.Rows.longOrNull;

/** Case lists, queue counts and a case's details, history and compensations — in SQL, paged in the database. */
@Component
public class ComplaintQueries {

    private static final String OPEN = ComplaintStatus.openStatuses().stream().map(s -> "'" + s + "'")
            .collect(Collectors.joining(",", "(", ")"));

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ComplaintQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A query's WHERE clause and its parameters. */
    private record Where(List<String> conditions, List<Object> params) {
        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    public List<ComplaintRow> list(ComplaintFilter filter, Set<Long> units, String me, Instant now, Duration dueSoon,
                                   long offset, int limit) {
        Where where = where(filter, units, me, now, dueSoon);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql(LIST + where.sql() + order(filter) + " LIMIT ? OFFSET ?").params(params).query(rowMapper(now, dueSoon)).list();
    }

    /** Every case of the list (same filter, same order), streamed, for an export. */
    public void forEach(ComplaintFilter filter, Set<Long> units, String me, Instant now, Duration dueSoon,
                        Consumer<ComplaintRow> sink) {
        Where where = where(filter, units, me, now, dueSoon);
        StreamingQuery.forEach(jdbcTemplate, LIST + where.sql() + order(filter), where.params(),
                rowMapper(now, dueSoon), sink);
    }

    /** Newest first for the unit's list, most urgent first for the other queues. */
    private static String order(ComplaintFilter filter) {
        return filter.queue() == ComplaintQueue.UNIT ? " ORDER BY k.opened_at DESC, k.id DESC" : " ORDER BY k.resolution_due_at, k.id";
    }

    private static final String LIST = """
            SELECT k.id, k.customer_id, c.name, k.opened_at, k.channel, k.category, k.severity, k.status, k.assignee,
                   k.assignee_name, u.name, k.response_due_at, k.resolution_due_at, k.first_response_at,
                   k.paused_since, k.resolved_at, k.response_breached_at, k.resolution_breached_at
            FROM complaint_case k JOIN customer c ON c.id = k.customer_id JOIN unit u ON u.id = k.unit_id""";

    private static RowMapper<ComplaintRow> rowMapper(Instant now, Duration dueSoon) {
        return (rs, n) -> {
            ComplaintStatus status = ComplaintStatus.valueOf(rs.getString(8));
            Instant responseDue = instant(rs, 12);
            Instant resolutionDue = instant(rs, 13);
            Instant firstResponse = instant(rs, 14);
            return new ComplaintRow(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4),
                    InteractionChannel.valueOf(rs.getString(5)), ComplaintCategory.valueOf(rs.getString(6)),
                    Severity.valueOf(rs.getString(7)), status, rs.getString(9), rs.getString(10), rs.getString(11),
                    status.isOpen() ? SlaClock.nextDue(firstResponse, responseDue, resolutionDue) : null,
                    SlaClock.state(status, responseDue, resolutionDue, firstResponse, instant(rs, 15), instant(rs, 16),
                            instant(rs, 17), instant(rs, 18), now, dueSoon));
        };
    }

    /**
     * How many cases match, counting no further than {@code cap} + 1: a queue tab shows "10,000+" rather than count a
     * large unit's whole history on every page view.
     */
    public long count(ComplaintFilter filter, Set<Long> units, String me, Instant now, Duration dueSoon, int cap) {
        Where where = where(filter, units, me, now, dueSoon);
        List<Object> params = new ArrayList<>(where.params());
        params.add(cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM complaint_case k" + where.sql() + " LIMIT ?) capped")
                .params(params).query(Long.class).single();
    }

    private static Where where(ComplaintFilter filter, Set<Long> units, String me, Instant now, Duration dueSoon) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (units != null) {
            conditions.add(UnitCondition.in("k.unit_id", units));
        }
        switch (filter.queue()) {
            case MINE -> {
                conditions.add("k.assignee = ?");
                params.add(me == null ? "" : me);
            }
            case UNASSIGNED -> conditions.add("k.assignee IS NULL");
            case AT_RISK -> {
                conditions.add("""
                        (k.response_breached_at IS NOT NULL OR k.resolution_breached_at IS NOT NULL
                         OR (k.first_response_at IS NULL AND k.response_due_at <= ?)
                         OR (k.paused_since IS NULL AND k.resolution_due_at <= ?))""");
                Timestamp soon = Timestamp.from(now.plus(dueSoon));
                params.add(soon);
                params.add(soon);
            }
            case UNIT -> { }
        }
        if (filter.status() != null) {
            conditions.add("k.status = ?");
            params.add(filter.status().name());
        } else if (filter.queue() != ComplaintQueue.UNIT) {
            conditions.add("k.status IN " + OPEN);
        }
        if (filter.category() != null) {
            conditions.add("k.category = ?");
            params.add(filter.category().name());
        }
        if (filter.severity() != null) {
            conditions.add("k.severity = ?");
            params.add(filter.severity().name());
        }
        if (filter.channel() != null) {
            conditions.add("k.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.from() != null) {
            conditions.add("k.opened_at >= ?");
            params.add(Timestamp.valueOf(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            conditions.add("k.opened_at < ?");
            params.add(Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()));
        }
        return new Where(conditions, params);
    }

    public Optional<ComplaintDetails> details(long id, Instant now, Duration dueSoon) {
        return jdbc.sql("""
                SELECT k.id, k.customer_id, c.name, k.unit_id, u.name, k.opened_at, k.opened_by_name, k.channel, k.category,
                       k.severity, k.order_id, o.external_id, k.description, k.status, k.assignee, k.assignee_name,
                       k.response_due_at, k.resolution_due_at, k.first_response_at, k.first_response_minutes, k.paused_since,
                       k.paused_minutes, k.resolved_at, k.resolution_minutes, k.resolution, k.root_cause_id,
                       CASE WHEN rp.id IS NULL THEN r.name ELSE CONCAT(rp.name, ' › ', r.name) END,
                       k.closed_at, k.response_breached_at, k.resolution_breached_at, k.reopened_count,
                       k.source_interaction_id, k.updated_by_name, k.updated_at, k.version
                FROM complaint_case k JOIN customer c ON c.id = k.customer_id JOIN unit u ON u.id = k.unit_id
                LEFT JOIN customer_order o ON o.id = k.order_id
                LEFT JOIN complaint_root_cause r ON r.id = k.root_cause_id
                LEFT JOIN complaint_root_cause rp ON rp.id = r.parent_id
                WHERE k.id = ?""").param(id).query((rs, n) -> {
            ComplaintStatus status = ComplaintStatus.valueOf(rs.getString(14));
            return new ComplaintDetails(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                    instant(rs, 6), rs.getString(7), InteractionChannel.valueOf(rs.getString(8)),
                    ComplaintCategory.valueOf(rs.getString(9)), Severity.valueOf(rs.getString(10)), longOrNull(rs, 11),
                    rs.getString(12), rs.getString(13), status, rs.getString(15), rs.getString(16), instant(rs, 17),
                    instant(rs, 18), instant(rs, 19), intOrNull(rs, 20), instant(rs, 21), rs.getInt(22), instant(rs, 23),
                    intOrNull(rs, 24), rs.getString(25), longOrNull(rs, 26), rs.getString(27), instant(rs, 28),
                    instant(rs, 29), instant(rs, 30), rs.getInt(31), longOrNull(rs, 32), rs.getString(33), instant(rs, 34),
                    rs.getLong(35), SlaClock.state(status, instant(rs, 17), instant(rs, 18), instant(rs, 19), instant(rs, 21),
                    instant(rs, 23), instant(rs, 29), instant(rs, 30), now, dueSoon));
        }).optional();
    }

    public List<HistoryEntry> history(long caseId) {
        return jdbc.sql("SELECT id, case_id, at, actor_name, kind, from_value, to_value, note FROM complaint_history WHERE case_id = ? ORDER BY id")
                .param(caseId).query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getLong(2), instant(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    public List<Compensation> compensations(long caseId) {
        return jdbc.sql("""
                        SELECT id, case_id, type, amount, reason, granted_by_name, granted_at, status, decided_by_name, decided_at
                        FROM complaint_compensation WHERE case_id = ? ORDER BY granted_at, id""")
                .param(caseId).query((rs, n) -> new Compensation(rs.getLong(1), rs.getLong(2), CompensationType.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                        CompensationStatus.valueOf(rs.getString(8)), rs.getString(9), instant(rs, 10))).list();
    }

    /** Granted compensation of a customer to date, whatever the cases' status (the value module's term). */
    public BigDecimal grantedCompensation(long customerId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(m.amount), 0) FROM complaint_compensation m JOIN complaint_case k ON k.id = m.case_id
                WHERE k.customer_id = ? AND m.status = 'GRANTED'""").param(customerId).query(BigDecimal.class).single();
    }

}
