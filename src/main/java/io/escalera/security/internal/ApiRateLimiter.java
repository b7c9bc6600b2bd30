package io.escalera.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per API token: up to {@code escalera.api.requests-per-minute} calls in a burst, refilled evenly over
 * the minute. Kept in memory, so each node counts its own calls (the README says so for more than one node).
 */
@Component
class ApiRateLimiter {

    private final int perMinute;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    ApiRateLimiter(@Value("${escalera.api.requests-per-minute:300}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one call from the token's bucket: 0 when allowed, otherwise the seconds to wait before the next call. */
    long acquire(long tokenId) {
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(perMinute, System.nanoTime())).take(perMinute);
    }

    int perMinute() {
        return perMinute;
    }

    private static final class Bucket {
        private double available;
        private long lastNanos;

        Bucket(double available, long lastNanos) {
            this.available = available;
            this.lastNanos = lastNanos;
        }

        synchronized long take(int perMinute) {
            long now = System.nanoTime();
            available = Math.min(perMinute, available + (now - lastNanos) / 60e9 * perMinute);
            lastNanos = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - available) * 60.0 / perMinute);
        }
    }
}
