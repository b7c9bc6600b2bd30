package io.escalera.exchange.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds (configurable), sends the webhook deliveries that are due. */
@Component
@ConditionalOnProperty(name = "escalera.exchange.webhook-dispatch", havingValue = "true", matchIfMissing = true)
class WebhookJobs {

    private final WebhookDispatcher dispatcher;

    WebhookJobs(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${escalera.exchange.webhook-interval:PT5S}", initialDelayString = "PT20S")
    void deliverDue() {
        dispatcher.deliverDue();
    }
}
