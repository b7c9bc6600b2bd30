package io.escalera.security.internal;

import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.AuditLog;
import io.escalera.shared.DemoProperties;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo users (public passwords) log in only in demo mode; the test context runs with demo mode off. */
@EscaleraTest
class DemoUserLoginTest {

    @Autowired ThrottlingAuthenticationProvider login;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;
    @Autowired UserRepository userRepository;
    @Autowired PasswordEncoder encoder;
    @Autowired LoginThrottle throttle;
    @Autowired AuditLog auditLog;
    @Autowired Clock clock;

    private final List<String> usernamesTried = new ArrayList<>();

    @AfterEach
    void forgetAttempts() {
        usernamesTried.forEach(u -> jdbc.sql("DELETE FROM login_attempt WHERE username = ?").param(u.toLowerCase()).update());
    }

    @Test
    void aDemoUserIsRefusedLikeAWrongPasswordWhenDemoModeIsOff() {
        UserAccount demoUser = demoUser();

        assertThatThrownBy(() -> login.authenticate(attempt(demoUser))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aDemoUserLogsInInDemoMode() {
        UserAccount demoUser = demoUser();
        var demoModeLogin = new ThrottlingAuthenticationProvider(
                new DatabaseUserDetailsService(userRepository, new DemoProperties(true, List.of())), encoder, throttle, auditLog, clock);

        assertThat(demoModeLogin.authenticate(attempt(demoUser)).isAuthenticated()).isTrue();
    }

    @Test
    void anOrdinaryUserStillLogsInWhenDemoModeIsOff() {
        UserAccount user = testUsers.newUser(Role.STAFF);

        assertThat(login.authenticate(attempt(user)).isAuthenticated()).isTrue();
    }

    private UserAccount demoUser() {
        UserAccount user = testUsers.newUser(Role.ADMIN);
        jdbc.sql("UPDATE app_user SET demo = TRUE WHERE id = ?").param(user.id()).update();
        return user;
    }

    private UsernamePasswordAuthenticationToken attempt(UserAccount user) {
        usernamesTried.add(user.username());
        return UsernamePasswordAuthenticationToken.unauthenticated(user.username(), TestUsers.PASSWORD);
    }
}
