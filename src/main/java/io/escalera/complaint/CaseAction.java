package io.escalera.complaint;

/** What a user can do on a case page; {@link ComplaintService#allowedActions} says which apply now. */
public enum CaseAction {
    ASSIGN, TAKE, START, WAIT_FOR_CUSTOMER, RESOLVE, CLOSE, REOPEN, COMPENSATE, DECIDE_COMPENSATION, CHANGE_SEVERITY, COMMENT
}
