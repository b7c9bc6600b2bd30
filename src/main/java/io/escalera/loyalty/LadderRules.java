package io.escalera.loyalty;

import java.math.BigDecimal;

/**
 * The ladder's numbers (settings; MANAGER and ADMIN edit them).
 *
 * @param windowDays         purchases counted within the last N days, both ends included
 * @param customerPurchases  purchases in the window to be a CUSTOMER (2)
 * @param clientPurchases    purchases in the window to be a CLIENT (6)
 * @param overdueFactor      overdue when days since the last purchase ≥ factor × the median gap (2)
 * @param promoterScore      the latest NPS answer at least this makes a CLIENT an ADVOCATE (9)
 * @param referralWindowDays a referral made within the last N days makes a CLIENT an ADVOCATE (365)
 */
public record LadderRules(int windowDays, int customerPurchases, int clientPurchases, BigDecimal overdueFactor,
                          int promoterScore, int referralWindowDays) {

    public static LadderRules defaults() {
        return new LadderRules(365, 2, 6, new BigDecimal("2"), 9, 365);
    }
}
