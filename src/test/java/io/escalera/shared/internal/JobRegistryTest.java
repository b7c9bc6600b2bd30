package io.escalera.shared.internal;

import io.escalera.support.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A job is overdue — health DOWN — once it has not succeeded for more than twice its period; the gauge shows the lag. */
class JobRegistryTest {

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobRegistry registry = new JobRegistry(clock, meters);
    private final JobsHealthIndicator health = new JobsHealthIndicator(registry);

    @Test
    void aJobThatDoesNotSucceedWithinTwiceItsPeriodTurnsHealthDownUntilItSucceedsAgain() {
        clock.freeze();
        registry.expect("mail", Duration.ofMinutes(1));
        registry.expect("nightly", Duration.ofDays(1));
        clock.advance(Duration.ofSeconds(90));
        assertThat(health.health().getStatus()).as("1.5 periods since it was first expected").isEqualTo(Status.UP);

        registry.ran("mail");
        clock.advance(Duration.ofSeconds(119));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get(JobRegistry.GAUGE).tag("job", "mail").gauge().value()).isEqualTo(119.0);

        clock.advance(Duration.ofSeconds(2));
        assertThat(health.health().getStatus()).as("121 s after its last success, period 60 s").isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsOnlyKeys("mail", "nightly");
        assertThat(registry.jobs()).filteredOn(io.escalera.shared.JobHealth.Job::overdue).extracting("name").containsExactly("mail");
        assertThat(meters.get(JobRegistry.GAUGE).tag("job", "mail").gauge().value()).isEqualTo(121.0);

        registry.ran("mail");
        assertThat(health.health().getStatus()).as("up again once it succeeds").isEqualTo(Status.UP);
    }

    @Test
    void aNightlyJobIsNotOverdueUntilTwoDaysHavePassedWithoutASuccess() {
        clock.freeze();
        registry.expect("nightly", Duration.ofDays(1));
        clock.advance(Duration.ofHours(47));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofHours(2));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
