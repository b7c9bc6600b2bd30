package io.escalera.shared.internal.database;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The small context of {@link DatabaseCommandLine}: the database settings and the command, nothing else. Not a
 * {@code @Configuration}, so that the application's component scan leaves it out.
 */
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@Import(DatabaseCommandRunner.class)
class DatabaseCommandConfiguration {
}
