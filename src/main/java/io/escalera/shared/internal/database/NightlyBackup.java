package io.escalera.shared.internal.database;

import io.escalera.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The optional nightly backup: on when {@code escalera.backup.directory} is set. At {@code escalera.backup.cron}
 * (01:30, before the nightly recomputes) one node writes {@code escalera-<UTC time>.sql.gz} there, then deletes the
 * backups older than {@code escalera.backup.retention} (7 days) — never the newest. Watched like every scheduled
 * job ({@code JobHealth}: a failed night shows as overdue).
 */
@Component
@ConditionalOnExpression("'${escalera.backup.directory:}' != ''")
class NightlyBackup {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ClusterJobs jobs;
    private final ObjectProvider<EmbeddedMariaDb> embedded;
    private final Environment environment;
    private final Clock clock;
    private final Path directory;
    private final Duration retention;

    NightlyBackup(ClusterJobs jobs, ObjectProvider<EmbeddedMariaDb> embedded, Environment environment, Clock clock) {
        this.jobs = jobs;
        this.embedded = embedded;
        this.environment = environment;
        this.clock = clock;
        this.directory = Path.of(environment.getRequiredProperty("escalera.backup.directory")).toAbsolutePath().normalize();
        this.retention = DurationStyle.detectAndParse(environment.getProperty("escalera.backup.retention", "P7D"));
    }

    @Scheduled(cron = "${escalera.backup.cron:0 30 1 * * *}")
    void backUp() {
        jobs.runAlone("shared.backup", Duration.ofHours(3), this::backUpNow);
    }

    /** Writes one backup now and applies the retention; returns the file. */
    Path backUpNow() {
        Path file = directory.resolve("escalera-" + STAMP.format(clock.instant()) + ".sql.gz");
        try {
            MariaDbDump.backup(endpoint(), file);
            deleteExpired(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The nightly backup to " + file + " failed: " + e.getMessage(), e);
        }
        return file;
    }

    private DatabaseEndpoint endpoint() {
        EmbeddedMariaDb server = embedded.getIfAvailable();
        if (server != null) {
            return DatabaseEndpoint.ofEmbedded(server.port(), environment.getProperty("escalera.db.database", "escalera"),
                    server.password(), server.directory());
        }
        String clients = environment.getProperty("escalera.backup.client-directory", "");
        return DatabaseEndpoint.ofExternal(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"),
                clients.isBlank() ? null : Path.of(clients));
    }

    private void deleteExpired(Path newest) throws IOException {
        FileTime limit = FileTime.from(clock.instant().minus(retention));
        List<Path> expired;
        try (var files = Files.list(directory)) {
            expired = files.filter(f -> f.getFileName().toString().matches("escalera-\\d{8}-\\d{6}\\.sql\\.gz"))
                    .filter(f -> !f.equals(newest))
                    .filter(f -> modified(f).compareTo(limit) < 0)
                    .sorted(Comparator.naturalOrder()).toList();
        }
        for (Path file : expired) {
            Files.deleteIfExists(file);
            log.info("Deleted the backup {} (older than {})", file, retention);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
