package io.escalera.exchange.internal;

import io.escalera.complaint.ComplaintEvents;
import io.escalera.exchange.WebhookEvent;
import io.escalera.feedback.FeedbackEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the domain events that webhooks may subscribe to into deliveries, one per subscribed endpoint, after the
 * event's transaction committed (Spring Modulith's registry keeps the event until this has run).
 */
@Component
class WebhookTriggers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final Clock clock;

    WebhookTriggers(WebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackReceived event) {
        enqueue(WebhookEvent.FEEDBACK_RECEIVED, event.answeredAt(), event);
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.DetractorDetected event) {
        enqueue(WebhookEvent.DETRACTOR_DETECTED, event.answeredAt(), event);
    }

    @ApplicationModuleListener
    void on(ComplaintEvents.ComplaintOpened event) {
        enqueue(WebhookEvent.COMPLAINT_OPENED, event.openedAt(), event);
    }

    @ApplicationModuleListener
    void on(ComplaintEvents.ComplaintResolved event) {
        enqueue(WebhookEvent.COMPLAINT_RESOLVED, event.resolvedAt(), event);
    }

    /** The body every receiver gets: the event's name, when it happened, and the event's fields. */
    static String payload(WebhookEvent type, Instant occurredAt, Record event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("occurredAt", occurredAt.toString());
        body.put("data", event);
        return JSON.writeValueAsString(body);
    }

    private void enqueue(WebhookEvent type, Instant occurredAt, Record event) {
        store.enqueue(type, payload(type, occurredAt, event), clock.instant());
    }
}
