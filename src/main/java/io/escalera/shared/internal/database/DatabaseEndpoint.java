package io.escalera.shared.internal.database;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a backup or restore connects and which client programs it runs: the embedded server's own
 * {@code mariadb-dump} and {@code mariadb} (shipped in its folder, same version as the server), or for an external
 * server those of the system (on the PATH) unless {@code clientDirectory} names a folder that holds them.
 *
 * @param clientDirectory folder of {@code mariadb-dump} and {@code mariadb}; null: the PATH
 * @param tls             connect with TLS: as the application does (Connector/J's {@code sslMode} in the URL; off by
 *                        default, and always off for the embedded server, which listens on loopback only)
 */
record DatabaseEndpoint(String host, int port, String database, String user, String password, Path clientDirectory,
                        boolean tls) {

    DatabaseEndpoint {
        if (!database.matches("[A-Za-z0-9_$]+")) {
            throw new IllegalArgumentException("Not a plain schema name: " + database);
        }
    }

    static DatabaseEndpoint ofEmbedded(int port, String database, String password, Path serverDirectory) {
        return new DatabaseEndpoint("127.0.0.1", port, database, "root", password, serverDirectory.resolve("server").resolve("bin"), false);
    }

    /** From {@code spring.datasource.url} ({@code jdbc:mariadb://host[:port]/schema[?…]}, also {@code jdbc:mysql:}). */
    static DatabaseEndpoint ofExternal(String jdbcUrl, String user, String password, Path clientDirectory) {
        if (!jdbcUrl.matches("jdbc:(mariadb|mysql)://[^/,]+/[^?;]+.*")) {
            throw new IllegalArgumentException("Backup and restore need a single-host URL jdbc:mariadb://host[:port]/schema, not " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String schema = uri.getPath().substring(1);
        return new DatabaseEndpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 3306, schema,
                user == null ? "" : user, password == null ? "" : password, clientDirectory,
                jdbcUrl.matches("(?i).*[?&](sslMode=(trust|verify-ca|verify-full)|useSsl=true)\\b.*"));
    }

    DatabaseEndpoint withDatabase(String otherDatabase) {
        return new DatabaseEndpoint(host, port, otherDatabase, user, password, clientDirectory, tls);
    }

    /** The client program {@code name} (e.g. mariadb-dump): from {@link #clientDirectory} if set, else the PATH. */
    String program(String name) {
        if (clientDirectory == null) {
            return name;
        }
        Path program = clientDirectory.resolve(name);
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(name + " not found in " + clientDirectory);
        }
        return program.toString();
    }

    /** The folder of the embedded server's libraries, next to its programs (null for the system's programs). */
    Path libraryDirectory() {
        return clientDirectory == null || clientDirectory.getParent() == null ? null : clientDirectory.getParent().resolve("libs");
    }

    String jdbcServerUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
