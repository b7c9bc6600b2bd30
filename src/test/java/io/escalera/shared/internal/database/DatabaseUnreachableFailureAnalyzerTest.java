package io.escalera.shared.internal.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableFailureAnalyzerTest {

    @Test
    void anUnreachableDatabaseIsOneLineWithTheUrlAndTheReason() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3399/escalera");
        var cause = new SQLNonTransientConnectionException("Socket fail to connect to db.example:3399. Connection refused\nmore detail");
        RuntimeException failure = new IllegalStateException("Failed to initialize dependency 'liquibase'", new RuntimeException(cause));

        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer(environment).analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Escalera cannot use its database at jdbc:mariadb://db.example:3399/escalera: Socket fail to connect to db.example:3399. Connection refused");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(new DatabaseUnreachableFailureAnalyzer(new MockEnvironment()).analyze(new IllegalStateException("port in use"))).isNull();
    }
}
