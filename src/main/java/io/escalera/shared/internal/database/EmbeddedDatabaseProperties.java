package io.escalera.shared.internal.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MariaDB, used only when {@code spring.datasource.url} is not set.
 *
 * @param directory      where the server binaries and the data live (kept across restarts)
 * @param port           TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param database       schema name
 * @param bufferPoolSize InnoDB buffer pool size (e.g. 256M, 4G for the benchmark data set)
 * @param resetOnStart   drop the schema when the server is first used in this JVM (tests)
 * @param poolSize       the most connections the application holds at once (Hikari's maximum pool size)
 */
@ConfigurationProperties("escalera.db")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") String directory,
        @DefaultValue("0") int port,
        @DefaultValue("escalera") String database,
        @DefaultValue("256M") String bufferPoolSize,
        @DefaultValue("false") boolean resetOnStart,
        @DefaultValue("20") int poolSize) {
}
