package io.escalera.exchange.internal;

import io.escalera.exchange.WebhookDelivery;
import io.escalera.exchange.WebhookEndpoint;
import io.escalera.exchange.WebhookEvent;
import io.escalera.shared.jdbc.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook endpoints and their deliveries in SQL. */
@Repository
public class WebhookStore {

    private static final RowMapper<WebhookEndpoint> ENDPOINT = (rs, n) -> new WebhookEndpoint(rs.getLong("id"),
            rs.getString("url"), events(rs.getString("events")), rs.getBoolean("active"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    private static final String DELIVERY_COLUMNS = """
            id, endpoint_id, event_type, payload, status, attempts, created_at, next_attempt_at, last_attempt_at,
            last_status, last_error, delivered_at""";
    private static final RowMapper<WebhookDelivery> DELIVERY = (rs, n) -> new WebhookDelivery(rs.getLong("id"),
            rs.getLong("endpoint_id"), rs.getString("event_type"), rs.getString("payload"),
            WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("next_attempt_at").toInstant(), Rows.instant(rs, "last_attempt_at"),
            rs.getObject("last_status", Integer.class), rs.getString("last_error"), Rows.instant(rs, "delivered_at"));

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery taken for sending, with where and how to sign it. */
    public record Due(long id, String eventType, String payload, int attempts, String url, String secret) {
    }

    public List<WebhookEndpoint> endpoints() {
        return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY id").query(ENDPOINT).list();
    }

    public Optional<WebhookEndpoint> endpoint(long id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?").param(id).query(ENDPOINT).optional();
    }

    public long insertEndpoint(String url, String secret, Set<WebhookEvent> events, boolean active, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_endpoint (url, secret, events, active, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(url, secret, names(events), active, by, Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    /** Changes an endpoint if it is still at {@code version} (a null secret keeps the old one); false otherwise. */
    public boolean updateEndpoint(long id, long version, String url, String secret, Set<WebhookEvent> events, boolean active) {
        return jdbc.sql("""
                        UPDATE webhook_endpoint SET url = ?, secret = COALESCE(?, secret), events = ?, active = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(url, secret, names(events), active, id, version).update() == 1;
    }

    public void deleteEndpoint(long id) {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update();
    }

    /**
     * One delivery per active endpoint subscribed to the event, due at once; set-based, nothing when none listens.
     * Idempotent: an endpoint that already has a delivery of the same event (same type and body: the bodies name the
     * answer or case and the instant) gets none — a listener that runs again for one event queues nothing more.
     */
    public int enqueue(WebhookEvent event, String payload, Instant now) {
        String key = eventKey(event, payload);
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (endpoint_id, event_type, payload, status, attempts, created_at, next_attempt_at, event_key)
                        SELECT e.id, ?, ?, 'PENDING', 0, ?, ?, ? FROM webhook_endpoint e WHERE e.active AND FIND_IN_SET(?, e.events) > 0
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.event_key = ?)""")
                .params(event.wireName(), payload, Timestamp.from(now), Timestamp.from(now), key, event.name(), key).update();
    }

    static String eventKey(WebhookEvent event, String payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((event.wireName() + "\n" + payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes up to {@code limit} due deliveries and leases them until {@code leaseUntil}, so that another node (or the
     * next run, if this one dies) does not send them at the same time. Call inside a transaction.
     */
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Due> due = jdbc.sql("""
                        SELECT d.id, d.event_type, d.payload, d.attempts, e.url, e.secret
                        FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND e.active
                        ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id IN ("
                            + due.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(",")) + ")")
                    .param(Timestamp.from(leaseUntil)).update();
        }
        return due;
    }

    /** Only a pending delivery (leased by this run) is marked: one another node has marked meanwhile stays as it is. */
    public void delivered(long id, int status, Instant at) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
                               last_error = NULL, delivered_at = ? WHERE id = ? AND status = 'PENDING'""")
                .params(Timestamp.from(at), status, Timestamp.from(at), id).update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or given up (FAILED) when that is null. */
    public void failed(long id, Integer status, String error, Instant at, Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
                               last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ? AND status = 'PENDING'""")
                .params(nextAttempt == null ? "FAILED" : "PENDING", Timestamp.from(at), status,
                        error == null ? null : error.substring(0, Math.min(500, error.length())),
                        nextAttempt == null ? null : Timestamp.from(nextAttempt), id).update();
    }

    /** Sends a given-up delivery again from now, with a fresh count of attempts. */
    public boolean retry(long id, Instant now) {
        return jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'FAILED'")
                .params(Timestamp.from(now), id).update() == 1;
    }

    public List<WebhookDelivery> deliveries(Long endpointId, long offset, int limit) {
        String where = endpointId == null ? "" : " WHERE endpoint_id = " + endpointId;
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(DELIVERY).list();
    }

    public Optional<WebhookDelivery> delivery(long id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = ?").param(id).query(DELIVERY).optional();
    }


    private static String names(Set<WebhookEvent> events) {
        return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<WebhookEvent> events(String names) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(names.split(",")).filter(s -> !s.isBlank()).forEach(s -> events.add(WebhookEvent.valueOf(s)));
        return events;
    }
}
