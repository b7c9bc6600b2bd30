package io.escalera.security.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: up to {@code escalera.api.requests-per-minute} calls in a burst, refilled evenly over
 * the minute. The buckets are kept in memory, each node its own: a call takes from its token's bucket under that
 * bucket's lock, without the database. (Issue 30: a bucket row locked in the database made one token's calls queue on
 * that row, each holding a connection while it waited — an integration at 200 calls/s starved the pool.)
 * <p>
 * On several nodes behind a load balancer a token's calls are spread over them, so each node allows its share of the
 * limit: {@code escalera.api.nodes} (1 by default) divides it. The limit then holds for the installation as long as
 * the balancer spreads calls evenly; a node restarting gives its tokens a full bucket again.
 */
@Component
class ApiRateLimiter {

    private static final long NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    /** Calls left (fractional while refilling) and when it was last refilled (System.nanoTime). */
    private static final class Bucket {
        private double callsLeft;
        private long refilledAt;

        private Bucket(double callsLeft, long refilledAt) {
            this.callsLeft = callsLeft;
            this.refilledAt = refilledAt;
        }
    }

    private final int perMinute;
    private final double perNodePerMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    ApiRateLimiter(@Value("${escalera.api.requests-per-minute:300}") int perMinute, @Value("${escalera.api.nodes:1}") int nodes) {
        this(perMinute, nodes, System::nanoTime);
    }

    ApiRateLimiter(int perMinute, int nodes, LongSupplier nanoTime) {
        if (perMinute < 1 || nodes < 1) {
            throw new IllegalArgumentException("escalera.api.requests-per-minute and escalera.api.nodes must be at least 1");
        }
        this.perMinute = perMinute;
        // at least one call a minute on each node, however many nodes share the limit
        this.perNodePerMinute = Math.max(1.0, (double) perMinute / nodes);
        this.nanoTime = nanoTime;
    }

    /** Takes one call from the token's bucket: 0 when allowed, otherwise the seconds to wait before the next call. */
    long acquire(long tokenId) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(perNodePerMinute, now));
        synchronized (bucket) {
            long elapsed = Math.max(0, now - bucket.refilledAt);
            double available = Math.min(perNodePerMinute, bucket.callsLeft + (double) elapsed / NANOS_PER_MINUTE * perNodePerMinute);
            bucket.refilledAt = Math.max(bucket.refilledAt, now);
            if (available >= 1) {
                bucket.callsLeft = available - 1;
                return 0;
            }
            bucket.callsLeft = available;
            return Math.max(1, (long) Math.ceil((1 - available) * 60.0 / perNodePerMinute));
        }
    }

    /** The limit per token for the whole installation, as configured (named in the 429 answer). */
    int perMinute() {
        return perMinute;
    }
}
