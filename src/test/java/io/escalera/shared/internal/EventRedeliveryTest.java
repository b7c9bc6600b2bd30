package io.escalera.shared.internal;

import io.escalera.shared.EventDeliveries;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed event publications are retried, up to a cap, then listed as dead letters; completed ones are purged. */
@EscaleraTest
class EventRedeliveryTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired FlakyListener listener;
    @Autowired EventRedelivery redelivery;
    @Autowired EventDeliveries deliveries;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aListenerThatFailsTheFirstTimeIsRetriedOnceThePublicationIsOldEnoughAndThenCompletes() throws Exception {
        String id = publish(1);
        awaitStatus(id, "FAILED");
        assertThat(listener.calls(id)).isEqualTo(1);

        redelivery.retryNow();
        Thread.sleep(300);
        assertThat(listener.calls(id)).as("not retried before retry-after (5 min)").isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("FAILED");

        publishedMinutesAgo(id, 4);
        redelivery.retryNow();
        Thread.sleep(300);
        assertThat(listener.calls(id)).as("4 minutes: still not").isEqualTo(1);

        publishedMinutesAgo(id, 6);
        redelivery.retryNow();
        awaitStatus(id, "COMPLETED");
        assertThat(listener.calls(id)).isEqualTo(2);
        assertThat(completedAt(id)).isTrue();
    }

    @Test
    void aListenerThatKeepsFailingIsRetriedUpToTheCapThenIsADeadLetter() throws Exception {
        String id = publish(Integer.MAX_VALUE);
        awaitStatus(id, "FAILED");
        for (int round = 0; round < 8; round++) {
            publishedMinutesAgo(id, 6);
            int before = listener.calls(id);
            redelivery.retryNow();
            await(() -> "FAILED".equals(statusOf(id)) && listener.calls(id) >= before, "round " + round);
            Thread.sleep(100);
        }
        int calls = listener.calls(id);
        assertThat(calls).as("first delivery + retries, capped").isLessThanOrEqualTo(6).isGreaterThanOrEqualTo(5);
        assertThat(deliveries.deadLetters(1000)).anySatisfy(dead -> {
            assertThat(dead.id().toString()).isEqualTo(publicationOf(id));
            assertThat(dead.listener()).contains("FlakyListener");
            assertThat(dead.attempts()).isGreaterThanOrEqualTo(5);
        });
        assertThat(deliveries.deadLetterCount()).isPositive();
        assertThat(meters.get(EventRedelivery.DEAD_LETTERS).gauge().value()).as("the gauge in /actuator/metrics").isPositive();
    }

    @Test
    void completedPublicationsOlderThanTheRetentionArePurgedAndYoungerOnesKept() throws Exception {
        String old = publish(0);
        String recent = publish(0);
        awaitStatus(old, "COMPLETED");
        awaitStatus(recent, "COMPLETED");
        jdbc.sql("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = COMPLETION_DATE - INTERVAL 8 DAY WHERE ID = ?")
                .param(publicationOf(old)).update();
        jdbc.sql("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = COMPLETION_DATE - INTERVAL 6 DAY WHERE ID = ?")
                .param(publicationOf(recent)).update();

        redelivery.purgeNow();

        assertThat(publicationCount(old)).as("completed 8 days ago, retention 7").isZero();
        assertThat(publicationCount(recent)).isOne();
    }

    private String publish(int failures) {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new FlakyListener.Probe(id, failures)));
        return id;
    }

    private void publishedMinutesAgo(String id, int minutes) {
        jdbc.sql("""
                        UPDATE EVENT_PUBLICATION SET PUBLICATION_DATE = NOW(6) - INTERVAL ? MINUTE,
                            LAST_RESUBMISSION_DATE = CASE WHEN LAST_RESUBMISSION_DATE IS NULL THEN NULL ELSE NOW(6) - INTERVAL ? MINUTE END
                        WHERE ID = ?""")
                .params(minutes, minutes, publicationOf(id)).update();
    }

    private String publicationOf(String id) {
        return jdbc.sql("SELECT ID FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?").param("%" + id + "%")
                .query(String.class).single();
    }

    private long publicationCount(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?").param("%" + id + "%")
                .query(Long.class).single();
    }

    private String statusOf(String id) {
        return jdbc.sql("SELECT STATUS FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?").param("%" + id + "%")
                .query(String.class).optional().orElse(null);
    }

    private boolean completedAt(String id) {
        return jdbc.sql("SELECT COMPLETION_DATE IS NOT NULL FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                .param("%" + id + "%").query(Boolean.class).single();
    }

    private void awaitStatus(String id, String status) throws InterruptedException {
        await(() -> status.equals(statusOf(id)), "status " + status);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
