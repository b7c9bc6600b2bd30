package io.escalera.selenium;

import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.support.Chromium;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static io.escalera.support.Chromium.type;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an admin logs in, creates a STAFF user and logs out; the new user logs in, sees no
 * administration in the menu, and the users page is refused to them.
 */
class AdminCreatesStaffUserJourneyTest extends BrowserJourney {

    @Autowired TestUsers testUsers;
    @Autowired UserAdministration users;

    @Test
    void anAdminCreatesAStaffUserWhoThenSeesNoAdministration() {
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        String newUsername = "sel-" + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "staff-password-123";
        long unitOfNewUser = testUsers.newUnit(io.escalera.admin.UnitKind.STORE);
        String unitCode = SystemUser.call(() -> testUnitCode(unitOfNewUser));

        logIn(admin.username(), TestUsers.PASSWORD);
        browser.get(url("/admin/users"));
        visible(browser, By.id("new-button")).click();
        type(browser, "#user-username", newUsername);
        type(browser, "#user-display-name", "Selena Staff");
        choose("#user-role", "Staff");
        type(browser, "#user-unit", unitCode);
        visible(browser, By.cssSelector("vaadin-combo-box-item")).click();
        type(browser, "#user-password", newPassword);
        visible(browser, By.id("user-save")).click();
        waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-save")));
        assertThat(SystemUser.call(() -> users.exists(newUsername))).isTrue();
        visible(browser, By.id("logout")).click();
        waitFor(browser).until(ExpectedConditions.urlContains("/login"));

        logIn(newUsername, newPassword);
        visible(browser, By.cssSelector("vaadin-side-nav"));
        List<String> menu = browser.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText).toList();
        assertThat(menu).contains("Home").doesNotContain("Users", "Units", "Settings", "Audit log");
        assertThat(visible(browser, By.cssSelector(".signed-in-user")).getText()).contains("Selena Staff");

        browser.get(url("/admin/users"));
        assertThat(visible(browser, By.cssSelector(".page-not-available")).getText()).contains("Page not available");
        assertThat(browser.findElements(By.id("new-button"))).as("the users screen must not open for STAFF").isEmpty();
        assertThat(browser.findElements(By.cssSelector("vaadin-grid"))).isEmpty();
    }

    private String testUnitCode(long unitId) {
        return testUsers.unitCode(unitId);
    }

    private void choose(String selectCss, String itemText) {
        visible(browser, By.cssSelector(selectCss)).click();
        waitFor(browser).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(WebElement::isDisplayed).filter(e -> e.getText().trim().equals(itemText)).findFirst().map(e -> {
                    e.click();
                    return true;
                }).orElse(false));
    }

}
