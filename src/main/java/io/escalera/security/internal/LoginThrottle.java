package io.escalera.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Slows down password guessing without letting an attacker lock a user out:
 * <ul>
 * <li>failures are counted per (username, address) pair: after {@value #PAIR_FREE_FAILURES} failures for one user
 * from one address, that address is refused for that user for {@link #FIRST_LOCK}, and every further failure doubles
 * the delay up to {@link #MAX_LOCK}. A success from the pair, or {@link #PAIR_MEMORY} without failures, starts the
 * count again. Failures from other addresses never refuse the real user's address;</li>
 * <li>password spraying: after {@value #ADDRESS_MAX_FAILURES} failures from one address within
 * {@link #ADDRESS_WINDOW}, whatever the usernames, that address is refused for {@link #ADDRESS_LOCK}.</li>
 * </ul>
 * Refused attempts are recorded as THROTTLED and never extend a lock. Attempts are kept in the database so that every
 * node of a cluster agrees; each write also deletes a bounded batch of attempts older than {@link #RETENTION}.
 */
@Component
public class LoginThrottle {

    public static final int PAIR_FREE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration PAIR_MEMORY = Duration.ofHours(24);
    public static final int ADDRESS_MAX_FAILURES = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    public static final Duration ADDRESS_LOCK = Duration.ofMinutes(15);
    public static final Duration RETENTION = Duration.ofDays(2);
    static final int PRUNE_BATCH = 100;
    /** The width of login_attempt.username: longer names are stored as a hash. */
    static final int MAX_STORED_USERNAME = 60;
    private static final int MAX_STORED_ADDRESS = 64;

    public enum Outcome { SUCCESS, FAILURE, THROTTLED }

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isLocked(String username, String address, Instant now) {
        return pairLockedUntil(key(username), addressOf(address), now).isAfter(now)
                || addressLockedUntil(addressOf(address), now).isAfter(now);
    }

    public void record(String username, String address, Outcome outcome, Instant at) {
        jdbc.sql("INSERT INTO login_attempt (username, remote_address, attempted_at, outcome) VALUES (?, ?, ?, ?)")
                .params(key(username), addressOf(address), Timestamp.from(at), outcome.name())
                .update();
        jdbc.sql("DELETE FROM login_attempt WHERE attempted_at < ? ORDER BY attempted_at LIMIT " + PRUNE_BATCH)
                .param(Timestamp.from(at.minus(RETENTION)))
                .update();
    }

    /** Failures of the pair since its last success (at most {@link #PAIR_MEMORY} back) set a growing delay. */
    private Instant pairLockedUntil(String username, String address, Instant now) {
        Instant since = now.minus(PAIR_MEMORY);
        Instant lastSuccess = jdbc.sql("""
                        SELECT MAX(attempted_at) FROM login_attempt
                        WHERE username = ? AND remote_address = ? AND outcome = 'SUCCESS' AND attempted_at > ? AND attempted_at <= ?""")
                .params(username, address, Timestamp.from(since), Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        Instant from = lastSuccess != null ? lastSuccess : since;
        return jdbc.sql("""
                        SELECT COUNT(*), MAX(attempted_at) FROM login_attempt
                        WHERE username = ? AND remote_address = ? AND outcome = 'FAILURE' AND attempted_at > ? AND attempted_at <= ?""")
                .params(username, address, Timestamp.from(from), Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(2) == null ? Instant.MIN
                        : rs.getTimestamp(2).toInstant().plus(delayAfter(rs.getInt(1))))
                .single();
    }

    /** How long a pair is refused after its latest failure, given its count of failures. */
    static Duration delayAfter(int failures) {
        if (failures < PAIR_FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - PAIR_FREE_FAILURES, 10);
        Duration delay = FIRST_LOCK.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : delay;
    }

    private Instant addressLockedUntil(String address, Instant now) {
        List<Instant> failures = jdbc.sql("""
                        SELECT attempted_at FROM login_attempt
                        WHERE remote_address = ? AND outcome = 'FAILURE' AND attempted_at > ? AND attempted_at <= ?
                        ORDER BY attempted_at DESC LIMIT 500""")
                .params(address, Timestamp.from(now.minus(ADDRESS_WINDOW).minus(ADDRESS_LOCK)), Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        return lockedUntil(failures, ADDRESS_MAX_FAILURES, ADDRESS_WINDOW, ADDRESS_LOCK);
    }

    /**
     * The end of the latest lock: a lock starts at the failure that completes {@code max} failures within
     * {@code window}, and lasts {@code lock}.
     */
    static Instant lockedUntil(List<Instant> failuresNewestFirst, int max, Duration window, Duration lock) {
        for (int i = 0; i + max - 1 < failuresNewestFirst.size(); i++) {
            Instant newest = failuresNewestFirst.get(i);
            Instant oldest = failuresNewestFirst.get(i + max - 1);
            if (Duration.between(oldest, newest).compareTo(window) <= 0) {
                return newest.plus(lock);
            }
        }
        return Instant.MIN;
    }

    /**
     * The username as attempts and the audit log keep it: trimmed and lower-case; a name longer than the column
     * (any length can be typed into the login form) is kept as {@code #} and its SHA-256 in Base64 (45 characters).
     */
    public static String key(String username) {
        String normal = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (normal.length() <= MAX_STORED_USERNAME) {
            return normal;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressOf(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() <= MAX_STORED_ADDRESS ? address : address.substring(0, MAX_STORED_ADDRESS);
    }
}
