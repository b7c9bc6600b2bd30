package io.escalera.value.internal;

import io.escalera.value.ValueTier;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static int[] scores(double... values) {
        double[] bounds = Ranking.quintileBoundaries(values);
        return Arrays.stream(values).mapToInt(v -> Ranking.score(v, bounds)).toArray();
    }

    private static ValueTier[] tiers(double... values) {
        double[] bounds = Ranking.tierBoundaries(values);
        return Arrays.stream(values).mapToObj(v -> Ranking.tier(v, bounds)).toArray(ValueTier[]::new);
    }

    @Test
    void tenDistinctValuesGetTwoOfEachQuintile() {
        assertThat(scores(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void aQuintileStartsExactlyWhereAFifthOfTheValuesAreSmaller() {
        // N = 7: score = 1 + ⌊5 × smaller / 7⌋ → smaller 0,1 → 1; 2 → 2; 3,4 → 3 (15/7 = 2.1); 5 → 4; 6 → 5
        assertThat(scores(10, 20, 30, 40, 50, 60, 70)).containsExactly(1, 1, 2, 3, 3, 4, 5);
    }

    @Test
    void tiedValuesShareTheScoreOfTheFirstOfThem() {
        // four equal lowest values: all have 0 smaller → 1; the 5th has 4 smaller of 6 → 1 + ⌊20/6⌋ = 4
        assertThat(scores(0, 0, 0, 0, 5, 9)).containsExactly(1, 1, 1, 1, 4, 5);
        assertThat(scores(3, 3, 3)).containsExactly(1, 1, 1);
    }

    @Test
    void aValueBetweenTheBoundariesOfALaterCustomerScoresLikeItsNeighbours() {
        double[] bounds = Ranking.quintileBoundaries(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(Ranking.score(8.5, bounds)).isEqualTo(4);
        assertThat(Ranking.score(100, bounds)).isEqualTo(5);
        assertThat(Ranking.score(-1, bounds)).isEqualTo(1);
    }

    @Test
    void topTwentyPercentAreANextThirtyPercentBAndTheRestC() {
        assertThat(tiers(10, 9, 8, 7, 6, 5, 4, 3, 2, 1)).containsExactly(
                ValueTier.A, ValueTier.A, ValueTier.B, ValueTier.B, ValueTier.B,
                ValueTier.C, ValueTier.C, ValueTier.C, ValueTier.C, ValueTier.C);
    }

    @Test
    void tiesAtATierBoundaryAllGoToTheHigherTier() {
        // 2 of 10 may be A; 9, 9 and 9 tie for places 2–4: all have one customer above them, fewer than 20 % → A
        assertThat(tiers(10, 9, 9, 9, 6, 5, 4, 3, 2, 1)).containsExactly(
                ValueTier.A, ValueTier.A, ValueTier.A, ValueTier.A, ValueTier.B,
                ValueTier.C, ValueTier.C, ValueTier.C, ValueTier.C, ValueTier.C);
    }

    @Test
    void negativeValuesRankBelowZero() {
        assertThat(tiers(-50, 0, 100, -10, 20)).containsExactly(ValueTier.C, ValueTier.B, ValueTier.A, ValueTier.C, ValueTier.B);
    }

    @Test
    void aSingleCustomerIsA() {
        assertThat(tiers(42)).containsExactly(ValueTier.A);
        assertThat(scores(42)).containsExactly(1);
    }
}
