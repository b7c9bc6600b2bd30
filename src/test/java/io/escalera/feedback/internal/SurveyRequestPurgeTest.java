package io.escalera.feedback.internal;

import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class SurveyRequestPurgeTest {

    @Autowired SurveyRequestPurge purge;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private long requestsOf(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE remote_address = ?").param(address).query(Long.class).single();
    }

    @Test
    void theJobForgetsRequestsOlderThanAnHourAndKeepsTheRecentOnes() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        Instant now = clock.instant();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO survey_request (remote_address, requested_at) VALUES (?, ?)")
                    .params(old, Timestamp.from(now.minus(Duration.ofMinutes(61 + i)))).update();
            jdbc.sql("INSERT INTO survey_request (remote_address, requested_at) VALUES (?, ?)")
                    .params(recent, Timestamp.from(now.minus(Duration.ofMinutes(59 - i)))).update();
        }
        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);
        assertThat(requestsOf(old)).isZero();
        assertThat(requestsOf(recent)).isEqualTo(3);
    }
}
