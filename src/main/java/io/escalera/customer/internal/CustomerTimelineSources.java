package io.escalera.customer.internal;

import io.escalera.customer.TimelineEntry;
import io.escalera.customer.TimelineSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.util.List;

/** The customer module's own timeline entries: orders and referrals. */
@Configuration(proxyBeanMethods = false)
class CustomerTimelineSources {

    @Bean
    TimelineSource orderTimeline(JdbcClient jdbc) {
        return new TimelineSource() {
            @Override
            public String kind() {
                return "ORDER";
            }

            @Override
            public List<TimelineEntry> newest(long customerId, String channel, int limit) {
                String sql = "SELECT id, external_id, order_date, channel, gross_amount - discount FROM customer_order WHERE customer_id = ?"
                        + (channel == null ? "" : " AND channel = ?") + " ORDER BY order_date DESC, id DESC LIMIT ?";
                var statement = jdbc.sql(sql).param(customerId);
                if (channel != null) {
                    statement = statement.param(channel);
                }
                return statement.param(limit).query((rs, n) -> new TimelineEntry("ORDER",
                        rs.getDate(3).toLocalDate().atStartOfDay(ZoneId.systemDefault()).toInstant(), rs.getString(4),
                        "timeline.order", rs.getString(2), rs.getBigDecimal(5), rs.getLong(1))).list();
            }
        };
    }

    @Bean
    TimelineSource referralTimeline(JdbcClient jdbc) {
        return new TimelineSource() {
            @Override
            public String kind() {
                return "REFERRAL";
            }

            @Override
            public List<TimelineEntry> newest(long customerId, String channel, int limit) {
                if (channel != null) {
                    return List.of();
                }
                // no name of the other customer here: they may belong to a unit the viewer may not see
                return jdbc.sql("""
                                SELECT id, referred_on, referrer_id = ? FROM referral
                                WHERE referrer_id = ? OR referred_id = ? ORDER BY referred_on DESC LIMIT ?""")
                        .params(customerId, customerId, customerId, limit)
                        .query((rs, n) -> new TimelineEntry("REFERRAL",
                                rs.getDate(2).toLocalDate().atStartOfDay(ZoneId.systemDefault()).toInstant(), null,
                                rs.getBoolean(3) ? "timeline.referral.made" : "timeline.referral.received", null, null,
                                rs.getLong(1))).list();
            }
        };
    }
}
