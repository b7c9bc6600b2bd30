package io.escalera.security;

import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import io.escalera.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session ends at its next request when an ADMIN disables the account, changes its role, unit or
 * all-units right, or resets its password — the check reads the account in the database, so it holds on every node.
 * A change that gives no rights (the display name) keeps the session.
 */
@EscaleraTest
class SessionsFollowTheAccountTest {

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired UserAdministration users;

    @Test
    void disablingTheAccountEndsItsOpenSession() throws Exception {
        assertSessionEndsAfter(form -> form.setEnabled(false));
    }

    @Test
    void aNewRoleEndsTheOpenSession() throws Exception {
        assertSessionEndsAfter(form -> form.setRole(Role.MANAGER));
    }

    @Test
    void aNewUnitEndsTheOpenSession() throws Exception {
        long otherUnit = testUsers.newUnit(io.escalera.admin.UnitKind.STORE);
        assertSessionEndsAfter(form -> form.setUnitId(otherUnit));
    }

    @Test
    void theRightToSeeAllUnitsGivenOrTakenEndsTheOpenSession() throws Exception {
        assertSessionEndsAfter(form -> form.setAllUnitsAllowed(true));
    }

    @Test
    void aPasswordResetEndsTheOpenSession() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        WebClient browser = signedIn(staff);
        SystemUser.run(() -> users.resetPassword(staff.id(), "a-new-long-passphrase-42"));
        assertThat(WebClient.toLogin(browser.get("/"))).as("the session ended").isTrue();
    }

    @Test
    void aNewDisplayNameKeepsTheSession() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        WebClient browser = signedIn(staff);
        SystemUser.run(() -> {
            UserForm form = UserForm.of(users.find(staff.id()).orElseThrow());
            form.setDisplayName("Renamed " + staff.displayName());
            users.update(staff.id(), form);
        });
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    private void assertSessionEndsAfter(Consumer<UserForm> change) throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        WebClient browser = signedIn(staff);
        SystemUser.run(() -> {
            UserForm form = UserForm.of(users.find(staff.id()).orElseThrow());
            change.accept(form);
            users.update(staff.id(), form);
        });
        assertThat(WebClient.toLogin(browser.get("/"))).as("the session ended").isTrue();
        // and it stays ended: the old session id is not signed in again
        assertThat(WebClient.toLogin(browser.get("/customers"))).isTrue();
    }

    private WebClient signedIn(UserAccount account) throws Exception {
        WebClient browser = new WebClient(port);
        assertThat(browser.login(account.username(), TestUsers.PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        return browser;
    }
}
