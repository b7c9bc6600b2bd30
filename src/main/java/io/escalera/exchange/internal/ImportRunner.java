package io.escalera.exchange.internal;

import io.escalera.exchange.ImportFileRefusedException;
import io.escalera.exchange.ImportJob;
import io.escalera.exchange.ImportKind;
import io.escalera.shared.AuditLog;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs imports off the request thread, one at a time on this node (they are heavy), as the user who started them:
 * reading and staging the file, the dry run, the commit. Progress and results go to the job's row, which the page
 * polls — so the page can be left and come back to.
 */
@Component
public class ImportRunner {

    private static final int CHUNK = 20_000;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportStore jobs;
    private final ImportTarget.Targets targets;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ImportLimits limits;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import").daemon().factory());
    /** Writes a chunk of staged rows while the job's thread reads the next one (two cores: about twice as fast). */
    private final ExecutorService stagingWriter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-staging").daemon().factory());
    /** The jobs this node runs or has queued: it keeps their heartbeat. */
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    /** A job whose heartbeat is older than this was left by a node that stopped. */
    static final int ABANDONED_AFTER_SECONDS = 120;
    static final String ABANDONED = "import.failed.abandoned";
    /** The job was discarded (or marked failed by another node) while it was committing: its rows were rolled back. */
    static final String DROPPED_WHILE_COMMITTING = "import.dropped.committing";
    /** The job was discarded (or marked failed by another node) while it was being checked: its result is dropped. */
    static final String DROPPED_WHILE_CHECKING = "import.dropped.checking";

    private final TransactionTemplate transaction;

    ImportRunner(ImportStore jobs, ImportTarget.Targets targets, AuditLog auditLog, Clock clock, ImportLimits limits,
                 PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.targets = targets;
        this.auditLog = auditLog;
        this.clock = clock;
        this.limits = limits;
    }

    /** Queues the dry run of a job (already moved to CHECKING), as the current user. */
    public void startCheck(ImportJob job, Map<String, String> mapping) {
        run(job, () -> check(job, mapping));
    }

    /** Queues the commit of a job (already moved to COMMITTING), as the current user. */
    public void startCommit(ImportJob job) {
        run(job, () -> commit(job));
    }

    private void run(ImportJob job, Runnable work) {
        active.add(job.id());
        executor.submit(new DelegatingSecurityContextRunnable(() -> {
            try {
                work.run();
            } finally {
                active.remove(job.id());
            }
        }));
    }

    @Scheduled(fixedDelayString = "PT20S")
    void beat() {
        jobs.heartbeat(List.copyOf(active));
    }

