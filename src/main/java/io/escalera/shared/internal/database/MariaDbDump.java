package io.escalera.shared.internal.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A consistent online backup with {@code mariadb-dump --single-transaction} (one snapshot of every InnoDB table while
 * the application keeps working; with routines, events and triggers) and its restore with the {@code mariadb} client.
 * A file name ending in {@code .gz} is written and read gzip-compressed. The dump names no schema, so it restores
 * into any. Credentials go to the programs in an owner-only option file, never on their command line.
 */
final class MariaDbDump {

    private static final Logger log = LoggerFactory.getLogger(MariaDbDump.class);

    private MariaDbDump() {
    }

    /** Writes a backup of {@code from}'s schema to {@code file} (first to a partial file, then moved into place). */
    static void backup(DatabaseEndpoint from, Path file) throws IOException {
        long started = System.nanoTime();
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        List<String> command = List.of(from.program("mariadb-dump"), "--single-transaction", "--quick", "--routines",
                "--events", "--triggers", "--hex-blob", "--default-character-set=utf8mb4", "--no-tablespaces",
                from.database());
        run(from, command, process -> {
            try (InputStream dump = process.getInputStream(); OutputStream out = compressedIfAsked(target, Files.newOutputStream(partial))) {
                dump.transferTo(out);
            }
        });
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Backup of {} written to {} ({} bytes, {} ms)", from, target, Files.size(target),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Restores {@code file} into {@code into}'s schema, created if missing. A schema that already has tables is
     * refused unless {@code replace}: then it is dropped first.
     */
    static void restore(Path file, DatabaseEndpoint into, boolean replace) throws IOException, SQLException {
        long started = System.nanoTime();
        Path source = file.toAbsolutePath();
        if (!Files.isReadable(source)) {
            throw new IllegalArgumentException("No backup file at " + source);
        }
        prepareSchema(into, replace);
        List<String> command = List.of(into.program("mariadb"), "--default-character-set=utf8mb4", "--binary-mode",
                "--database=" + into.database());
        run(into, command, process -> {
            try (InputStream in = decompressedIfNeeded(source, Files.newInputStream(source)); OutputStream sql = process.getOutputStream()) {
                in.transferTo(sql);
            }
        });
        log.info("Restored {} into {} ({} ms)", source, into, (System.nanoTime() - started) / 1_000_000);
    }

    private static void prepareSchema(DatabaseEndpoint into, boolean replace) throws SQLException {
        try (Connection connection = DriverManager.getConnection(into.jdbcServerUrl(), into.user(), into.password())) {
            int tables;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?")) {
                count.setString(1, into.database());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    tables = rows.getInt(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (tables > 0) {
                    if (!replace) {
                        throw new IllegalStateException("The schema " + into.database() + " already has " + tables
                                + " tables; restore into an empty one, or add --escalera.restore.replace=true to drop it first");
                    }
                    log.warn("Dropping the schema {} ({} tables) to restore into it", into.database(), tables);
                    // the name is checked to be plain (DatabaseEndpoint)
                    statement.execute("DROP DATABASE `" + into.database() + "`");
                }
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + into.database()
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
    }

    private interface Io {
        void accept(Process process) throws IOException;
    }

    /** Runs a client program with the endpoint's credentials in an option file; fails with its error output. */
    private static void run(DatabaseEndpoint endpoint, List<String> command, Io io) throws IOException {
        Path options = Files.createTempFile("escalera-client-", ".cnf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Path errors = Files.createTempFile("escalera-client-", ".err");
        try {
            Files.writeString(options, optionFile(endpoint), StandardCharsets.UTF_8);
            List<String> full = new ArrayList<>(command);
            // must be the first argument
            full.add(1, "--defaults-extra-file=" + options);
            ProcessBuilder builder = new ProcessBuilder(full).redirectError(errors.toFile());
            Path libraries = endpoint.libraryDirectory();
            if (libraries != null && Files.isDirectory(libraries)) {
                builder.environment().put("LD_LIBRARY_PATH", libraries.toString());
            }
            Process process = builder.start();
            try {
                io.accept(process);
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IOException(Path.of(command.getFirst()).getFileName() + " failed (exit " + exit + "): "
                            + Files.readString(errors, StandardCharsets.UTF_8).strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted", e);
            } finally {
                process.destroy();
            }
        } finally {
            Files.deleteIfExists(options);
            Files.deleteIfExists(errors);
        }
    }

    private static String optionFile(DatabaseEndpoint endpoint) {
        StringBuilder file = new StringBuilder("[client]\n")
                .append("host=").append(endpoint.host()).append('\n')
                .append("port=").append(endpoint.port()).append('\n')
                .append("protocol=TCP\n")
                .append("user=\"").append(quoted(endpoint.user())).append("\"\n")
                .append("password=\"").append(quoted(endpoint.password())).append("\"\n");
        // The 11.x clients insist on TLS unless told otherwise; connect as the application's JDBC URL does.
        file.append(endpoint.tls() ? "ssl\n" : "skip-ssl\n");
        return file.toString();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static OutputStream compressedIfAsked(Path target, OutputStream out) throws IOException {
        return target.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    private static InputStream decompressedIfNeeded(Path source, InputStream in) throws IOException {
        return source.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
