package io.escalera.value.internal;

import io.escalera.value.ValueTier;

import java.util.Arrays;

/**
 * Ranks relative to everyone, as boundaries: the full recompute measures them over all buying customers, the
 * incremental update places one customer between them. Ties are never split: equal values get the same tier and the
 * same score.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Tier boundaries: A when fewer than 20 % of customers are worth strictly more, B when fewer than 50 %.
     *
     * @return {lowest value still A, lowest value still B}; {@code +∞} when no value qualifies
     */
    public static double[] tierBoundaries(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double a = Double.POSITIVE_INFINITY;
        double b = Double.POSITIVE_INFINITY;
        // walk from the top; "greater" = how many are worth strictly more than the value at i
        int i = n - 1;
        while (i >= 0) {
            double value = sorted[i];
            int greater = n - 1 - i;
            if (5L * greater < n) a = value;
            if (2L * greater < n) b = value;
            while (i >= 0 && sorted[i] == value) i--;
        }
        return new double[]{a, b};
    }

    /**
     * Quintile score boundaries: a value's score is 1 + ⌊5 × (how many values are strictly smaller) / N⌋, so the top
     * fifth scores 5 and ties share a score.
     *
     * @return the lowest value scoring at least 2, 3, 4 and 5 ({@code +∞} when none does)
     */
    public static double[] quintileBoundaries(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] bounds = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0 && sorted[i - 1] == sorted[i]) {
                continue; // only the first of equal values says how many are smaller
            }
            int score = (int) (1 + 5L * i / n);
            for (int s = 2; s <= score; s++) {
                bounds[s - 2] = sorted[i];
            }
        }
        return bounds;
    }

    /** The score (1–5) of a value between quintile boundaries. */
    public static int score(double value, double[] quintileBoundaries) {
        int score = 1;
        for (int s = 2; s <= 5; s++) {
            if (value >= quintileBoundaries[s - 2]) score = s;
        }
        return score;
    }

    /** The tier of a value between tier boundaries. */
    public static ValueTier tier(double value, double[] tierBoundaries) {
        return value >= tierBoundaries[0] ? ValueTier.A
                : value >= tierBoundaries[1] ? ValueTier.B : ValueTier.C;
    }
}
