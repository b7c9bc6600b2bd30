package io.escalera.loyalty;

/**
 * A customer's stage and why, as a translation key with its arguments (e.g. "ladder.reason.client" with 7 and 365:
 * "7 purchases in 365 days, not overdue").
 */
public record StageDecision(Stage stage, String reasonKey, String reasonArgs) {

    public Object[] args() {
        return reasonArgs == null || reasonArgs.isEmpty() ? new Object[0] : reasonArgs.split("\\|");
    }
}
