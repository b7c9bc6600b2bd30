package io.escalera.bench;

import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintQueues;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.internal.ComplaintDataGenerator;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaint queues, case saves and the breach job at scale, on the benchmark database of {@link CustomerBenchmarks}
 * (run that first, or together: {@code ./mvnw -Pbench test}); cases are generated once if missing.
 */
@BenchmarkDatabase
class ComplaintBenchmarks {

    @Autowired ComplaintDataGenerator generator;
    @Autowired ComplaintService complaints;
    @Autowired ComplaintQueues queues;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Complaint cases");

    @BeforeAll
    void cases() throws Exception {
        long customerCount = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        assertThat(customerCount).as("run CustomerBenchmarks first: it generates the customers").isPositive();
        if (jdbc.sql("SELECT COUNT(*) FROM complaint_case").query(Long.class).single() == 0) {
            long first = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
            long last = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).single();
            ComplaintDataGenerator.Result result = generator.load(first, last, 42, LocalDate.now());
            table.add(String.format(Locale.ROOT, "cases generated: %,d cases, %,d history rows, %,d compensations",
                            result.cases(), result.historyRows(), result.compensations()),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f s)", result.rowsPerSecond(), result.elapsed().toMillis() / 1000.0),
                    "(reported)", true);
            jdbc.sql("ANALYZE TABLE complaint_case, complaint_history, complaint_compensation").query().listOfRows();
        }
        table.note(String.format(Locale.ROOT, "%,d customers, %,d complaint cases (%,d open)", customerCount,
                jdbc.sql("SELECT COUNT(*) FROM complaint_case").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM complaint_case WHERE status NOT IN ('RESOLVED', 'CLOSED')").query(Long.class).single()));
    }

    @Test
    void benchmarks() throws Exception {
        long unit = jdbc.sql("SELECT unit_id FROM complaint_case GROUP BY unit_id ORDER BY COUNT(*) DESC LIMIT 1").query(Long.class).single();
        long unitCases = jdbc.sql("SELECT COUNT(*) FROM complaint_case WHERE unit_id = ?").param(unit).query(Long.class).single();
        var manager = testUsers.newUserIn(Role.MANAGER, unit);
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(manager));
        try {
            queuePages(unitCases);
            caseSaves(unit);
        } finally {
            SecurityContextHolder.clearContext();
        }
        breachJob();
        table.printAndWrite("complaints.md");
    }

    /** What the complaints screen asks when a manager opens a queue: the four counts and the first page. */
    private void queuePages(long unitCases) {
        for (ComplaintQueue queue : new ComplaintQueue[]{ComplaintQueue.UNIT, ComplaintQueue.UNASSIGNED, ComplaintQueue.AT_RISK}) {
            long[] nanos = new long[60];
            for (int i = -5; i < nanos.length; i++) {
                long start = System.nanoTime();
                queues.counts(ComplaintFilter.queue(queue));
                int rows = queues.list(ComplaintFilter.queue(queue), 0, 50).size();
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
                assertThat(rows).isPositive();
            }
            table.latency(String.format(Locale.ROOT, "queue \"%s\" of the largest unit (%,d cases): 4 counts + first page", queue, unitCases),
                    nanos, 100);
        }
    }

    /** A status change with its history entry, back and forth on an open case of the unit. */
    private void caseSaves(long unit) {
        long id = jdbc.sql("SELECT id FROM complaint_case WHERE unit_id = ? AND status = 'IN_PROGRESS' LIMIT 1").param(unit).query(Long.class).single();
        ComplaintDetails current = complaints.get(id);
        long[] nanos = new long[200];
        for (int i = -10; i < nanos.length; i++) {
            ComplaintStatus next = current.status() == ComplaintStatus.IN_PROGRESS ? ComplaintStatus.WAITING_CUSTOMER : ComplaintStatus.IN_PROGRESS;
            long start = System.nanoTime();
            current = complaints.move(current.id(), current.version(), next);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        table.latency("case save: status change + history entry + reload", nanos, 50);
    }

    /** The breach job over every case, with the marks of the open cases cleared first so that it has work to do. */
    private void breachJob() {
        long[] nanos = new long[5];
        int marked = 0;
        for (int i = 0; i < nanos.length; i++) {
            jdbc.sql("UPDATE complaint_case SET response_breached_at = NULL WHERE status IN ('NEW', 'ASSIGNED')").update();
            jdbc.sql("UPDATE complaint_case SET resolution_breached_at = NULL WHERE status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED')").update();
            long start = System.nanoTime();
            marked = SystemUser.call(complaints::markBreaches);
            nanos[i] = System.nanoTime() - start;
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM complaint_case").query(Long.class).single();
        table.latency(String.format(Locale.ROOT, "breach job over %,d cases (marks %,d and writes their history)", total, marked), nanos, 5_000);
    }
}
