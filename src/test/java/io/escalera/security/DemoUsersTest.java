package io.escalera.security;

import io.escalera.security.internal.UserRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.DemoProperties;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts created in demo mode are marked as demo users (refused at login outside demo mode); others are not. */
@EscaleraTest
class DemoUsersTest {

    @Autowired UserRepository repository;
    @Autowired UnitDirectory units;
    @Autowired PasswordEncoder encoder;
    @Autowired AuditLog auditLog;
    @Autowired SignedInUsers signedIn;
    @Autowired Clock clock;
    @Autowired UserAdministration productionModeAdministration;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;
    @Autowired io.escalera.security.internal.AccountStates accountStates;

    @Test
    void aUserCreatedInDemoModeIsADemoUserAndOneCreatedOutsideItIsNot() {
        var demoModeAdministration = new UserAdministration(repository, units, encoder, auditLog, signedIn, clock,
                new DemoProperties(true, List.of()), accountStates);
        long unit = testUsers.newUnit(io.escalera.admin.UnitKind.STORE);

        UserAccount inDemoMode = SystemUser.call(() -> demoModeAdministration.create(form(unit)));
        UserAccount inProductionMode = SystemUser.call(() -> productionModeAdministration.create(form(unit)));

        assertThat(isDemo(inDemoMode)).isTrue();
        assertThat(isDemo(inProductionMode)).isFalse();
    }

    private boolean isDemo(UserAccount account) {
        return jdbc.sql("SELECT demo FROM app_user WHERE id = ?").param(account.id()).query(Boolean.class).single();
    }

    private static UserForm form(long unit) {
        UserForm form = new UserForm();
        form.setUsername("demo-check-" + UUID.randomUUID().toString().substring(0, 8));
        form.setDisplayName("Demo check");
        form.setRole(Role.STAFF);
        form.setUnitId(unit);
        form.setPassword(TestUsers.PASSWORD);
        return form;
    }
}
