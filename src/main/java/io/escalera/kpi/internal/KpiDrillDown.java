package io.escalera.kpi.internal;

import io.escalera.kpi.KpiAnswer;
import io.escalera.kpi.KpiFilter;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The records behind a board number, with the same period, units and channel as the facts. */
@Component
public class KpiDrillDown {

    private final JdbcClient jdbc;

    KpiDrillDown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers of one kind with a score in [minScore, maxScore], newest first. */
    public List<KpiAnswer> answers(LocalDate from, LocalDate to, KpiFilter filter, Set<Long> units, String kind, int minScore,
                                   int maxScore, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        params.put("kind", kind);
        params.put("min", minScore);
        params.put("max", maxScore);
        params.put("limit", limit);
        params.put("offset", offset);
        String channel = "";
        if (filter.channel() != null) {
            channel = " AND COALESCE(o.channel, '') = :channel";
            params.put("channel", filter.channel());
        }
        return jdbc.sql("""
                        SELECT f.id, f.answered_at, f.customer_id, c.external_code, c.name, f.kind, f.score, f.comment
                        FROM feedback f LEFT JOIN customer c ON c.id = f.customer_id LEFT JOIN customer_order o ON o.id = f.order_id
                        WHERE f.answered_at >= :from AND f.answered_at < :to AND f.kind = :kind AND f.score BETWEEN :min AND :max
                        """ + UnitCondition.and("COALESCE(f.unit_id, 0)", units) + channel + """
                         ORDER BY f.answered_at DESC, f.id DESC LIMIT :limit OFFSET :offset""")
                .params(params).query((rs, n) -> new KpiAnswer(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8))).list();
    }
}
