package io.escalera.loyalty.internal;

import io.escalera.loyalty.LoyaltyEvents;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.shared.ClusterJobs;
import io.escalera.shared.LongJobs;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly ladder run announces its end, which the value module's nightly run follows (the chain replaces two
 * clock times); a night skipped because another full run holds the ladder's lock announces nothing, so no value run
 * starts while stages are still moving. (The value side: {@code NightlyValueRecomputeTest}.)
 */
@EscaleraTest
class NightlyLadderRecomputeTest {

    @Autowired LoyaltyService loyalty;
    @Autowired LongJobs longJobs;
    @Autowired ClusterJobs clusterJobs;

    private final LinkedBlockingQueue<Object> announced = new LinkedBlockingQueue<>();
    private final ApplicationEventPublisher publisher = announced::add;

    @Test
    void aNightlyRunThatRanAnnouncesItsEndAfterTheStagesAreWritten() throws Exception {
        Instant before = Instant.now();
        new NightlyLadderRecompute(loyalty, longJobs, publisher, Clock.systemUTC()).recompute();

        Object event = announced.poll(120, TimeUnit.SECONDS);
        assertThat(event).isInstanceOf(LoyaltyEvents.NightlyRecomputeEnded.class);
        LoyaltyEvents.NightlyRecomputeEnded ended = (LoyaltyEvents.NightlyRecomputeEnded) event;
        assertThat(ended.at()).isAfter(before);
        assertThat(ended.changed()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aNightSkippedBecauseAnotherRunHoldsTheLadderAnnouncesNothing() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherRun = Thread.ofPlatform().start(() -> clusterJobs.runAlone("loyalty.full-recompute", Duration.ofMinutes(5), () -> {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("another run holds the ladder").isTrue();
            new NightlyLadderRecompute(loyalty, longJobs, publisher, Clock.systemUTC()).recompute();
            assertThat(announced.poll(5, TimeUnit.SECONDS)).as("nothing announced for a skipped night").isNull();
        } finally {
            release.countDown();
            otherRun.join(30_000);
        }
    }
}
