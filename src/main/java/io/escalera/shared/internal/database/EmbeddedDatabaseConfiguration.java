package io.escalera.shared.internal.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Starts the embedded MariaDB and hands its DataSource to Spring, unless an external database is configured with
 * {@code spring.datasource.url} (SPRING_DATASOURCE_URL).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Set<String> schemasResetInThisJvm = new HashSet<>();

    /** Released (and, by the last context, stopped) after the DataSource that depends on it has closed. */
    @Bean(destroyMethod = "release")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.acquire(properties);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseProperties properties) throws SQLException {
        String serverUrl = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";
        resetSchemaOnceIfAsked(properties, serverUrl, server.password());
        HikariConfig config = new HikariConfig();
        config.setPoolName("escalera-embedded");
        config.setJdbcUrl(serverUrl + properties.database() + "?createDatabaseIfNotExist=true&allowLocalInfile=true");
        config.setUsername("root");
        config.setPassword(server.password());
        config.setMaximumPoolSize(properties.poolSize());
        return new HikariDataSource(config);
    }

    private static void resetSchemaOnceIfAsked(EmbeddedDatabaseProperties properties, String serverUrl, String password)
            throws SQLException {
        synchronized (schemasResetInThisJvm) {
            if (!properties.resetOnStart() || !schemasResetInThisJvm.add(properties.database())) {
                return;
            }
            try (Connection connection = DriverManager.getConnection(serverUrl, "root", password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + properties.database().replace("`", "") + "`");
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
