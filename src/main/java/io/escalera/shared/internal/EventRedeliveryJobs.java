package io.escalera.shared.internal;

import io.escalera.shared.ClusterJobs;
import io.escalera.shared.LongJobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Every minute the failed event publications due for another attempt; every night the purge of completed ones. */
@Component
@ConditionalOnProperty(name = "escalera.events.redelivery-jobs", havingValue = "true", matchIfMissing = true)
class EventRedeliveryJobs {

    private final EventRedelivery redelivery;
    private final ClusterJobs jobs;
    private final LongJobs longJobs;

    EventRedeliveryJobs(EventRedelivery redelivery, ClusterJobs jobs, LongJobs longJobs) {
        this.redelivery = redelivery;
        this.jobs = jobs;
        this.longJobs = longJobs;
    }

    @Scheduled(fixedDelayString = "${escalera.events.retry-interval:PT1M}", initialDelayString = "PT1M")
    void retryFailed() {
        jobs.runAlone("events.retry", Duration.ofMinutes(30), redelivery::retryNow);
    }

    /** A week of completed publications may be many rows: on the long-job executor. */
    @Scheduled(cron = "${escalera.events.purge-cron:0 20 4 * * *}")
    void purgeCompleted() {
        longJobs.handOff(() -> jobs.runAlone("events.purge", Duration.ofHours(1), redelivery::purgeNow));
    }
}
