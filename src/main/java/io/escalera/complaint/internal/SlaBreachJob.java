package io.escalera.complaint.internal;

import io.escalera.complaint.ComplaintService;
import io.escalera.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute (configurable), marks SLA breaches and records them in the cases' history. */
@Component
@ConditionalOnProperty(name = "escalera.complaint.breach-job", havingValue = "true", matchIfMissing = true)
class SlaBreachJob {

    private static final Logger log = LoggerFactory.getLogger(SlaBreachJob.class);

    private final ComplaintService complaints;

    SlaBreachJob(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Scheduled(fixedDelayString = "${escalera.complaint.breach-check-interval:PT1M}", initialDelayString = "PT30S")
    void markBreaches() {
        int marked = SystemUser.call(complaints::markBreaches);
        if (marked > 0) {
            log.info("Marked {} SLA breach(es) on complaint cases", marked);
        }
    }
}
