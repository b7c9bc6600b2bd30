package io.escalera.shared.internal.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import java.sql.SQLException;

/**
 * Turns "the database cannot be reached" into one clear line naming the URL and the reason, instead of a wall of
 * nested exceptions.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment.getProperty("spring.datasource.url", "the embedded MariaDB");
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return new FailureAnalysis(
                "Escalera cannot use its database at " + url + ": " + reason,
                "Check that MariaDB (10.11 or newer) is running and reachable at that URL and that SPRING_DATASOURCE_USERNAME /"
                        + " SPRING_DATASOURCE_PASSWORD are right, or unset SPRING_DATASOURCE_URL to use the embedded database.",
                cause);
    }
}
