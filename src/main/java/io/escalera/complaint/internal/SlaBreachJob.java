package io.escalera.complaint.internal;

import io.escalera.complaint.ComplaintService;
import io.escalera.security.SystemUser;
import io.escalera.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Every minute (configurable), marks SLA breaches and records them in the cases' history (on one node at a time). */
@Component
@ConditionalOnProperty(name = "escalera.complaint.breach-job", havingValue = "true", matchIfMissing = true)
class SlaBreachJob {

    private static final Logger log = LoggerFactory.getLogger(SlaBreachJob.class);

    private final ComplaintService complaints;
    private final ClusterJobs jobs;

    SlaBreachJob(ComplaintService complaints, ClusterJobs jobs) {
        this.complaints = complaints;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${escalera.complaint.breach-check-interval:PT1M}", initialDelayString = "PT30S")
    void markBreaches() {
        jobs.runAlone("complaint.sla-breaches", Duration.ofMinutes(10), () -> {
            int marked = SystemUser.call(complaints::markBreaches);
            if (marked > 0) {
                log.info("Marked {} SLA breach(es) on complaint cases", marked);
            }
        });
    }
}
