package io.escalera.shared;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact order statistics of a histogram (value → how many), so that medians and percentiles can be read from
 * grouped rows instead of every row.
 */
public final class Histograms {

    private Histograms() {
    }

    /** The middle value, or the mean of the two middle ones; null for an empty histogram. */
    public static Double median(TreeMap<Long, Long> histogram) {
        long total = total(histogram);
        if (total == 0) {
            return null;
        }
        return (valueAtRank(histogram, (total + 1) / 2) + valueAtRank(histogram, total / 2 + 1)) / 2.0;
    }

    /** The nearest-rank percentile: the value at rank ⌈p × n⌉ (1-based); null for an empty histogram. */
    public static Double percentile(TreeMap<Long, Long> histogram, double p) {
        long total = total(histogram);
        if (total == 0) {
            return null;
        }
        return (double) valueAtRank(histogram, Math.max(1, (long) Math.ceil(p * total)));
    }

    private static long total(TreeMap<Long, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long valueAtRank(TreeMap<Long, Long> histogram, long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (rank <= seen) {
                return bucket.getKey();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen);
    }
}
