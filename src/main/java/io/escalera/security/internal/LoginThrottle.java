package io.escalera.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * After {@value #MAX_FAILURES} failed logins within 15 minutes for one username (or from one address), further
 * attempts are refused for 15 minutes. Attempts are kept in the database so that every node of a cluster agrees.
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    public enum Outcome { SUCCESS, FAILURE, THROTTLED }

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isLocked(String username, String address, Instant now) {
        return lockedUntil(failuresOfUser(normalise(username), now), now).isAfter(now)
                || lockedUntil(failuresFromAddress(address, now), now).isAfter(now);
    }

    public void record(String username, String address, Outcome outcome, Instant at) {
        jdbc.sql("INSERT INTO login_attempt (username, remote_address, attempted_at, outcome) VALUES (?, ?, ?, ?)")
                .params(normalise(username), address == null ? "unknown" : address, Timestamp.from(at), outcome.name())
                .update();
    }

    /** Failures since the user's last successful login (a success starts the count again). */
    private List<Instant> failuresOfUser(String username, Instant now) {
        Instant since = now.minus(WINDOW).minus(LOCK);
        Instant lastSuccess = jdbc.sql("""
                        SELECT attempted_at FROM login_attempt
                        WHERE username = ? AND outcome = 'SUCCESS' AND attempted_at > ? AND attempted_at <= ?
                        ORDER BY attempted_at DESC LIMIT 1""")
                .params(username, Timestamp.from(since), Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        Instant from = lastSuccess != null && lastSuccess.isAfter(since) ? lastSuccess : since;
        return jdbc.sql("""
                        SELECT attempted_at FROM login_attempt
                        WHERE username = ? AND outcome = 'FAILURE' AND attempted_at > ? AND attempted_at <= ?
                        ORDER BY attempted_at DESC""")
                .params(username, Timestamp.from(from), Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    private List<Instant> failuresFromAddress(String address, Instant now) {
        return jdbc.sql("""
                        SELECT attempted_at FROM login_attempt
                        WHERE remote_address = ? AND outcome = 'FAILURE' AND attempted_at > ? AND attempted_at <= ?
                        ORDER BY attempted_at DESC""")
                .params(address == null ? "unknown" : address, Timestamp.from(now.minus(WINDOW).minus(LOCK)), Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /**
     * The end of the latest lock: a lock starts at the failure that completes {@value #MAX_FAILURES} failures within
     * the window, and lasts {@link #LOCK}.
     */
    static Instant lockedUntil(List<Instant> failuresNewestFirst, Instant now) {
        for (int i = 0; i + MAX_FAILURES - 1 < failuresNewestFirst.size(); i++) {
            Instant newest = failuresNewestFirst.get(i);
            Instant oldest = failuresNewestFirst.get(i + MAX_FAILURES - 1);
            if (Duration.between(oldest, newest).compareTo(WINDOW) <= 0) {
                return newest.plus(LOCK);
            }
        }
        return Instant.MIN;
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
