package io.escalera.feedback;

/**
 * When surveys go out by themselves (MANAGER edits these).
 *
 * @param afterDelivery       CSAT + NPS after an order is delivered
 * @param afterResolution     CSAT + CES after a case is resolved
 * @param relationshipMonths  relationship NPS every N months (0: never)
 * @param contactCapDays      at most one invitation per customer within this many days
 * @param reminderDays        one reminder this many days after sending, if unanswered (0: none)
 * @param expiryDays          a link works this many days
 * @param followUpSlaHours    hours to close the loop with an unhappy customer
 */
public record InvitationRules(boolean afterDelivery, boolean afterResolution, int relationshipMonths, int contactCapDays,
                              int reminderDays, int expiryDays, int followUpSlaHours) {
}
