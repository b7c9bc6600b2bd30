package io.escalera.selenium;

import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.support.BrowserJourney;
import io.escalera.support.Chromium;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, under the application's Content-Security-Policy: an admin who must change the password is sent
 * to the change-password page after logging in, chooses a new password, and logs in with it to the home page; the
 * browser's console reports nothing the policy refused.
 */
class FirstAdminChangesThePasswordJourneyTest extends BrowserJourney {

    private static final String NEW_PASSWORD = "the-admins-own-password";

    @Autowired TestUsers testUsers;
    @Autowired UserAdministration users;

    @Test
    void theAdminChoosesANewPasswordAfterTheFirstLoginAndThePolicyRefusesNothing() {
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        SystemUser.run(() -> users.requirePasswordChange(admin.id()));

        logIn(admin.username(), TestUsers.PASSWORD);
        visible(By.id("must-change-password"));
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        type("#current-password", TestUsers.PASSWORD);
        type("#new-password", NEW_PASSWORD);
        type("#repeat-password", NEW_PASSWORD);
        visible(By.id("change-password-save")).click();
        Chromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));

        browser.manage().deleteAllCookies();
        logIn(admin.username(), NEW_PASSWORD);
        visible(By.id("change-password"));
        browser.get(url("/admin/users"));
        visible(By.id("change-password"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");

        assertThat(Chromium.contentSecurityPolicyViolations(browser)).isEmpty();
    }

    private org.openqa.selenium.WebElement visible(By by) {
        return Chromium.visible(browser, by);
    }

    private void type(String css, String text) {
        Chromium.type(browser, css, text);
    }
}
