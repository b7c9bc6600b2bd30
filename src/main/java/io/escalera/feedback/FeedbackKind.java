package io.escalera.feedback;

/** The three questions: NPS 0–10, CSAT 1–5, CES 1–7. */
public enum FeedbackKind {
    NPS(0, 10), CSAT(1, 5), CES(1, 7);

    private final int min;
    private final int max;

    FeedbackKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    /** An answer that must be followed up: a detractor (NPS 0–6) or an unhappy CSAT (1–2). CES never is. */
    public boolean unhappy(int score) {
        return switch (this) {
            case NPS -> score <= 6;
            case CSAT -> score <= 2;
            case CES -> false;
        };
    }
}