    /**
     * Marks failed the jobs left running by a node that stopped (no heartbeat for two minutes), on whichever node
     * notices first: they can then be checked again or discarded. @return how many
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public int failAbandonedJobs() {
        int failed = jobs.failAbandoned(ABANDONED_AFTER_SECONDS, ABANDONED);
        if (failed > 0) {
            log.warn("{} import(s) left running by a node that stopped were marked failed", failed);
        }
        return failed;
    }

    /** Reads the file with the mapping, stages every row, and runs the dry run. */
    private void check(ImportJob job, Map<String, String> mapping) {
        try {
            ImportTarget target = targets.of(job.kind());
            target.discard(job.id());
            long started = System.nanoTime();
            long read = stage(job, target, mapping);
            long staged = System.nanoTime();
            jobs.progress(job.id(), read, 0.8);
            ImportSummary summary = target.check(job.id());
            log.info("Import {} ({}): {} rows read and staged in {} ms, checked in {} ms", job.id(), job.fileName(), read,
                    (staged - started) / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
            if (!jobs.finished(job.id(), ImportJob.Status.CHECKING, ImportJob.Status.CHECKED, summary.created(), summary.updated(),
                    summary.unchanged(), summary.rejected(), clock.instant())) {
                dropped(job, target, DROPPED_WHILE_CHECKING);
                return;
            }
            auditLog.record("IMPORT_CHECKED", "import", job.fileName(), describe(job.kind(), summary));
        } catch (Exception | Error e) {
            log.warn("Import {} ({}) could not be checked", job.id(), job.fileName(), e);
            jobs.failed(job.id(), message(e), clock.instant());
        }
    }

    /**
     * Reads the file in chunks; each chunk is written to the staging table on the staging thread while this one reads
     * the next (at most one chunk in flight). @return the rows read
     */
    private long stage(ImportJob job, ImportTarget target, Map<String, String> mapping) throws Exception {
        Path file = Path.of(jobs.storedAs(job.id()));
        TabularFile table = TabularFile.open(file, job.fileName(), limits.table());
        long estimate = table.xlsx() ? -1 : Math.max(1, countLines(file) - 1);
        ImportTarget.Stager stager = target.stager(table.headers(), mapping);
        Future<?> writing = CompletableFuture.completedFuture(null);
        long read = 0;
        try (TabularFile.Rows rows = table.rows()) {
            if (rows.hasNext()) {
                rows.next();
            }
            while (rows.hasNext()) {
                stager.add(rows.next());
                read++;
                if (stager.pending() == CHUNK) {
                    writing.get();
                    writing = stagingWriter.submit(new DelegatingSecurityContextRunnable(stager.take(job.id())));
                    jobs.progress(job.id(), read, estimate < 0 ? 0.4 : Math.min(0.8, 0.8 * read / estimate));
                }
            }
            writing.get();
            stager.take(job.id()).run();
        } finally {
            // a failed read waits for the chunk in flight, so that nothing is staged after the job is marked failed
            try {
                writing.get();
            } catch (ExecutionException ignored) {
                // reported by the get() above
            }
        }
        return read;
    }

    /** Writes the good rows in one transaction: all of them or, on any failure, none. */
    private void commit(ImportJob job) {
        try {
            ImportTarget target = targets.of(job.kind());
            long started = System.nanoTime();
            // The job becomes DONE in the commit's own transaction, and only if it is still COMMITTING: a discard (or
            // another node's "failed") that came first wins and every row is rolled back; one that comes later finds
            // the job done. Never both: a discarded job with its rows written.
            ImportSummary summary = transaction.execute(status -> {
                ImportSummary written = target.commit(job.id());
                if (!jobs.finished(job.id(), ImportJob.Status.COMMITTING, ImportJob.Status.DONE, written.created(),
                        written.updated(), written.unchanged(), written.rejected(), clock.instant())) {
                    status.setRollbackOnly();
                    return null;
                }
                return written;
            });
            if (summary == null) {
                dropped(job, target, DROPPED_WHILE_COMMITTING);
                auditLog.record("IMPORT_FAILED", "import", job.fileName(), DROPPED_WHILE_COMMITTING);
                return;
            }
            log.info("Import {} ({}) committed in {} ms", job.id(), job.fileName(), (System.nanoTime() - started) / 1_000_000);
            auditLog.record("IMPORT_COMMITTED", "import", job.fileName(), describe(job.kind(), summary));
            Files.deleteIfExists(Path.of(jobs.storedAs(job.id())));
            target.forgetAccepted(job.id());
        } catch (Exception | Error e) {
            log.warn("Import {} ({}) was not committed; nothing of it was written", job.id(), job.fileName(), e);
            jobs.failed(job.id(), message(e), clock.instant());
            auditLog.record("IMPORT_FAILED", "import", job.fileName(), message(e));
        }
    }

    /**
     * Someone moved the job while it ran (a discard, or another node that took it for abandoned): its result is dropped,
     * the status they set stays, and the job says why. A discarded job's staged rows go (the run may have staged more
     * after the discard removed them).
     */
    private void dropped(ImportJob job, ImportTarget target, String reason) {
        ImportJob.Status now = jobs.job(job.id()).map(ImportJob::status).orElse(ImportJob.Status.DISCARDED);
        log.warn("Import {} ({}) was {} while it ran: its result is dropped, nothing of it was written", job.id(),
                job.fileName(), now == ImportJob.Status.DISCARDED ? "discarded" : "marked " + now);
        if (now == ImportJob.Status.DISCARDED || now == ImportJob.Status.FAILED) {
            jobs.noteDropped(job.id(), now, reason); // not on a newer run of the same job that started meanwhile
        }
        if (now == ImportJob.Status.DISCARDED) {
            target.discard(job.id());
        }
    }

    private static String describe(ImportKind kind, ImportSummary s) {
        return kind.name().toLowerCase() + ": " + s.created() + " created, " + s.updated() + " updated, " + s.unchanged()
                + " unchanged, " + s.rejected() + " rejected";
    }

    /** What the job's row keeps of a failure: a refused file's message key and arguments, else the root cause. */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ImportFileRefusedException refused) {
            return refused.stored();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
