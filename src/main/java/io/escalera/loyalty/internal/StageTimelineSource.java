package io.escalera.loyalty.internal;

import io.escalera.customer.TimelineEntry;
import io.escalera.customer.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/** Stage changes on the customer's timeline ("Became a client"), dated at the start of the day they happened. */
@Component
class StageTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    StageTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "STAGE";
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String channel, int limit) {
        if (channel != null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, changed_on, to_stage FROM loyalty_stage_change WHERE customer_id = ?
                        ORDER BY changed_on DESC, id DESC LIMIT ?""")
                .params(customerId, limit).query((rs, n) -> new TimelineEntry("STAGE",
                        rs.getDate(2).toLocalDate().atStartOfDay(ZoneId.systemDefault()).toInstant(), null,
                        "timeline.stage." + rs.getString(3), null, null, rs.getLong(1))).list();
    }
}
