package io.escalera.security.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's token buckets, kept in memory (issue 30: the bucket row locked in the database serialised one token's
 * calls). The answer over HTTP (429 with Retry-After) is in {@code RestApiTest}.
 */
class ApiRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aTokensCallsBeyondTheLimitWaitAndTheBucketRefillsOverTheMinute() {
        ApiRateLimiter limiter = new ApiRateLimiter(6, 1, nanos::get);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire(1)).isZero();
        }
        assertThat(limiter.acquire(1)).as("the seventh call of the minute waits for one call's refill (10 s)").isBetween(1L, 10L);
        assertThat(limiter.acquire(2)).as("another token has its own bucket").isZero();

        // 20 seconds later: 20 s × 6 calls a minute = 2 calls
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isPositive();

        // an idle token's bucket fills up to the limit, not beyond
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(10));
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire(1)).isZero();
        }
        assertThat(limiter.acquire(1)).isPositive();
    }

    @Test
    void onSeveralNodesEachAllowsItsShareOfTheLimit() {
        ApiRateLimiter nodeOfTwo = new ApiRateLimiter(6, 2, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(nodeOfTwo.acquire(1)).isZero();
        }
        assertThat(nodeOfTwo.acquire(1)).as("3 calls a minute here, refilled one every 20 s").isBetween(1L, 20L);
        assertThat(nodeOfTwo.perMinute()).as("the 429 names the token's limit").isEqualTo(6);
    }

    /** Many calls of one token at once: none waits on a lock held across I/O, and exactly the limit is allowed. */
    @Test
    void manyCallsOfOneTokenAtOnceAreAllowedExactlyUpToTheLimit() throws Exception {
        int limit = 500;
        int callers = 8;
        int callsEach = 100;
        ApiRateLimiter limiter = new ApiRateLimiter(limit, 1, nanos::get);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                allowed.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int call = 0; call < callsEach; call++) {
                        if (limiter.acquire(7) == 0) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> each : allowed) {
                total += each.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).as("of %d calls in the same instant", callers * callsEach).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
    }
}
