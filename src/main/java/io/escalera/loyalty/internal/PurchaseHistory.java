package io.escalera.loyalty.internal;

import io.escalera.loyalty.LadderEngine;
import io.escalera.loyalty.LadderRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One customer's purchases, fed in date order (ties by order id), folded into what the ladder and its reports need:
 * the counts the stage rules read and the day each rung and lifecycle step was first reached. The incremental update
 * feeds one customer's orders; the full recompute streams every customer's through one instance, so both compute
 * with the same code.
 */
public final class PurchaseHistory {

    /** A customer's retention is shown when they buy again this many days or more after their first purchase. */
    static final int RETAINED_AFTER_DAYS = 365;

    /**
     * @param inWindow   purchases in the rules' window ending on the day (both ends included)
     * @param lastOrder  the latest purchase
     * @param medianGap  median day gap between consecutive purchases (null under two purchases)
     * @param shopperOn  first purchase
     * @param customerOn first day with the customer rung's purchase count inside one window
     * @param clientOn   first day with the client rung's purchase count inside one window
     * @param expandedOn first later purchase in a category the first purchase did not have, or that lifted the
     *                   average ticket above the first one
     * @param retainedOn first purchase a year or more after the first one
     */
    public record Summary(int inWindow, LocalDate lastOrder, BigDecimal medianGap, LocalDate shopperOn,
                          LocalDate customerOn, LocalDate clientOn, LocalDate expandedOn, LocalDate retainedOn) {
    }

    private final LadderRules rules;
    private final long windowStart;
    private long[] days = new long[64];
    private int count;
    private long firstTicketCents;
    private long ticketSumCents;
    private final Set<String> firstCategories = new HashSet<>();
    private long expandedOn = Long.MIN_VALUE;

    public PurchaseHistory(LadderRules rules, LocalDate day) {
        this.rules = rules;
        this.windowStart = day.minusDays(rules.windowDays()).toEpochDay();
    }

    /** Starts the next customer. */
    public void clear() {
        count = 0;
        ticketSumCents = 0;
        firstCategories.clear();
        expandedOn = Long.MIN_VALUE;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The next purchase, not earlier than the previous one. */
    public void add(LocalDate on, long netCents, String categories) {
        long day = on.toEpochDay();
        if (count == days.length) {
            days = Arrays.copyOf(days, count * 2);
        }
        days[count++] = day;
        ticketSumCents += netCents;
        if (count == 1) {
            firstTicketCents = netCents;
            forEachCategory(categories, firstCategories::add);
        } else if (expandedOn == Long.MIN_VALUE
                && (ticketSumCents > firstTicketCents * count || hasNewCategory(categories))) {
            expandedOn = day;
        }
    }

    private boolean hasNewCategory(String categories) {
        boolean[] found = {false};
        forEachCategory(categories, c -> found[0] |= !firstCategories.contains(c));
        return found[0];
    }

    private static void forEachCategory(String categories, Consumer<String> action) {
        if (categories == null) {
            return;
        }
        for (String category : categories.split(",")) {
            String trimmed = category.strip().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                action.accept(trimmed);
            }
        }
    }

    /** The summary of the purchases added since {@link #clear()}; null when there were none. */
    public Summary summary() {
        if (count == 0) {
            return null;
        }
        int inWindow = 0;
        for (int i = count - 1; i >= 0 && days[i] >= windowStart; i--) {
            inWindow++;
        }
        return new Summary(inWindow, date(days[count - 1]), LadderEngine.medianGap(days, count), date(days[0]),
                reached(rules.customerPurchases()), reached(rules.clientPurchases()),
                expandedOn == Long.MIN_VALUE ? null : date(expandedOn), retained());
    }

    /** The first purchase day on which {@code purchases} purchases fall inside one window (both ends included). */
    private LocalDate reached(int purchases) {
        for (int i = purchases - 1; i < count; i++) {
            if (days[i] - days[i - purchases + 1] <= rules.windowDays()) {
                return date(days[i]);
            }
        }
        return null;
    }

    private LocalDate retained() {
        for (int i = 1; i < count; i++) {
            if (days[i] - days[0] >= RETAINED_AFTER_DAYS) {
                return date(days[i]);
            }
        }
        return null;
    }

    private static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
