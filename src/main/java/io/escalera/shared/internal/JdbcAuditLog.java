package io.escalera.shared.internal;

import io.escalera.shared.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@Component
class JdbcAuditLog implements AuditLog {

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(String action, String recordType, String recordId, String details) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
        recordAs(actor, action, recordType, recordId, details);
    }

    @Override
    public void recordAs(String actor, String action, String recordType, String recordId, String details) {
        String trimmed = details != null && details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, record_type, record_id, details)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actor, action, recordType, recordId, trimmed)
                .update();
    }

    @Override
    @RolesAllowed("ADMIN")
    public List<AuditEntry> find(AuditQuery query, Pageable pageable) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT id, occurred_at, actor, action, record_type, record_id, details FROM audit_event"
                + where(query, params) + " ORDER BY id DESC LIMIT ? OFFSET ?";
        params.add(pageable.getPageSize());
        params.add(pageable.getOffset());
        return jdbc.sql(sql).params(params).query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    @Override
    @RolesAllowed("ADMIN")
    public long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where(query, params)).params(params).query(Long.class).single();
    }

    /** Prefix search on the indexed columns, so the filter stays fast on a long trail. */
    private static String where(AuditQuery query, List<Object> params) {
        if (query == null || !StringUtils.hasText(query.text())) {
            return "";
        }
        String prefix = query.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        params.add(prefix);
        params.add(prefix);
        params.add(prefix);
        params.add(query.text().trim());
        return " WHERE actor LIKE ? OR action LIKE ? OR record_type LIKE ? OR record_id = ?";
    }
}
