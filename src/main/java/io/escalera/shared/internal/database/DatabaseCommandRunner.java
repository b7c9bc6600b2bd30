package io.escalera.shared.internal.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Backs up or restores the database the application would use: the external one of {@code spring.datasource.url},
 * or the embedded one of {@code escalera.db.directory}. A backup of the embedded database while Escalera runs on it
 * connects to that running server (online); otherwise it starts the server for the command and stops it after. A
 * restore never runs against a server that a running Escalera uses.
 */
class DatabaseCommandRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCommandRunner.class);

    private final Environment environment;
    private final EmbeddedDatabaseProperties embedded;
    private boolean succeeded;

    DatabaseCommandRunner(Environment environment, EmbeddedDatabaseProperties embedded) {
        this.environment = environment;
        this.embedded = embedded;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String backupTo = environment.getProperty(DatabaseCommandLine.BACKUP_TO);
        String restoreFrom = environment.getProperty(DatabaseCommandLine.RESTORE_FROM);
        if (StringUtils.hasText(backupTo) == StringUtils.hasText(restoreFrom)) {
            throw new IllegalArgumentException("Give either --" + DatabaseCommandLine.BACKUP_TO + "=FILE or --"
                    + DatabaseCommandLine.RESTORE_FROM + "=FILE");
        }
        boolean replace = environment.getProperty("escalera.restore.replace", Boolean.class, false);
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            DatabaseEndpoint external = DatabaseEndpoint.ofExternal(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"), clientDirectory());
            perform(external, backupTo, restoreFrom, replace);
        } else {
            onEmbedded(backupTo, restoreFrom, replace);
        }
        succeeded = true;
    }

    private void onEmbedded(String backupTo, String restoreFrom, boolean replace) throws Exception {
        Path directory = Path.of(embedded.directory()).toAbsolutePath().normalize();
        Optional<ProcessHandle> running = ServerProcesses.on(directory.resolve("data")).filter(s -> !ServerProcesses.orphaned(s));
        if (running.isPresent()) {
            if (restoreFrom != null) {
                throw new IllegalStateException("Escalera is running on the embedded database in " + directory
                        + " (mariadbd pid " + running.get().pid() + "): stop it before restoring");
            }
            int port = ServerProcesses.port(running.get()).orElseThrow(
                    () -> new IllegalStateException("Cannot tell the port of the running embedded MariaDB"));
            log.info("Escalera is running on {}: backing up through its server on port {}", directory, port);
            perform(DatabaseEndpoint.ofEmbedded(port, embedded.database(), RootPassword.read(directory), directory),
                    backupTo, null, false);
            return;
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.acquire(embedded);
        try {
            perform(DatabaseEndpoint.ofEmbedded(server.port(), embedded.database(), server.password(), directory),
                    backupTo, restoreFrom, replace);
        } finally {
            server.release();
        }
    }

    private static void perform(DatabaseEndpoint endpoint, String backupTo, String restoreFrom, boolean replace) throws Exception {
        if (backupTo != null) {
            MariaDbDump.backup(endpoint, Path.of(backupTo));
        } else {
            MariaDbDump.restore(Path.of(restoreFrom), endpoint, replace);
        }
    }

    private Path clientDirectory() {
        String folder = environment.getProperty("escalera.backup.client-directory");
        return StringUtils.hasText(folder) ? Path.of(folder) : null;
    }

    boolean succeeded() {
        return succeeded;
    }
}
