package io.escalera.security.internal;

import io.escalera.admin.UnitKind;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class ApiRateLimiterTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApiTokens tokens;
    @Autowired TestUsers testUsers;

    @Test
    void twoNodesTakeATokensCallsFromOneBucketThatRefillsOverTheMinute() {
        long token = newToken();
        // two nodes of the application: each its own limiter, the same database
        ApiRateLimiter nodeA = new ApiRateLimiter(jdbc, transactions, 6);
        ApiRateLimiter nodeB = new ApiRateLimiter(jdbc, transactions, 6);
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.acquire(token)).isZero();
            assertThat(nodeB.acquire(token)).isZero();
        }
        long waitA = nodeA.acquire(token);
        assertThat(waitA).as("the seventh call of the minute, on either node").isBetween(1L, 10L);
        assertThat(nodeB.acquire(token)).isPositive();
        assertThat(nodeA.acquire(newToken())).as("another token has its own bucket").isZero();

        // 20 seconds later (the bucket's refill time moved back): 20 s × 6 calls a minute = 2 calls
        jdbc.sql("UPDATE api_token_bucket SET refilled_at = refilled_at - INTERVAL 20 SECOND WHERE token_id = ?").param(token).update();
        assertThat(nodeB.acquire(token)).isZero();
        assertThat(nodeA.acquire(token)).isZero();
        assertThat(nodeA.acquire(token)).isPositive();
    }

    /**
     * Found by the load harness: the first calls of a new token arriving together each locked the gap where the
     * missing bucket row would go (SELECT … FOR UPDATE) and then inserted it, so they deadlocked and the calls failed.
     */
    @Test
    void manyFirstCallsOfANewTokenAtOnceAreAllServed() throws Exception {
        ApiRateLimiter limiter = new ApiRateLimiter(jdbc, transactions, 1000);
        for (int round = 0; round < 5; round++) {
            long token = newToken();
            int callers = 8;
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
            try {
                java.util.List<java.util.concurrent.Future<Long>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return limiter.acquire(token);
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<Long> call : calls) {
                    assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("every first call is allowed").isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.sql("SELECT calls_left FROM api_token_bucket WHERE token_id = ?").param(token).query(Double.class).single())
                    .as("each call took one from the bucket").isBetween(1000.0 - callers - 1, 1000.0 - callers + 1);
        }
    }

    private long newToken() {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("bucket-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(Role.STAFF);
        form.setUnitId(testUsers.newUnit(UnitKind.STORE));
        form.setExpiresOn(LocalDate.now().plusDays(30));
        SystemUser.call(() -> tokens.issue(form));
        return jdbc.sql("SELECT id FROM api_token WHERE name = ?").param(form.getName()).query(Long.class).single();
    }
}
