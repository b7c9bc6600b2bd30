package io.escalera.feedback.internal;

import io.escalera.customer.TimelineEntry;
import io.escalera.customer.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer's answers on the timeline: "NPS answer · 9 · comment". Answers have no channel. */
@Component
class FeedbackTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    FeedbackTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "FEEDBACK";
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String channel, int limit) {
        if (channel != null) {
            return List.of();
        }
        return jdbc.sql("SELECT id, answered_at, kind, score, comment FROM feedback WHERE customer_id = ? ORDER BY answered_at DESC, id DESC LIMIT ?")
                .params(customerId, limit).query((rs, n) -> new TimelineEntry("FEEDBACK", rs.getTimestamp(2).toInstant(), null,
                        "timeline.feedback." + rs.getString(3), rs.getInt(4) + (rs.getString(5) == null ? "" : " · " + rs.getString(5)),
                        null, rs.getLong(1))).list();
    }
}
