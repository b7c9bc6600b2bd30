package io.escalera.complaint.internal;

import io.escalera.complaint.CaseAction;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Role;
import io.escalera.shared.ActionRefusedException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what on a case: the case page's buttons, and the rule the service enforces whatever a screen offers.
 * STAFF work the cases assigned to them; a MANAGER any case of their units; others only read.
 */
public final class CaseActionPolicy {

    private CaseActionPolicy() {
    }

    /** @param inActingScope whether the case's unit is one the user may act on (see {@code UnitScopes.canAct}) */
    public static Set<CaseAction> allowed(ComplaintDetails complaint, AuthenticatedUser user, boolean inActingScope) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        if (user == null || (user.role() != Role.STAFF && user.role() != Role.MANAGER) || !inActingScope) {
            return actions;
        }
        boolean manager = user.role() == Role.MANAGER;
        ComplaintStatus status = complaint.status();
        actions.add(CaseAction.COMMENT);
        if (status.isOpen()) {
            if (manager) {
                actions.add(CaseAction.ASSIGN);
            }
            if (complaint.assignee() == null || (manager && !user.username().equals(complaint.assignee()))) {
                actions.add(CaseAction.TAKE);
            }
        }
        if (manager || user.username().equals(complaint.assignee())) {
            addWorkerActions(status, actions);
        }
        if (manager && status.canMoveTo(ComplaintStatus.REOPENED)) {
            actions.add(CaseAction.REOPEN);
        }
        if (manager) {
            actions.add(CaseAction.DECIDE_COMPENSATION);
        }
        return actions;
    }

    private static void addWorkerActions(ComplaintStatus status, Set<CaseAction> actions) {
        if (status.canMoveTo(ComplaintStatus.IN_PROGRESS)) actions.add(CaseAction.START);
        if (status.canMoveTo(ComplaintStatus.WAITING_CUSTOMER)) actions.add(CaseAction.WAIT_FOR_CUSTOMER);
        if (status.canMoveTo(ComplaintStatus.RESOLVED)) actions.add(CaseAction.RESOLVE);
        if (status.canMoveTo(ComplaintStatus.CLOSED)) actions.add(CaseAction.CLOSE);
        if (status != ComplaintStatus.CLOSED) {
            actions.add(CaseAction.COMPENSATE);
        }
        if (status.isOpen()) {
            actions.add(CaseAction.CHANGE_SEVERITY);
        }
    }

    /** STAFF work the cases assigned to them; a MANAGER any case of their units. */
    public static void requireWorker(ComplaintCaseEntity complaint, AuthenticatedUser user) {
        if (user.role() != Role.MANAGER && !user.username().equals(complaint.getAssignee())) {
            throw new ActionRefusedException("complaint.not-your-case");
        }
    }
}
