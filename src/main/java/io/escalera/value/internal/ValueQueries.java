package io.escalera.value.internal;

import io.escalera.shared.jdbc.UnitCondition;
import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.RiskReason;
import io.escalera.value.ValueMatrix;
import io.escalera.value.ValueService;
import io.escalera.value.ValueTier;
import io.escalera.value.ValuedCustomer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The value lists and counts, from customer_value (indexed for each of them); never from the base tables. */
@Component
public class ValueQueries {

    private final JdbcClient jdbc;

    ValueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ValueMatrix matrix(Set<Long> units) {
        ValueMatrix matrix = ValueMatrix.empty();
        String where = UnitCondition.and("home_unit_id", units);
        // from the counts kept per unit (a few hundred rows), not from a million customer rows
        jdbc.sql("SELECT tier, nps_category, SUM(customers) FROM value_segment_count WHERE customers <> 0" + where + " GROUP BY 1, 2")
                .query((rs, n) -> matrix.cells().computeIfAbsent(ValueTier.valueOf(rs.getString(1)), t -> new EnumMap<>(NpsBand.class))
                        .put(NpsBand.valueOf(rs.getString(2)), rs.getLong(3))).list();
        jdbc.sql("SELECT rfm_segment, SUM(customers) FROM value_segment_count WHERE customers <> 0" + where + " GROUP BY 1")
                .query((rs, n) -> matrix.segments().put(RfmSegment.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return matrix;
    }

    public Optional<ValueService.Averages> averages(Set<Long> units, ValueTier tier) {
        return jdbc.sql("SELECT SUM(economic_sum) / SUM(customers), SUM(strategic_sum) / SUM(customers), SUM(silent)"
                        + " FROM value_segment_count WHERE customers <> 0" + UnitCondition.and("home_unit_id", units)
                        + (tier == null ? "" : " AND tier = :tier"))
                .params(tier == null ? Map.of() : Map.of("tier", tier.name()))
                .query((rs, n) -> rs.getObject(1) == null ? null
                        : new ValueService.Averages(rs.getDouble(1), rs.getDouble(2), rs.getLong(3)))
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /** A matrix cell's customers, most valuable first. */
    public List<ValuedCustomer> cell(ValueTier tier, NpsBand band, Set<Long> units, long offset, int limit) {
        return page("v.tier = :tier AND v.nps_category = :band", Map.of("tier", tier.name(), "band", band.name()), units,
                "v.total_value DESC, v.customer_id DESC", offset, limit, false);
    }

    /** An RFM segment's customers, most valuable first. */
    public List<ValuedCustomer> segment(RfmSegment segment, Set<Long> units, long offset, int limit) {
        return page("v.rfm_segment = :segment", Map.of("segment", segment.name()), units, "v.total_value DESC, v.customer_id DESC",
                offset, limit, false);
    }

    /** The at-risk worklist (or only its silent decliners), by risk × value, with who worked each customer since flagged. */
    public List<ValuedCustomer> atRisk(boolean silentOnly, Set<Long> units, long offset, int limit) {
        // one direction along (…, priority, customer_id): the page is read from the index, never sorted
        return page(silentOnly ? "v.silent = 1" : "v.at_risk = 1", Map.of(), units, "v.priority DESC, v.customer_id DESC", offset,
                limit, true);
    }

    /** Buying customers most valuable first, or the silent decliners by risk × value; {@code tier} null: every tier. */
    public List<ValuedCustomer> valued(boolean silentOnly, Set<Long> units, ValueTier tier, long offset, int limit) {
        String inTier = tier == null ? "v.tier IS NOT NULL" : "v.tier = :tier";
        Map<String, Object> params = tier == null ? Map.of() : Map.of("tier", tier.name());
        return silentOnly
                ? page("v.silent = 1 AND " + inTier, params, units, "v.priority DESC, v.customer_id DESC", offset, limit, false)
                : page(inTier, params, units, "v.total_value DESC, v.customer_id DESC", offset, limit, false);
    }

    public long countAtRisk(boolean silentOnly, Set<Long> units) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_value v WHERE " + (silentOnly ? "v.silent = 1" : "v.at_risk = 1")
                + UnitCondition.and("v.home_unit_id", units)).query(Long.class).single();
    }

    /** @param condition SQL written here, with named parameters whose values are {@code params} */
    private List<ValuedCustomer> page(String condition, Map<String, Object> params, Set<Long> units, String order, long offset,
                                      int limit, boolean worked) {
        // the latest contact since flagged: an interaction handled, a case opened or a survey sent by a colleague
        String lastWorked = !worked ? "NULL" : """
                GREATEST(COALESCE((SELECT MAX(CONCAT(DATE_FORMAT(i.occurred_at, '%Y-%m-%d %H:%i:%s.%f'), '|', i.handled_by_name))
                                   FROM interaction i WHERE i.customer_id = v.customer_id AND i.occurred_at >= v.flagged_on), ''),
                         COALESCE((SELECT MAX(CONCAT(DATE_FORMAT(k.opened_at, '%Y-%m-%d %H:%i:%s.%f'), '|', k.opened_by_name))
                                   FROM complaint_case k WHERE k.customer_id = v.customer_id AND k.opened_at >= v.flagged_on), ''),
                         COALESCE((SELECT MAX(CONCAT(DATE_FORMAT(s.created_at, '%Y-%m-%d %H:%i:%s.%f'), '|', s.created_by_name))
                                   FROM survey_invitation s WHERE s.customer_id = v.customer_id AND s.created_at >= v.flagged_on
                                   AND s.origin = 'STAFF'), ''))""";
        return jdbc.sql("""
                        SELECT v.customer_id, c.name, u.name AS unit_name, v.tier, v.economic_value, v.strategic_value,
                               v.nps_category, v.rfm_segment, v.risk_score, v.risk_reasons, v.flagged_on, %s AS last_worked
                        FROM customer_value v JOIN customer c ON c.id = v.customer_id JOIN unit u ON u.id = v.home_unit_id
                        WHERE %s%s ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(lastWorked, condition,
                        UnitCondition.and("v.home_unit_id", units), order))
                .params(params).param("limit", limit).param("offset", offset).query((rs, n) -> toRow(rs)).list();
    }

    private static ValuedCustomer toRow(ResultSet rs) throws SQLException {
        String tier = rs.getString("tier");
        String segment = rs.getString("rfm_segment");
        Date flagged = rs.getDate("flagged_on");
        String worked = rs.getString("last_worked");
        String workedBy = null;
        Instant workedAt = null;
        if (worked != null && !worked.isEmpty()) {
            int bar = worked.indexOf('|');
            workedAt = Timestamp.valueOf(worked.substring(0, bar)).toInstant();
            workedBy = worked.substring(bar + 1);
        }
        return new ValuedCustomer(rs.getLong("customer_id"), rs.getString("name"), rs.getString("unit_name"),
                tier == null ? null : ValueTier.valueOf(tier), rs.getBigDecimal("economic_value"), rs.getBigDecimal("strategic_value"),
                NpsBand.valueOf(rs.getString("nps_category")), segment == null ? null : RfmSegment.valueOf(segment),
                (Integer) rs.getObject("risk_score", Integer.class), RiskReason.decode(rs.getString("risk_reasons")),
                flagged == null ? null : flagged.toLocalDate(), workedBy, workedAt);
    }
}
