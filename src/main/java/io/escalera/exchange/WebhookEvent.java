package io.escalera.exchange;

/** The events a webhook may subscribe to, with the name they carry on the wire. */
public enum WebhookEvent {
    FEEDBACK_RECEIVED("feedback.received"),
    DETRACTOR_DETECTED("feedback.detractor-detected"),
    COMPLAINT_OPENED("complaint.opened"),
    COMPLAINT_RESOLVED("complaint.resolved");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
