package io.escalera.feedback.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets the survey page's requests older than an hour (the per-address limit counts the last minute), every minute,
 * in batches — not in the respondents' own transactions: there, at repeatable read, the purge's range locks (up to
 * the end of the index when nothing is old) made the request log's inserts of respondents answering at once deadlock
 * (issue 30). Here it runs at read committed, which locks only the rows it deletes; any node may run it.
 */
@Component
class SurveyRequestPurge {

    static final Duration KEPT = Duration.ofHours(1);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readCommitted;
    private final Clock clock;

    SurveyRequestPurge(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** @return the requests forgotten */
    @Scheduled(fixedDelayString = "${escalera.feedback.survey-request-purge:PT1M}", initialDelayString = "PT1M")
    int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(KEPT));
        int total = 0;
        int deleted;
        do {
            deleted = readCommitted.execute(s -> jdbc.sql("DELETE FROM survey_request WHERE requested_at < ? LIMIT ?")
                    .params(before, BATCH).update());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
