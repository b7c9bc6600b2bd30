package io.escalera.shared.internal;

import io.escalera.shared.EventDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries failed event publications (older than {@code escalera.events.retry-after}, fewer than
 * {@code escalera.events.max-attempts} attempts) and purges completed ones older than {@code escalera.events.retention}
 * — each on one node at a time ({@link EventRedeliveryJobs}). Publications that never started or got stuck (a crash between commit and handling, or
 * during it) are turned into failed ones by Modulith's staleness check ({@code spring.modulith.events.staleness.*}) and
 * so retried too; at start every incomplete publication is republished once
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class EventRedelivery implements EventDeliveries {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    static final String DEAD_LETTERS = "escalera.events.dead.letters";

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retryAfter;
    private final int maxAttempts;
    private final Duration retention;
    private final AtomicLong deadLettersLogged = new AtomicLong();

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed, JdbcClient jdbc, Clock clock,
                    @Value("${escalera.events.retry-after:PT5M}") Duration retryAfter,
                    @Value("${escalera.events.max-attempts:5}") int maxAttempts,
                    @Value("${escalera.events.retention:P7D}") Duration retention, MeterRegistry meters) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
        this.retention = retention;
        Gauge.builder(DEAD_LETTERS, this, EventRedelivery::deadLetterCount).baseUnit("publications")
                .description("Event publications that failed max-attempts times and are no longer retried").register(meters);
    }

    /** Resubmits the failed publications due for another attempt (the last one retry-after ago); logs the dead letters when their number changes. */
    void retryNow() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(retryAfter).withBatchSize(100).withMaxInFlight(100)
                .withFilter(this::retriable));
        long dead = deadLetterCount();
        if (deadLettersLogged.getAndSet(dead) != dead && dead > 0) {
            log.warn("{} event publication(s) failed {} times and are no longer retried (dead letters): {}", dead,
                    maxAttempts, deadLetters(10));
        }
    }

    void purgeNow() {
        completed.deletePublicationsOlderThan(retention);
    }

    /**
     * Fewer attempts than the cap, and the last one at least {@code retry-after} ago. The age is checked here because
     * Spring Modulith 2.0.1 does not apply its own minimum age to failed publications (its query reads
     * {@code STATUS = 'FAILED' OR (…) AND PUBLICATION_DATE < ?}, and AND binds first).
     */
    private boolean retriable(EventPublication publication) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return publication.getCompletionAttempts() < maxAttempts && last.isBefore(clock.instant().minus(retryAfter));
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return jdbc.sql("""
                        SELECT ID, LISTENER_ID, EVENT_TYPE, PUBLICATION_DATE, COMPLETION_ATTEMPTS FROM EVENT_PUBLICATION
                        WHERE COMPLETION_DATE IS NULL AND STATUS = 'FAILED' AND COMPLETION_ATTEMPTS >= ?
                        ORDER BY PUBLICATION_DATE LIMIT ?""")
                .params(maxAttempts, limit)
                .query((rs, row) -> new DeadLetter(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5)))
                .list();
    }

    @Override
    public long deadLetterCount() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM EVENT_PUBLICATION
                        WHERE COMPLETION_DATE IS NULL AND STATUS = 'FAILED' AND COMPLETION_ATTEMPTS >= ?""")
                .param(maxAttempts).query(Long.class).single();
    }
}
