package io.escalera.exchange.internal;

import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintEvents;
import io.escalera.complaint.Severity;
import io.escalera.exchange.WebhookEvent;
import io.escalera.interaction.InteractionChannel;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook listener may run twice for one event (at-least-once delivery): the receiver still gets it once. */
@EscaleraTest
class WebhookEnqueueTest {

    @Autowired WebhookStore store;
    @Autowired JdbcClient jdbc;

    private long endpoint;

    @AfterEach
    void removeEndpoint() {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(endpoint).update();
    }

    @Test
    void theSameEventQueuedTwiceGivesOneDeliveryAndAnotherEventItsOwn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        endpoint = store.insertEndpoint("http://127.0.0.1:9/hook", "s".repeat(32), EnumSet.of(WebhookEvent.COMPLAINT_OPENED), true,
                "test", now);
        var opened = new ComplaintEvents.ComplaintOpened(9_000_001L, 1L, 1L, InteractionChannel.values()[0],
                ComplaintCategory.values()[0], Severity.values()[0], null, now);
        String payload = WebhookTriggers.payload(WebhookEvent.COMPLAINT_OPENED, now, opened);

        assertThat(store.enqueue(WebhookEvent.COMPLAINT_OPENED, payload, now)).isOne();
        assertThat(store.enqueue(WebhookEvent.COMPLAINT_OPENED, payload, now.plusSeconds(300))).as("the listener again").isZero();
        assertThat(deliveries()).isOne();

        var other = new ComplaintEvents.ComplaintOpened(9_000_002L, 1L, 1L, InteractionChannel.values()[0],
                ComplaintCategory.values()[0], Severity.values()[0], null, now);
        assertThat(store.enqueue(WebhookEvent.COMPLAINT_OPENED, WebhookTriggers.payload(WebhookEvent.COMPLAINT_OPENED, now, other), now))
                .isOne();
        assertThat(deliveries()).isEqualTo(2);
    }

    private long deliveries() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?").param(endpoint).query(Long.class).single();
    }
}
