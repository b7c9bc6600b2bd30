package io.escalera.security.internal;

import io.escalera.security.ApiToken;
import io.escalera.security.Role;
import io.escalera.shared.jdbc.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

@Repository
public class ApiTokenStore {

    private static final String SELECT = """
            SELECT t.id, t.name, t.token_prefix, t.role, t.unit_id, u.name AS unit_name, t.created_by, t.created_at,
                   t.expires_at, t.revoked_at, t.revoked_by, t.last_used_at
            FROM api_token t JOIN unit u ON u.id = t.unit_id
            """;
    private static final RowMapper<ApiToken> TOKEN = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            rs.getString("token_prefix"), Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getString("unit_name"),
            rs.getString("created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
            Rows.instant(rs, "revoked_at"), rs.getString("revoked_by"), Rows.instant(rs, "last_used_at"));

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ApiToken> all() {
        return jdbc.sql(SELECT + " ORDER BY t.created_at DESC, t.id DESC").query(TOKEN).list();
    }

    public Optional<ApiToken> byId(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(TOKEN).optional();
    }

    Optional<ApiToken> byHash(String hash) {
        return jdbc.sql(SELECT + " WHERE t.token_hash = ?").param(hash).query(TOKEN).optional();
    }

    public boolean activeNameTaken(String name, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = ? AND revoked_at IS NULL AND expires_at > ?")
                .params(name, Timestamp.from(now)).query(Long.class).single() > 0;
    }

    public long insert(String name, String prefix, String hash, Role role, long unitId, String createdBy, Instant createdAt,
                       Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (name, token_prefix, token_hash, role, unit_id, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, prefix, hash, role.name(), unitId, createdBy, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void revoke(long id, Instant at, String by) {
        jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), by, id).update();
    }

    void touch(long id, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

}
