package io.escalera.interaction.internal;

import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionFilter;
import io.escalera.interaction.InteractionRow;
import io.escalera.shared.jdbc.StreamingQuery;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Interaction lists in SQL, newest first, paged in the database. */
@Component
public class InteractionQueries {

    private static final String SELECT = """
            SELECT i.id, i.customer_id, c.name, i.occurred_at, i.channel, i.direction, r.name, i.summary,
                   i.resolved_first_contact, i.minutes, i.handled_by, i.handled_by_name, i.follow_up_on, i.follow_up_done_at
            FROM interaction i JOIN customer c ON c.id = i.customer_id JOIN interaction_reason r ON r.id = i.reason_id""";

    private static final RowMapper<InteractionRow> ROW = (rs, n) -> new InteractionRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getTimestamp(4).toInstant(), InteractionChannel.valueOf(rs.getString(5)),
            Direction.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getInt(10),
            rs.getString(11), rs.getString(12), rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate(),
            rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    InteractionQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<InteractionRow> list(InteractionFilter filter, Set<Long> units, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, units, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT ? OFFSET ?").params(params).query(ROW).list();
    }

    /** Every interaction of the list (same filter, same order), streamed, for an export. */
    public void forEach(InteractionFilter filter, Set<Long> units, Consumer<InteractionRow> sink) {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + where(filter, units, params) + " ORDER BY i.occurred_at DESC, i.id DESC";
        StreamingQuery.forEach(jdbcTemplate, sql, params, ROW, sink);
    }

    private static String where(InteractionFilter filter, Set<Long> units, List<Object> params) {
        List<String> where = new ArrayList<>();
        inUnits(units, where);
        if (filter.from() != null) {
            where.add("i.occurred_at >= ?");
            params.add(Timestamp.valueOf(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            where.add("i.occurred_at < ?");
            params.add(Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()));
        }
        if (filter.channel() != null) {
            where.add("i.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.reasonId() != null) {
            where.add("i.reason_id = ?");
            params.add(filter.reasonId());
        }
        if (filter.direction() != null) {
            where.add("i.direction = ?");
            params.add(filter.direction().name());
        }
        if (filter.resolvedFirstContact() != null) {
            where.add("i.resolved_first_contact = ?");
            params.add(filter.resolvedFirstContact());
        }
        if (filter.handledBy() != null && !filter.handledBy().isBlank()) {
            where.add("i.handled_by = ?");
            params.add(filter.handledBy().trim());
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /** Open follow-ups due on or before {@code day}: a user's own, or (with {@code units}) a unit's. */
    public List<InteractionRow> followUpsDue(String handledBy, Set<Long> units, LocalDate day, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>(List.of("i.follow_up_on IS NOT NULL", "i.follow_up_done_at IS NULL", "i.follow_up_on <= ?"));
        params.add(Date.valueOf(day));
        if (handledBy != null) {
            where.add("i.handled_by = ?");
            params.add(handledBy);
        }
        inUnits(units, where);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + " WHERE " + String.join(" AND ", where) + " ORDER BY i.follow_up_on, i.id LIMIT ? OFFSET ?")
                .params(params).query(ROW).list();
    }

    public Optional<InteractionRow> byId(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(ROW).optional();
    }

    /** The channel and reason of the user's latest interaction: the quick log's defaults. */
    public Optional<Object[]> lastChannelAndReason(String handledBy) {
        return jdbc.sql("SELECT channel, reason_id FROM interaction WHERE handled_by = ? ORDER BY occurred_at DESC LIMIT 1")
                .param(handledBy).query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).optional();
    }

    public long minutesFor(long customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(minutes), 0) FROM interaction WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    private static void inUnits(Set<Long> units, List<String> where) {
        if (units != null) {
            where.add(UnitCondition.in("i.unit_id", units));
        }
    }
}
