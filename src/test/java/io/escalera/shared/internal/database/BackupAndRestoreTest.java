package io.escalera.shared.internal.database;

import io.escalera.customer.internal.CustomerDataLoader;
import io.escalera.support.EscaleraTest;
import io.escalera.support.GeneratedDataSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the live embedded database (with the generated data set of every module) restored into an empty
 * schema holds exactly the same data: every table's row count and {@code CHECKSUM TABLE}, every sequence's next value.
 * Once through the classes, once through the jar's command line ({@code --escalera.backup.to} /
 * {@code --escalera.restore.from}) both for an external URL and for the running embedded server.
 */
@EscaleraTest
class BackupAndRestoreTest {

    private static final String SOURCE = "escalera_test";
    private static final String RESTORED = "escalera_restored";

    @Autowired CustomerDataLoader loader;
    @Autowired EmbeddedMariaDb server;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    private final Path folder = Path.of("target", "backup-test").toAbsolutePath();

    @Autowired io.escalera.shared.ClusterJobs clusterJobs;
    @Autowired org.springframework.context.ApplicationContext context;

    @AfterEach
    void dropTheRestoredSchema() {
        jdbc.sql("DROP DATABASE IF EXISTS " + RESTORED).update();
    }

    @Test
    void aBackupRestoredIntoAnEmptySchemaHasEveryTablesRowsAndChecksum() throws Exception {
        GeneratedDataSet.load(loader);
        DatabaseEndpoint source = DatabaseEndpoint.ofEmbedded(server.port(), SOURCE, server.password(), server.directory());
        Path file = folder.resolve("round-trip.sql.gz");

        Map<String, String> before = settledFingerprint();
        MariaDbDump.backup(source, file);
        assertThat(comparable(SchemaFingerprint.of(dataSource, SOURCE))).as("nothing wrote during the backup").isEqualTo(before);
        MariaDbDump.restore(file, source.withDatabase(RESTORED), false);

        assertThat(before).as("tables with rows").hasSizeGreaterThan(20)
                .hasEntrySatisfying("customer", v -> assertThat(v).doesNotStartWith("0 rows"));
        assertThat(comparable(SchemaFingerprint.of(dataSource, RESTORED))).isEqualTo(before);

        assertThatThrownBy(() -> MariaDbDump.restore(file, source.withDatabase(RESTORED), false))
                .as("a schema with tables is not restored over").hasMessageContaining("already has");
        jdbc.sql("DELETE FROM " + RESTORED + ".audit_event").update();
        MariaDbDump.restore(file, source.withDatabase(RESTORED), true);
        assertThat(comparable(SchemaFingerprint.of(dataSource, RESTORED))).as("replaced").isEqualTo(before);
    }

    @Test
    void theJarsCommandsBackUpTheRunningEmbeddedServerAndAnExternalUrlAndRestore() throws Exception {
        GeneratedDataSet.load(loader);
        Path online = folder.resolve("online.sql");
        Path external = folder.resolve("external.sql.gz");
        Files.deleteIfExists(online);
        Files.deleteIfExists(external);
        Map<String, String> before = settledFingerprint();
        String url = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";

        // the embedded database while this JVM's server runs on it: found by its folder, backed up online
        assertThat(DatabaseCommandLine.run("--escalera.db.directory=" + server.directory(), "--escalera.db.database=" + SOURCE,
                "--escalera.backup.to=" + online)).isZero();
        // an external server (SPRING_DATASOURCE_URL), here the same one reached by URL, with its client programs
        assertThat(DatabaseCommandLine.run("--spring.datasource.url=" + url + SOURCE, "--spring.datasource.username=root",
                "--spring.datasource.password=" + server.password(),
                "--escalera.backup.client-directory=" + server.directory().resolve("server/bin"),
                "--escalera.backup.to=" + external)).isZero();
        assertThat(Files.readString(online)).contains("CREATE TABLE `customer`").doesNotContain("CREATE DATABASE");

        assertThat(DatabaseCommandLine.run("--spring.datasource.url=" + url + RESTORED, "--spring.datasource.username=root",
                "--spring.datasource.password=" + server.password(),
                "--escalera.backup.client-directory=" + server.directory().resolve("server/bin"),
                "--escalera.restore.from=" + external)).isZero();
        assertThat(comparable(SchemaFingerprint.of(dataSource, RESTORED))).isEqualTo(before);

        assertThat(DatabaseCommandLine.run("--escalera.db.directory=" + server.directory(), "--escalera.db.database=" + RESTORED,
                "--escalera.restore.from=" + online, "--escalera.restore.replace=true"))
                .as("no restore under a running application").isEqualTo(1);
    }

    @Test
    void theNightlyBackupWritesACompressedDumpAndDeletesOnlyItsOwnExpiredFiles() throws Exception {
        Path nightly = folder.resolve("nightly");
        org.springframework.util.FileSystemUtils.deleteRecursively(nightly);
        Files.createDirectories(nightly);
        java.time.Instant now = java.time.Instant.now();
        Path expired = touch(nightly.resolve("escalera-20200101-013000.sql.gz"), now.minus(java.time.Duration.ofDays(8)));
        Path recent = touch(nightly.resolve("escalera-20200102-013000.sql.gz"), now.minus(java.time.Duration.ofDays(6)));
        Path foreign = touch(nightly.resolve("notes.txt"), now.minus(java.time.Duration.ofDays(30)));
        org.springframework.mock.env.MockEnvironment settings = new org.springframework.mock.env.MockEnvironment()
                .withProperty("escalera.backup.directory", nightly.toString())
                .withProperty("escalera.backup.retention", "P7D")
                .withProperty("escalera.db.database", SOURCE);

        NightlyBackup job = new NightlyBackup(clusterJobs, context.getBeanProvider(EmbeddedMariaDb.class), settings,
                java.time.Clock.systemUTC());
        job.backUp();

        try (var files = Files.list(nightly)) {
            Path written = files.filter(f -> f.getFileName().toString().matches("escalera-\\d{8}-\\d{6}\\.sql\\.gz"))
                    .filter(f -> !f.equals(recent)).findFirst().orElseThrow();
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(written))) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("CREATE TABLE `customer`");
            }
        }
        assertThat(expired).doesNotExist();
        assertThat(recent).exists();
        assertThat(foreign).exists();
        assertThat(NightlyBackup.class.getDeclaredMethod("backUp")
                .isAnnotationPresent(org.springframework.scheduling.annotation.Scheduled.class))
                .as("a @Scheduled job, so JobHealth watches it").isTrue();
    }

    /** The source schema once the background work of earlier tests (KPI facts per tier after a value run) has ended. */
    private Map<String, String> settledFingerprint() throws InterruptedException {
        return io.escalera.support.BackgroundWork.awaitSettled(jdbc, () -> {
            try {
                return comparable(SchemaFingerprint.of(dataSource, SOURCE));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The fingerprint without the two bookkeeping tables other tests' background threads keep writing while this test
     * runs (a cluster lock's lease renewed every 20 s, an event published): they are in the dump like every table, but
     * their content at one instant says nothing about the round trip.
     */
    private static Map<String, String> comparable(Map<String, String> fingerprint) {
        Map<String, String> business = new java.util.TreeMap<>(fingerprint);
        business.remove("job_lock");
        business.remove("EVENT_PUBLICATION");
        return business;
    }

    private static Path touch(Path file, java.time.Instant modified) throws java.io.IOException {
        Files.writeString(file, "old");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
        return file;
    }
}
