package io.escalera.value.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Retention observed over the last two years, by the customer's rung a year ago × acquisition channel. */
record Retention(Map<String, long[]> counts) {

    /** A segment's observed retention is used from this many customers; below, its stage's, then everyone's. */
    static final int MIN_SEGMENT = 20;

    static Retention measure(List<ValueFacts> all, int customerPurchases, int clientPurchases) {
        Map<String, long[]> counts = new HashMap<>();
        for (ValueFacts f : all) {
            if (f.ordersPreviousYear() == 0) continue;
            String rung = rung(f.ordersPreviousYear(), customerPurchases, clientPurchases);
            int retained = f.ordersYear() > 0 ? 1 : 0;
            for (String key : List.of(rung + "." + f.acquisitionChannel(), rung, "ALL")) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                c[1] += retained;
            }
        }
        return new Retention(counts);
    }

    static String rung(int purchases, int customerPurchases, int clientPurchases) {
        return purchases >= clientPurchases ? "CLIENT" : purchases >= customerPurchases ? "CUSTOMER" : "SHOPPER";
    }

    /** r for an active customer on {@code stage} (an ADVOCATE is valued as a CLIENT) of a channel. */
    double rateFor(String stage, String channel, String rungByPurchases) {
        // no ladder stage yet, or not yet moved off PROSPECT/LAPSED by the ladder: the rung its purchases give
        String rung = stage == null || stage.equals("PROSPECT") || stage.equals("LAPSED") ? rungByPurchases
                : stage.equals("ADVOCATE") ? "CLIENT" : stage;
        for (String key : List.of(rung + "." + channel, rung, "ALL")) {
            long[] c = counts.get(key);
            if (c != null && (c[0] >= MIN_SEGMENT || key.equals("ALL"))) {
                return (double) c[1] / c[0];
            }
        }
        return 0;
    }
}
