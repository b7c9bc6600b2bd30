package io.escalera.feedback.internal;

import io.escalera.complaint.ComplaintEvents;
import io.escalera.customer.CustomerEvents;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.InvitationOrigin;
import io.escalera.feedback.InvitationService;
import io.escalera.feedback.Touchpoint;
import io.escalera.security.SystemUser;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * The rules' triggers: a delivered order (CSAT + NPS) and a resolved case (CSAT + CES). Handled after the commit that
 * published them, through Spring Modulith's event publication registry, so that none is lost on a restart.
 */
@Component
class InvitationTriggers {

    private final InvitationService invitations;

    InvitationTriggers(InvitationService invitations) {
        this.invitations = invitations;
    }

    @ApplicationModuleListener
    void on(CustomerEvents.OrderDelivered delivered) {
        SystemUser.run(() -> invitations.invite(delivered.customerId(), InvitationOrigin.AFTER_DELIVERY,
                EnumSet.of(FeedbackKind.CSAT, FeedbackKind.NPS), Touchpoint.AFTER_PURCHASE, delivered.orderId(), null));
    }

    @ApplicationModuleListener
    void on(ComplaintEvents.ComplaintResolved resolved) {
        SystemUser.run(() -> invitations.invite(resolved.customerId(), InvitationOrigin.AFTER_RESOLUTION,
                EnumSet.of(FeedbackKind.CSAT, FeedbackKind.CES), Touchpoint.AFTER_CASE_RESOLUTION, null, resolved.caseId()));
    }
}
