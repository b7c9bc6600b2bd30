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

    /** Found by the crash tests: a burst of first calls from several threads answered 500 (a deadlock). */
    @Test
    void theFirstCallsOfANewTokenFromManyThreadsAtOnceAreAllServed() throws Exception {
        ApiRateLimiter limiter = new ApiRateLimiter(jdbc, transactions, 1_000);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                long token = newToken();
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(8);
                java.util.List<java.util.concurrent.Future<Long>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> {
                        together.await();
                        return limiter.acquire(token);
                    }));
                }
                for (var call : calls) {
                    assertThat(call.get()).as("a first call of a new token").isZero();
                }
            }
        } finally {
            pool.shutdownNow();
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
