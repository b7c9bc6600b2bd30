package io.escalera.security;

import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class UserAdministrationTest {

    @Autowired UserAdministration users;
    @Autowired TestUsers testUsers;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDuplicateUsernameAWeakPasswordAndAMissingUnitAreFieldErrors() {
        UserAccount existing = testUsers.newUser(Role.STAFF);
        testUsers.signIn(testUsers.newUser(Role.ADMIN));
        UserForm form = form(existing.username().toUpperCase(), "short", 987_654_321L);

        assertThatThrownBy(() -> users.create(form))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors()).extracting(
                                FieldErrorsException.FieldError::field, FieldErrorsException.FieldError::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("username", "user.username.taken"),
                                org.assertj.core.groups.Tuple.tuple("unitId", "user.unit.required"),
                                org.assertj.core.groups.Tuple.tuple("password", "password.too-short")));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverInClear() {
        testUsers.signIn(testUsers.newUser(Role.ADMIN));
        UserAccount created = users.create(form("hash-" + UUID.randomUUID().toString().substring(0, 8),
                "a-long-enough-secret", testUsers.newUnit(io.escalera.admin.UnitKind.STORE)));

        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(created.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a-long-enough-secret");
    }

    @Test
    void savingAStaleVersionIsAConflictNotASilentOverwrite() {
        testUsers.signIn(testUsers.newUser(Role.ADMIN));
        UserAccount target = testUsers.newUser(Role.STAFF);
        UserForm first = UserForm.of(target);
        UserForm second = UserForm.of(target);

        first.setDisplayName("Changed by the first admin");
        users.update(target.id(), first);
        second.setDisplayName("Changed by the second admin");

        assertThatThrownBy(() -> users.update(target.id(), second)).isInstanceOf(ConcurrentEditException.class);
        assertThat(users.find(target.id()).orElseThrow().displayName()).isEqualTo("Changed by the first admin");
    }

    @Test
    void onlyAnAdminMayAdministerUsers() {
        for (Role role : new Role[]{Role.STAFF, Role.MANAGER, Role.EXECUTIVE}) {
            testUsers.signIn(testUsers.newUser(role));
            assertThatThrownBy(() -> users.find("", PageRequest.of(0, 10)))
                    .as(role + " must be refused").isInstanceOf(AuthorizationDeniedException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> users.count("")).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void anAdminCannotTakeAwayTheirOwnAdminRoleOrDisableThemselves() {
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        testUsers.signIn(admin);
        UserForm form = UserForm.of(admin);
        form.setRole(Role.STAFF);
        form.setEnabled(false);

        assertThatThrownBy(() -> users.update(admin.id(), form)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field).containsExactlyInAnyOrder("role", "enabled"));
    }

    @Test
    void everyAdministrativeChangeIsAudited() {
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        testUsers.signIn(admin);
        UserAccount target = testUsers.newUser(Role.STAFF);
        users.resetPassword(target.id(), "another-long-password");

        var entries = auditLog.find(new AuditLog.AuditQuery(target.username()), PageRequest.of(0, 10));
        assertThat(entries).extracting(AuditLog.AuditEntry::action).contains("USER_CREATED", "USER_PASSWORD_RESET");
        assertThat(entries).filteredOn(e -> e.action().equals("USER_PASSWORD_RESET"))
                .extracting(AuditLog.AuditEntry::actor).containsExactly(admin.username());
    }


    private static UserForm form(String username, String password, long unitId) {
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setDisplayName("Someone");
        form.setRole(Role.STAFF);
        form.setUnitId(unitId);
        form.setPassword(password);
        return form;
    }
}
