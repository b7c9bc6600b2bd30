package io.escalera.interaction.internal;

import io.escalera.customer.TimelineEntry;
import io.escalera.customer.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The interaction module's entries on the customer timeline. */
@Component
class InteractionTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    InteractionTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "INTERACTION";
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String channel, int limit) {
        String sql = """
                SELECT i.id, i.occurred_at, i.channel, i.direction, r.name, i.summary FROM interaction i
                JOIN interaction_reason r ON r.id = i.reason_id WHERE i.customer_id = ?"""
                + (channel == null ? "" : " AND i.channel = ?") + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?";
        var statement = jdbc.sql(sql).param(customerId);
        if (channel != null) {
            statement = statement.param(channel);
        }
        return statement.param(limit).query((rs, n) -> new TimelineEntry("INTERACTION", rs.getTimestamp(2).toInstant(),
                rs.getString(3), "timeline.interaction." + rs.getString(4), rs.getString(5) + " — " + rs.getString(6), null,
                rs.getLong(1))).list();
    }
}
