package io.escalera.shared;

import io.escalera.shared.internal.database.DatabaseCommandLine;

/**
 * Backup and restore from the command line of the jar, instead of starting the application:
 * {@code java -jar escalera.jar --escalera.backup.to=FILE} and {@code --escalera.restore.from=FILE}.
 */
public final class DatabaseCommands {

    private DatabaseCommands() {
    }

    public static boolean requested(String... args) {
        return DatabaseCommandLine.requested(args);
    }

    /** Runs the command and returns the exit code for the JVM (0: done). */
    public static int run(String... args) {
        return DatabaseCommandLine.run(args);
    }
}
