package io.escalera.feedback.internal;

import io.escalera.feedback.InvitationService;
import io.escalera.security.SystemUser;
import io.escalera.shared.ClusterJobs;
import io.escalera.shared.LongJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Sends pending invitations and reminders every minute, and runs the relationship round every night — each on one node
 * at a time (two nodes would mail the same invitations).
 */
@Component
@ConditionalOnProperty(name = "escalera.feedback.invitation-jobs", havingValue = "true", matchIfMissing = true)
class InvitationJobs {

    private static final Logger log = LoggerFactory.getLogger(InvitationJobs.class);

    private final InvitationService invitations;
    private final ClusterJobs jobs;
    private final LongJobs longJobs;

    InvitationJobs(InvitationService invitations, ClusterJobs jobs, LongJobs longJobs) {
        this.invitations = invitations;
        this.jobs = jobs;
        this.longJobs = longJobs;
    }

    @Scheduled(fixedDelayString = "${escalera.feedback.send-interval:PT1M}", initialDelayString = "PT45S")
    void send() {
        jobs.runAlone("feedback.send-invitations", Duration.ofMinutes(30), () -> {
            int sent = SystemUser.call(() -> invitations.sendPending(200) + invitations.sendReminders(200));
            if (sent > 0) {
                log.info("Sent {} survey invitation(s) and reminder(s)", sent);
            }
        });
    }

    /** Every customer due a relationship survey: on the long-job executor, so that no scheduler thread waits for it. */
    @Scheduled(cron = "${escalera.feedback.relationship-cron:0 30 3 * * *}")
    void relationshipRound() {
        longJobs.handOff(() -> jobs.runAlone("feedback.relationship-round", Duration.ofHours(6), () -> {
            int invited = SystemUser.call(invitations::inviteRelationship);
            log.info("Relationship NPS round: {} customer(s) invited", invited);
        }));
    }
}
