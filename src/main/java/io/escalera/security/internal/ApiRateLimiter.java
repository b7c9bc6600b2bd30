package io.escalera.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * A token bucket per API token: up to {@code escalera.api.requests-per-minute} calls in a burst, refilled evenly over
 * the minute. The bucket is a row in the database, locked while a call takes from it, and refilled by the database's
 * clock: the calls of a token on every node of the application count against the same limit.
 */
@Component
class ApiRateLimiter {

    private record Bucket(double callsLeft, double elapsedSeconds, Timestamp now) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int perMinute;

    ApiRateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions, @Value("${escalera.api.requests-per-minute:300}") int perMinute) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.perMinute = perMinute;
    }

    /** Takes one call from the token's bucket: 0 when allowed, otherwise the seconds to wait before the next call. */
    long acquire(long tokenId) {
        Long wait = take(tokenId);
        if (wait == null) {
            // The token's first call: a full bucket, made in a statement of its own (IGNORE: another call or node may
            // have made it meanwhile), then taken from. Inserting inside the locking transaction deadlocked first calls
            // that arrived together: each held the gap lock of its SELECT … FOR UPDATE and waited for the others'.
            jdbc.sql("INSERT IGNORE INTO api_token_bucket (token_id, calls_left, refilled_at) VALUES (?, ?, NOW(6))")
                    .params(tokenId, perMinute).update();
            wait = take(tokenId);
        }
        return wait == null ? 0 : wait;
    }

    /** Takes one call from the bucket, locked: the seconds to wait (0 when allowed), or null when it has no bucket yet. */
    private Long take(long tokenId) {
        return transaction.execute(status -> {
            Optional<Bucket> found = locked(tokenId);
            if (found.isEmpty()) {
                return null;
            }
            Bucket bucket = found.get();
            double available = Math.min(perMinute, bucket.callsLeft() + Math.max(0, bucket.elapsedSeconds()) / 60 * perMinute);
            boolean allowed = available >= 1;
            jdbc.sql("UPDATE api_token_bucket SET calls_left = ?, refilled_at = ? WHERE token_id = ?")
                    .params(allowed ? available - 1 : available, bucket.now(), tokenId).update();
            return allowed ? 0L : (long) Math.ceil((1 - available) * 60.0 / perMinute);
        });
    }

    private Optional<Bucket> locked(long tokenId) {
        return jdbc.sql("""
                        SELECT calls_left, TIMESTAMPDIFF(MICROSECOND, refilled_at, NOW(6)) / 1e6 AS elapsed, NOW(6) AS now
                        FROM api_token_bucket WHERE token_id = ? FOR UPDATE""").param(tokenId)
                .query((rs, n) -> new Bucket(rs.getDouble("calls_left"), rs.getDouble("elapsed"), rs.getTimestamp("now"))).optional();
    }

    int perMinute() {
        return perMinute;
    }
}
