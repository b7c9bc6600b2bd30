package io.escalera.feedback;

/** Promoter 9–10, passive 7–8, detractor 0–6. */
public enum NpsCategory {
    PROMOTER, PASSIVE, DETRACTOR;

    public static NpsCategory of(int score) {
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
