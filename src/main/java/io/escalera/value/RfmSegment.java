package io.escalera.value;

/**
 * The named RFM segments, decided from the recency and frequency scores (1–5) and, for champions, the monetary
 * score — the first rule that matches:
 * <ol>
 *   <li>R ≥ 4, F ≥ 4 and M ≥ 4: CHAMPIONS</li>
 *   <li>R ≤ 2 and F ≥ 4: CANNOT_LOSE (they bought often, but not lately)</li>
 *   <li>R ≥ 3 and F ≥ 3: LOYAL</li>
 *   <li>R ≥ 3: POTENTIAL_LOYALIST (recent, not yet often)</li>
 *   <li>R ≤ 2 and F ≥ 2: AT_RISK</li>
 *   <li>R = 2: HIBERNATING</li>
 *   <li>otherwise (R = 1, F = 1): LOST</li>
 * </ol>
 */
public enum RfmSegment {
    CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, AT_RISK, CANNOT_LOSE, HIBERNATING, LOST;

    public static RfmSegment of(int r, int f, int m) {
        if (r >= 4 && f >= 4 && m >= 4) return CHAMPIONS;
        if (r <= 2 && f >= 4) return CANNOT_LOSE;
        if (r >= 3 && f >= 3) return LOYAL;
        if (r >= 3) return POTENTIAL_LOYALIST;
        if (f >= 2) return AT_RISK;
        if (r == 2) return HIBERNATING;
        return LOST;
    }
}
