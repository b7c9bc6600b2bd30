package io.escalera.admin.internal;

import io.escalera.security.Role;
import io.escalera.shared.DemoProperties;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard on the real test database (production mode, users present, no demo mark), run as demo mode would run it. */
@EscaleraTest
class DemoDatabaseGuardTest {

    private static final DemoProperties DEMO_ON = new DemoProperties(true, List.of());
    private static final DemoProperties DEMO_OFF = new DemoProperties(false, List.of());

    @Autowired JdbcClient jdbc;
    @Autowired UnitRepository units;
    @Autowired TestUsers testUsers;
    @Autowired Clock clock;

    @BeforeEach
    @AfterEach
    void noDemoMark() {
        jdbc.sql("DELETE FROM demo_database").update();
    }

    @Test
    void demoModeRefusesADatabaseThatHasUsersButWasNotCreatedByDemoMode() {
        testUsers.newUser(Role.STAFF);
        DemoDatabaseGuard guard = new DemoDatabaseGuard(jdbc, DEMO_ON, units, clock);

        assertThatThrownBy(guard::check).isInstanceOf(DemoDatabaseGuard.DemoDatabaseRefusedException.class);
        assertThat(markCount()).isZero();
    }

    @Test
    void demoModeMarksAnEmptyDatabaseAndStartsOnItAgainOnceItHasData() {
        new DemoDatabaseGuard(jdbc, DEMO_ON, () -> false, clock).check();
        assertThat(markCount()).isEqualTo(1);

        testUsers.newUser(Role.STAFF);
        assertThatNoException().isThrownBy(() -> new DemoDatabaseGuard(jdbc, DEMO_ON, units, clock).check());
        assertThat(markCount()).isEqualTo(1);
    }

    @Test
    void withoutDemoModeAnyDatabaseIsAcceptedAndNotMarked() {
        testUsers.newUser(Role.STAFF);
        new DemoDatabaseGuard(jdbc, DEMO_OFF, units, clock).check();
        new DemoDatabaseGuard(jdbc, DEMO_OFF, () -> false, clock).check();
        assertThat(markCount()).isZero();
    }

    @Test
    void theRefusalIsOneLineSayingWhyAndWhatToDo() {
        RuntimeException failure = new IllegalStateException("refresh failed", new DemoDatabaseGuard.DemoDatabaseRefusedException());

        FailureAnalysis analysis = new DemoDatabaseRefusedFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n").contains("demo mode").contains("has data");
        assertThat(analysis.getAction()).contains("demo profile").contains("ESCALERA_DATA_DIR");
    }

    private long markCount() {
        return jdbc.sql("SELECT COUNT(*) FROM demo_database").query(Long.class).single();
    }
}
