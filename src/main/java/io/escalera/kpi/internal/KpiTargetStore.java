package io.escalera.kpi.internal;

import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiTarget;
import io.escalera.kpi.KpiTargetForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The kpi_target table. */
@Component
public class KpiTargetStore {

    private final JdbcClient jdbc;

    KpiTargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(KpiTargetForm form, KpiPeriod period, boolean implausible, String createdBy, Instant at) {
        return jdbc.sql("""
                        INSERT INTO kpi_target (kpi, period_kind, period_from, period_to, scope, unit_id, channel, target_value, owner,
                                                rationale, implausible, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(form.getKpi().name(), period.kind().name(), Date.valueOf(period.from()), Date.valueOf(period.to()), form.getScope().name(),
                        form.getScope() == KpiTarget.Scope.UNIT ? form.getUnitId() : null,
                        form.getScope() == KpiTarget.Scope.CHANNEL ? form.getChannel() : null, form.getValue(), form.getOwner(),
                        form.getRationale(), implausible, createdBy, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Every target, latest period first, latest set first. */
    public List<KpiTarget> all() {
        return jdbc.sql("""
                        SELECT id, kpi, period_kind, period_from, period_to, scope, unit_id, channel, target_value, owner, rationale, implausible
                        FROM kpi_target ORDER BY period_from DESC, id DESC""")
                .query((rs, n) -> new KpiTarget(rs.getLong(1), Kpi.valueOf(rs.getString(2)),
                        new KpiPeriod(KpiPeriod.Kind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()),
                        KpiTarget.Scope.valueOf(rs.getString(6)), (Long) rs.getObject(7), rs.getString(8), rs.getDouble(9),
                        rs.getString(10), rs.getString(11), rs.getBoolean(12))).list();
    }

    /** Targets of one period (its kind and first day), latest set first. */
    public List<KpiTarget> ofPeriod(KpiPeriod period) {
        return all().stream().filter(t -> t.period().kind() == period.kind() && t.period().from().equals(period.from())).toList();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM kpi_target WHERE id = ?").param(id).update();
    }
}
