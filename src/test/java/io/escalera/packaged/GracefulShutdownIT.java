package io.escalera.packaged;

import io.escalera.support.ChildApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * SIGTERM on the packaged jar, as a service manager or {@code docker stop} sends it: the application stops taking
 * requests, lets running ones and running jobs end, closes the connection pool and then stops the embedded MariaDB —
 * within 10 s, exiting with 0, with no ERROR line, no broken connection and no mariadbd process left on its folder.
 * Requests keep arriving while it stops; none may be answered with a server error.
 * Runs in {@code ./mvnw verify} through maven-failsafe, after {@code package}.
 */
class GracefulShutdownIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    /** Log lines that mean something was cut off rather than stopped in order. */
    private static final List<Pattern> UNCLEAN = List.of(
            Pattern.compile("^\\S+\\s+ERROR\\s.*"),
            Pattern.compile(".*Failed to validate connection.*"),
            Pattern.compile(".*(?i:connection (is )?(closed|reset|broken|refused)|broken pipe|communications link failure"
                    + "|socket (error|closed)|Could not (get|open) JDBC Connection|destroy method failed).*"));

    private static Process app;
    private static Path log;
    private static Path data;
    private static String baseUrl;

    @BeforeAll
    static void startThePackagedJar() throws Exception {
        Path jar = Path.of(System.getProperty("escalera.jar", "target/escalera-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run ./mvnw package first)").exists();
        Path work = Path.of("target", "packaged-shutdown");
        data = work.resolve("data-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(data);
        log = work.resolve("escalera.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ESCALERA_DATA_DIR", data.toString());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().put("ESCALERA_ADMIN_PASSWORD", "the-shutdown-test-admins-password");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        app = builder.start();
        baseUrl = ChildApplication.awaitReady(app, log, START_TIMEOUT);
    }

    @AfterAll
    static void cleanUp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
        embeddedServers().forEach(ProcessHandle::destroyForcibly);
        ChildApplication.deleteQuietly(data);
    }

    @Test
    void sigtermStopsRequestsJobsPoolAndDatabaseInOrderWithinTenSecondsAndExitsWithZero() throws Exception {
        assertThat(embeddedServers()).as("the jar's embedded mariadbd runs on %s", data).hasSize(1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        AtomicBoolean stopping = new AtomicBoolean(true);
        List<Thread> clients = new java.util.ArrayList<>();
        for (String path : List.of("/actuator/health", "/login")) {
            clients.add(Thread.ofPlatform().daemon().start(() -> {
                while (stopping.get()) {
                    try {
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() >= 500 && !(path.endsWith("health") && answer.statusCode() == 503)) {
                            serverErrors.add(path + " -> " + answer.statusCode());
                        }
                    } catch (IOException e) {
                        // refused once the server stopped listening: expected
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        Thread.sleep(1_000);

        Instant signalled = Instant.now();
        app.destroy(); // SIGTERM
        boolean ended = app.waitFor(STOP_LIMIT.toMillis() + 20_000, TimeUnit.MILLISECONDS);
        Duration took = Duration.between(signalled, Instant.now());
        stopping.set(false);
        for (Thread client : clients) {
            client.join(10_000);
        }

        assertThat(ended).as("the jar ended after SIGTERM:%n%s", logText()).isTrue();
        assertThat(took).as("time from SIGTERM to the end of the process").isLessThanOrEqualTo(STOP_LIMIT);
        assertThat(app.exitValue()).as("exit code after a graceful stop").isZero();
        List<String> unclean = logText().lines().filter(line -> UNCLEAN.stream().anyMatch(p -> p.matcher(line).matches()))
                .toList();
        assertThat(unclean).as("ERROR and broken-connection lines in %s", log).isEmpty();
        assertThat(serverErrors).as("requests answered with a server error while stopping").isEmpty();
        assertThat(embeddedServers()).as("mariadbd processes left on %s", data).isEmpty();
        assertThat(logText()).as("the stop is logged in order").containsSubsequence(
                "Commencing graceful shutdown", "escalera-embedded - Shutdown completed", "Embedded MariaDB stopped");
    }

    /** mariadbd processes whose command line names this test's data folder. */
    private static List<ProcessHandle> embeddedServers() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(data.toString())).orElse(false))
                .toList();
    }

    private static String logText() {
        return ChildApplication.logText(log);
    }
}
