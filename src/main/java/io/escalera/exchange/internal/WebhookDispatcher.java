package io.escalera.exchange.internal;

import io.escalera.exchange.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends due webhook deliveries: signed POSTs, a 2xx answer counts as delivered; otherwise tried again after 30 s,
 * 1, 2, 4 … minutes (at most 6 h apart), and given up after {@value #MAX_ATTEMPTS} attempts (an ADMIN can retry).
 * Deliveries are leased while being sent, so that several nodes can run this side by side. Every attempt checks the
 * receiver's address first ({@link WebhookTargets}) and connects to the address checked ({@link WebhookPost}).
 */
@Component
public class WebhookDispatcher {

    public static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookDispatcher(WebhookStore store, WebhookTargets targets, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends what is due now, batch after batch; returns how many were attempted. */
    public int deliverDue() {
        int attempted = 0;
        List<WebhookStore.Due> batch;
        do {
            Instant now = clock.instant();
            batch = transactions.execute(status -> store.claimDue(now, now.plus(LEASE), BATCH));
            batch.forEach(this::send);
            attempted += batch.size();
        } while (batch.size() == BATCH);
        return attempted;
    }

    /**
     * Checks the receiver's address again (it may resolve elsewhere now than when it was saved) and sends to the
     * address checked; the log keeps the answer's status, never its body.
     */
    private void send(WebhookStore.Due delivery) {
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Escalera-Webhooks/1");
        headers.put("X-Escalera-Event", delivery.eventType());
        headers.put("X-Escalera-Delivery", String.valueOf(delivery.id()));
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now.getEpochSecond(), delivery.payload()));
        Integer status = null;
        String error;
        try {
            WebhookTargets.Target target = targets.check(delivery.url());
            status = WebhookPost.send(target, headers, delivery.payload(), CONNECT_TIMEOUT, ANSWER_TIMEOUT);
            if (status / 100 == 2) {
                store.delivered(delivery.id(), status, clock.instant());
                return;
            }
            error = "HTTP " + status;
        } catch (WebhookTargets.Refused e) {
            error = "Refused: " + e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = delivery.attempts() + 1;
        Instant next = attempts >= MAX_ATTEMPTS ? null : clock.instant().plus(pauseAfter(attempts));
        store.failed(delivery.id(), status, error, clock.instant(), next);
        log.warn("Webhook delivery {} to {} failed (attempt {}): {}", delivery.id(), delivery.url(), attempts, error);
    }

    /** 30 s after the first failure, doubling after each one, never more than 6 h. */
    static Duration pauseAfter(int attempts) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
