package io.escalera.security;

import io.escalera.security.internal.LoginThrottle;
import io.escalera.security.internal.LoginThrottle.Outcome;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;

    private final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void fourFailuresDoNotLockButTheFifthLocksTheUsernameForFifteenMinutes() {
        String user = unique("user");
        for (int i = 0; i < 4; i++) {
            throttle.record(user, unique("addr"), Outcome.FAILURE, start.plusSeconds(i * 60L));
        }
        assertThat(throttle.isLocked(user, unique("addr"), start.plusSeconds(4 * 60))).isFalse();

        Instant fifth = start.plusSeconds(5 * 60);
        throttle.record(user, unique("addr"), Outcome.FAILURE, fifth);
        assertThat(throttle.isLocked(user, unique("addr"), fifth.plusSeconds(1))).isTrue();
        assertThat(throttle.isLocked(user.toUpperCase(), unique("addr"), fifth.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(throttle.isLocked(user, unique("addr"), fifth.plus(Duration.ofMinutes(15)).plusSeconds(1))).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        String user = unique("user");
        for (int i = 0; i < 5; i++) {
            throttle.record(user, unique("addr"), Outcome.FAILURE, start.plus(Duration.ofMinutes(4L * i)));
        }
        // first and fifth failure are 16 minutes apart
        assertThat(throttle.isLocked(user, unique("addr"), start.plus(Duration.ofMinutes(17)))).isFalse();
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressWhateverTheUsername() {
        String address = unique("addr");
        for (int i = 0; i < 5; i++) {
            throttle.record(unique("user"), address, Outcome.FAILURE, start.plusSeconds(i));
        }
        assertThat(throttle.isLocked(unique("someone-else"), address, start.plusSeconds(10))).isTrue();
        assertThat(throttle.isLocked(unique("someone-else"), unique("addr"), start.plusSeconds(10))).isFalse();
    }

    @Test
    void aSuccessfulLoginStartsTheUsernameCountAgain() {
        String user = unique("user");
        for (int i = 0; i < 4; i++) {
            throttle.record(user, unique("addr"), Outcome.FAILURE, start.plusSeconds(i));
        }
        throttle.record(user, unique("addr"), Outcome.SUCCESS, start.plusSeconds(10));
        throttle.record(user, unique("addr"), Outcome.FAILURE, start.plusSeconds(20));
        assertThat(throttle.isLocked(user, unique("addr"), start.plusSeconds(30))).isFalse();
    }

    @Test
    void refusedAttemptsDuringALockDoNotExtendIt() {
        String user = unique("user");
        for (int i = 0; i < 5; i++) {
            throttle.record(user, unique("addr"), Outcome.FAILURE, start.plusSeconds(i));
        }
        throttle.record(user, unique("addr"), Outcome.THROTTLED, start.plus(Duration.ofMinutes(14)));
        assertThat(throttle.isLocked(user, unique("addr"), start.plus(Duration.ofMinutes(16)))).isFalse();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
