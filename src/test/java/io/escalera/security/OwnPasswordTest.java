package io.escalera.security;

import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every user changes their own password: with the current one, the new one twice, under the password policy. */
@EscaleraTest
class OwnPasswordTest {

    private static final String NEW_PASSWORD = "a-new-password-of-mine";

    @Autowired OwnPassword ownPassword;
    @Autowired TestUsers testUsers;
    @Autowired UserDetailsService userDetails;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedInUserChangesTheirPasswordWithTheCurrentOneAndTheNewOneWorks() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        testUsers.signIn(staff);

        ownPassword.change(TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        String hash = userDetails.loadUserByUsername(staff.username()).getPassword();
        assertThat(passwordEncoder.matches(NEW_PASSWORD, hash)).isTrue();
        assertThat(passwordEncoder.matches(TestUsers.PASSWORD, hash)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'USER_PASSWORD_CHANGED' AND record_id = ?")
                .param(staff.username()).query(Long.class).single()).isOne();
    }

    @Test
    void aWrongCurrentPasswordADifferentRepetitionOrAShortPasswordChangeNothing() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        testUsers.signIn(staff);

        assertThatThrownBy(() -> ownPassword.change("not-my-password!", NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorsException.FieldError("current", "password.current-wrong")));
        assertThatThrownBy(() -> ownPassword.change(TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorsException.FieldError("repeated", "password.repeat-differs")));
        assertThatThrownBy(() -> ownPassword.change(TestUsers.PASSWORD, "short", "short"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorsException.FieldError("newPassword", "password.too-short")));
        assertThatThrownBy(() -> ownPassword.change(TestUsers.PASSWORD, TestUsers.PASSWORD, TestUsers.PASSWORD))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorsException.FieldError("newPassword", "password.same-as-current")));

        assertThat(passwordEncoder.matches(TestUsers.PASSWORD, userDetails.loadUserByUsername(staff.username()).getPassword())).isTrue();
    }

    @Test
    void nobodyChangesAPasswordWithoutBeingSignedIn() {
        assertThatThrownBy(() -> ownPassword.change(TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
