package io.escalera.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application started as a child process by the failsafe tests: waiting for its ready line, and its
 * log. One copy for the smoke, shutdown and crash tests.
 */
public final class ChildApplication {

    private static final Pattern READY = Pattern.compile("Escalera is ready at (http://\\S+)");

    private ChildApplication() {
    }

    /**
     * Waits until the log says where Escalera answers.
     *
     * @return the base URL, without a trailing slash
     * @throws IllegalStateException when the process ends first or the timeout passes (with the log)
     */
    public static String awaitReady(Process app, Path log, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Matcher ready = READY.matcher(logText(log));
            if (ready.find()) {
                return ready.group(1).replaceAll("/$", "");
            } else if (!app.isAlive()) {
                throw new IllegalStateException("The packaged application stopped before it was ready:\n" + logText(log));
            } else if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The packaged application was not ready within " + timeout + ":\n" + logText(log));
            }
            Thread.sleep(200);
        }
    }

    /** The log as written so far; empty when there is none yet. */
    public static String logText(Path log) {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Deletes a child application's data folder (the embedded database's binaries and data take hundreds of MB per
     * run); leaving it behind is no reason to fail a test.
     */
    public static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            // left behind
        }
    }
}
