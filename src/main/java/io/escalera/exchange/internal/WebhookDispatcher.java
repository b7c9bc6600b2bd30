package io.escalera.exchange.internal;

import io.escalera.exchange.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due webhook deliveries: signed POSTs, a 2xx answer counts as delivered; otherwise tried again after 30 s,
 * 1, 2, 4 … minutes (at most 6 h apart), and given up after {@value #MAX_ATTEMPTS} attempts (an ADMIN can retry).
 * Deliveries are leased while being sent, so that several nodes can run this side by side.
 */
@Component
public class WebhookDispatcher {

    public static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDispatcher(WebhookStore store, TransactionTemplate transactions, Clock clock) {
        this.store = store;
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

    private void send(WebhookStore.Due delivery) {
        Instant now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Escalera-Webhooks/1")
                .header("X-Escalera-Event", delivery.eventType())
                .header("X-Escalera-Delivery", String.valueOf(delivery.id()))
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now.getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        Integer status = null;
        String error;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 == 2) {
                store.delivered(delivery.id(), status, clock.instant());
                return;
            }
            error = "HTTP " + status + (response.body() == null || response.body().isBlank() ? "" : ": " + response.body().strip());
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
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
