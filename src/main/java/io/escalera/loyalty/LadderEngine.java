package io.escalera.loyalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ladder's rules for one customer on one day, free of the database — the reference the set-based recompute is
 * tested against. Order of the rules (the brief's precise definitions): no order ever → PROSPECT; orders but none in
 * the window → LAPSED; then CLIENT/ADVOCATE (enough purchases in the window and not overdue), then CUSTOMER, then
 * SHOPPER (exactly one purchase in the window, also with older history: a won-back shopper).
 */
public final class LadderEngine {

    private LadderEngine() {
    }

    /**
     * @param orderDates     every purchase of the customer (one per order, returns included), any order
     * @param latestNps      the customer's latest NPS answer ever, or null
     * @param lastReferralOn the latest day the customer referred someone, or null
     */
    public static StageDecision decide(List<LocalDate> orderDates, Integer latestNps, LocalDate lastReferralOn,
                                       LocalDate day, LadderRules rules) {
        if (orderDates.isEmpty()) {
            return new StageDecision(Stage.PROSPECT, "ladder.reason.prospect", "");
        }
        List<LocalDate> sorted = new ArrayList<>(orderDates);
        sorted.sort(null);
        LocalDate windowStart = day.minusDays(rules.windowDays());
        long inWindow = sorted.stream().filter(d -> !d.isBefore(windowStart) && !d.isAfter(day)).count();
        return decide(inWindow, sorted.getLast(), inWindow >= rules.clientPurchases() ? medianGap(sorted) : null,
                latestNps, lastReferralOn, day, rules);
    }

    /**
     * The same rules from a purchase history already summed up (the full recompute folds every customer's orders as
     * it streams them).
     *
     * @param inWindow  purchases in the window ending on the day
     * @param last      the latest purchase
     * @param medianGap median day gap between consecutive purchases (read only with enough purchases for a client)
     */
    public static StageDecision decide(long inWindow, LocalDate last, BigDecimal medianGap, Integer latestNps,
                                       LocalDate lastReferralOn, LocalDate day, LadderRules rules) {
        if (inWindow == 0) {
            return new StageDecision(Stage.LAPSED, "ladder.reason.lapsed", rules.windowDays() + "|" + last);
        }
        if (inWindow >= rules.clientPurchases()) {
            BigDecimal median = medianGap;
            long since = ChronoUnit.DAYS.between(last, day);
            boolean overdue = median != null && BigDecimal.valueOf(since).compareTo(rules.overdueFactor().multiply(median)) >= 0;
            if (!overdue) {
                if (latestNps != null && latestNps >= rules.promoterScore()) {
                    return new StageDecision(Stage.ADVOCATE, "ladder.reason.advocate-promoter", inWindow + "|" + rules.windowDays() + "|" + latestNps);
                }
                if (lastReferralOn != null && !lastReferralOn.isBefore(day.minusDays(rules.referralWindowDays())) && !lastReferralOn.isAfter(day)) {
                    return new StageDecision(Stage.ADVOCATE, "ladder.reason.advocate-referral", inWindow + "|" + rules.windowDays() + "|" + lastReferralOn);
                }
                return new StageDecision(Stage.CLIENT, "ladder.reason.client", inWindow + "|" + rules.windowDays());
            }
            return new StageDecision(Stage.CUSTOMER, "ladder.reason.customer-overdue", inWindow + "|" + rules.windowDays() + "|" + since
                    + "|" + median.stripTrailingZeros().toPlainString());
        }
        if (inWindow >= rules.customerPurchases()) {
            return new StageDecision(Stage.CUSTOMER, "ladder.reason.customer", inWindow + "|" + rules.windowDays());
        }
        return new StageDecision(Stage.SHOPPER, "ladder.reason.shopper", rules.windowDays() + "");
    }

    /** The median of the day gaps between consecutive purchases over the whole history (mean of the two middle ones). */
    static BigDecimal medianGap(List<LocalDate> sorted) {
        long[] days = sorted.stream().mapToLong(LocalDate::toEpochDay).toArray();
        return medianGap(days, days.length);
    }

    /**
     * The same for the first {@code n} purchase days (epoch days, ascending), for callers that stream histories.
     *
     * @return null for fewer than two purchases
     */
    public static BigDecimal medianGap(long[] sortedDays, int n) {
        if (n < 2) {
            return null;
        }
        long[] gaps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = sortedDays[i] - sortedDays[i - 1];
        }
        Arrays.sort(gaps);
        int g = gaps.length;
        return g % 2 == 1 ? BigDecimal.valueOf(gaps[g / 2])
                : BigDecimal.valueOf(gaps[g / 2 - 1] + gaps[g / 2]).divide(BigDecimal.valueOf(2));
    }
}
