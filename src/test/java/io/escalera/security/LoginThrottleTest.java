package io.escalera.security;

import io.escalera.security.internal.LoginThrottle;
import io.escalera.security.internal.LoginThrottle.Outcome;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class LoginThrottleTest {

    @Autowired LoginThrottle throttle;
    @Autowired JdbcClient jdbc;

    private final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void fourFailuresOfAPairDoNotLockButTheFifthRefusesThatUserFromThatAddressForOneMinute() {
        String user = unique("user");
        String address = unique("addr");
        for (int i = 0; i < 4; i++) {
            throttle.record(user, address, Outcome.FAILURE, start.plusSeconds(i));
        }
        assertThat(throttle.isLocked(user, address, start.plusSeconds(5))).isFalse();

        Instant fifth = start.plusSeconds(10);
        throttle.record(user, address, Outcome.FAILURE, fifth);
        assertThat(throttle.isLocked(user, address, fifth.plusSeconds(1))).isTrue();
        assertThat(throttle.isLocked(user.toUpperCase(), address, fifth.plusSeconds(59))).isTrue();
        assertThat(throttle.isLocked(user, address, fifth.plusSeconds(61))).isFalse();
    }

    @Test
    void eachFurtherFailureOfThePairDoublesTheDelayUpToFifteenMinutes() {
        String user = unique("user");
        String address = unique("addr");
        Instant at = start;
        for (int i = 0; i < 4; i++) {
            throttle.record(user, address, Outcome.FAILURE, at);
            at = at.plusSeconds(1);
        }
        for (long minutes : new long[] {1, 2, 4, 8, 15, 15}) {
            assertThat(throttle.isLocked(user, address, at)).isFalse();
            throttle.record(user, address, Outcome.FAILURE, at);
            assertThat(throttle.isLocked(user, address, at.plus(Duration.ofMinutes(minutes)).minusSeconds(1)))
                    .as("refused for %d minutes", minutes).isTrue();
            at = at.plus(Duration.ofMinutes(minutes)).plusSeconds(1);
        }
        assertThat(throttle.isLocked(user, address, at)).isFalse();
    }

    @Test
    void failuresForAUserFromOtherAddressesDoNotLockTheUserOutOfTheirOwnAddress() {
        String user = unique("user");
        for (int attacker = 0; attacker < 3; attacker++) {
            String address = unique("attacker");
            for (int i = 0; i < 6; i++) {
                throttle.record(user, address, Outcome.FAILURE, start.plusSeconds(attacker * 10L + i));
            }
            assertThat(throttle.isLocked(user, address, start.plusSeconds(40))).isTrue();
        }
        assertThat(throttle.isLocked(user, unique("users-own-address"), start.plusSeconds(40))).isFalse();
    }

    @Test
    void twentyFailuresFromOneAddressWhateverTheUsernamesRefuseThatAddressForFifteenMinutes() {
        String address = unique("sprayer");
        for (int i = 0; i < 19; i++) {
            throttle.record(unique("user"), address, Outcome.FAILURE, start.plusSeconds(i));
        }
        assertThat(throttle.isLocked(unique("someone-else"), address, start.plusSeconds(30))).isFalse();

        throttle.record(unique("user"), address, Outcome.FAILURE, start.plusSeconds(20));
        assertThat(throttle.isLocked(unique("someone-else"), address, start.plusSeconds(30))).isTrue();
        assertThat(throttle.isLocked(unique("someone-else"), address, start.plus(Duration.ofMinutes(15)).plusSeconds(19))).isTrue();
        assertThat(throttle.isLocked(unique("someone-else"), address, start.plus(Duration.ofMinutes(15)).plusSeconds(21))).isFalse();
        assertThat(throttle.isLocked(unique("someone-else"), unique("addr"), start.plusSeconds(30))).isFalse();
    }

    @Test
    void aSuccessfulLoginOfThePairStartsItsCountAgain() {
        String user = unique("user");
        String address = unique("addr");
        for (int i = 0; i < 4; i++) {
            throttle.record(user, address, Outcome.FAILURE, start.plusSeconds(i));
        }
        throttle.record(user, address, Outcome.SUCCESS, start.plusSeconds(10));
        throttle.record(user, address, Outcome.FAILURE, start.plusSeconds(20));
        assertThat(throttle.isLocked(user, address, start.plusSeconds(30))).isFalse();
    }

    @Test
    void refusedAttemptsDuringALockDoNotExtendIt() {
        String user = unique("user");
        String address = unique("addr");
        for (int i = 0; i < 5; i++) {
            throttle.record(user, address, Outcome.FAILURE, start.plusSeconds(i));
        }
        throttle.record(user, address, Outcome.THROTTLED, start.plusSeconds(50));
        assertThat(throttle.isLocked(user, address, start.plusSeconds(66))).isFalse();
    }

    @Test
    void aUsernameLongerThanTheColumnIsKeptAsItsHashAndThrottledLikeAnyOther() {
        String longName = "x".repeat(300) + UUID.randomUUID();
        String address = unique("addr");
        assertThat(LoginThrottle.key(longName)).hasSizeLessThanOrEqualTo(60).isEqualTo(LoginThrottle.key(longName.toUpperCase()))
                .isNotEqualTo(LoginThrottle.key(longName + "y"));
        for (int i = 0; i < 5; i++) {
            throttle.record(longName, address, Outcome.FAILURE, start.plusSeconds(i));
        }
        assertThat(throttle.isLocked(longName, address, start.plusSeconds(10))).isTrue();
    }

    @Test
    void writingAnAttemptDeletesAttemptsOlderThanTheRetention() {
        String old = unique("old");
        String recent = unique("recent");
        throttle.record(old, unique("addr"), Outcome.FAILURE, start.minus(LoginThrottle.RETENTION).minusSeconds(1));
        throttle.record(recent, unique("addr"), Outcome.FAILURE, start.minus(LoginThrottle.RETENTION).plusSeconds(60));

        throttle.record(unique("user"), unique("addr"), Outcome.FAILURE, start);

        assertThat(attemptsOf(old)).isZero();
        assertThat(attemptsOf(recent)).isOne();
    }

    private long attemptsOf(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM login_attempt WHERE username = ?").param(username).query(Long.class).single();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
