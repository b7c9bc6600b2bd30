package io.escalera.complaint.internal;

import io.escalera.customer.TimelineEntry;
import io.escalera.customer.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The complaint module's entries on the customer timeline: each case when opened, and again when resolved. */
@Component
class ComplaintTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    ComplaintTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "COMPLAINT";
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String channel, int limit) {
        String onChannel = channel == null ? "" : " AND channel = ?";
        String sql = "SELECT * FROM ("
                + "(SELECT id, opened_at AS at, channel, CONCAT('complaint.category.', category) AS label, description AS detail"
                + " FROM complaint_case WHERE customer_id = ?" + onChannel + " ORDER BY opened_at DESC LIMIT ?)"
                + " UNION ALL "
                + "(SELECT id, resolved_at, channel, 'timeline.complaint.resolved', resolution"
                + " FROM complaint_case WHERE customer_id = ? AND resolved_at IS NOT NULL" + onChannel + " ORDER BY resolved_at DESC LIMIT ?)"
                + ") t ORDER BY at DESC, id DESC LIMIT ?";
        var statement = jdbc.sql(sql).param(customerId);
        if (channel != null) statement = statement.param(channel);
        statement = statement.param(limit).param(customerId);
        if (channel != null) statement = statement.param(channel);
        return statement.param(limit).param(limit).query((rs, n) -> new TimelineEntry("COMPLAINT", rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), "#" + rs.getLong(1) + " · " + rs.getString(5), null, rs.getLong(1))).list();
    }
}
