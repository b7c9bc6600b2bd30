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
        if (jdbc.sql("SELECT COUNT(*) FROM api_token_bucket WHERE token_id = ?").param(tokenId).query(Long.class).single() == 0) {
            // the token's first call: a full bucket, committed on its own (IGNORE: another call or node may have made it
            // meanwhile). Inserted in the transaction that then locks it, the first calls of a token from several
            // threads deadlocked (found by the crash tests: HTTP 500).
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT IGNORE INTO api_token_bucket (token_id, calls_left, refilled_at) VALUES (?, ?, NOW(6))")
                    .params(tokenId, perMinute).update());
        }
        Long wait = transaction.execute(status -> {
            Bucket bucket = locked(tokenId).orElseThrow();
            double available = Math.min(perMinute, bucket.callsLeft() + Math.max(0, bucket.elapsedSeconds()) / 60 * perMinute);
            boolean allowed = available >= 1;
            jdbc.sql("UPDATE api_token_bucket SET calls_left = ?, refilled_at = ? WHERE token_id = ?")
                    .params(allowed ? available - 1 : available, bucket.now(), tokenId).update();
            return allowed ? 0L : (long) Math.ceil((1 - available) * 60.0 / perMinute);
        });
        return wait == null ? 0 : wait;
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
