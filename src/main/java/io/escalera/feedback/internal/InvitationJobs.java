package io.escalera.feedback.internal;

import io.escalera.feedback.InvitationService;
import io.escalera.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends pending invitations and reminders every minute, and runs the relationship round every night. */
@Component
@ConditionalOnProperty(name = "escalera.feedback.invitation-jobs", havingValue = "true", matchIfMissing = true)
class InvitationJobs {

    private static final Logger log = LoggerFactory.getLogger(InvitationJobs.class);

    private final InvitationService invitations;

    InvitationJobs(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Scheduled(fixedDelayString = "${escalera.feedback.send-interval:PT1M}", initialDelayString = "PT45S")
    void send() {
        int sent = SystemUser.call(() -> invitations.sendPending(200) + invitations.sendReminders(200));
        if (sent > 0) {
            log.info("Sent {} survey invitation(s) and reminder(s)", sent);
        }
    }

    @Scheduled(cron = "${escalera.feedback.relationship-cron:0 30 3 * * *}")
    void relationshipRound() {
        int invited = SystemUser.call(invitations::inviteRelationship);
        log.info("Relationship NPS round: {} customer(s) invited", invited);
    }
}
