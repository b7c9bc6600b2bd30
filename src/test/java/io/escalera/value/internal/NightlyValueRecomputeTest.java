package io.escalera.value.internal;

import io.escalera.loyalty.LoyaltyEvents;
import io.escalera.shared.JobHealth;
import io.escalera.shared.LongJobs;
import io.escalera.support.EscaleraTest;
import io.escalera.value.ValueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value module's nightly run follows the ladder's announced end (no clock time of its own), runs off the
 * announcing thread, and is watched as its own daily job. (The ladder side: {@code NightlyLadderRecomputeTest}.)
 */
@EscaleraTest
class NightlyValueRecomputeTest {

    @Autowired ValueService values;
    @Autowired CustomerValueTable store;
    @Autowired LongJobs longJobs;
    @Autowired JobHealth jobHealth;
    @Autowired JdbcClient jdbc;

    @Test
    void theLaddersAnnouncedEndStartsAFullValueRunWatchedAsADailyJob() throws Exception {
        NightlyValueRecompute nightly = new NightlyValueRecompute(values, store, longJobs, jobHealth);
        assertThat(job().period()).hasDays(1);
        Timestamp asked = jdbc.sql("SELECT NOW(3)").query(Timestamp.class).single();

        nightly.on(new LoyaltyEvents.NightlyRecomputeEnded(Instant.now(), 0));

        for (int i = 0; i < 1200 && job().lastSuccess() == null; i++) {
            Thread.sleep(100);
        }
        assertThat(job().lastSuccess()).as("the nightly value job ran").isNotNull();
        assertThat(jdbc.sql("SELECT completed_run_started_at FROM job_lock WHERE name = ?").param(ValueRecomputeRun.FULL_RUN)
                .query(Timestamp.class).single()).as("a full value run started after the announcement").isAfterOrEqualTo(asked);
    }

    @Test
    void itHasNoClockTimeOfItsOwnAndListensForTheLadder() throws Exception {
        assertThat(Arrays.stream(NightlyValueRecompute.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Scheduled.class)))
                .isEmpty();
        assertThat(NightlyValueRecompute.class.getDeclaredMethod("on", LoyaltyEvents.NightlyRecomputeEnded.class)
                .isAnnotationPresent(EventListener.class)).isTrue();
    }

    private JobHealth.Job job() {
        return jobHealth.jobs().stream().filter(j -> j.name().equals(NightlyValueRecompute.JOB)).findFirst().orElseThrow();
    }
}
