package io.escalera.selenium;

import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.Chromium;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static io.escalera.support.Chromium.type;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a STAFF user creates a customer, finds them again by typing part of the phone number, opens
 * the customer page and adds an order.
 */
class StaffCreatesAndFindsCustomerJourneyTest extends BrowserJourney {

    @Autowired TestUsers testUsers;

    @Test
    void staffCreateACustomerFindItByPartOfThePhoneAndAddAnOrder() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String name = "Selenia " + UUID.randomUUID().toString().substring(0, 6);
        String national = "6" + (10_000_000 + (int) (Math.random() * 89_999_999));

        logIn(staff.username(), TestUsers.PASSWORD);
        browser.get(url("/customers"));
        visible(browser, By.id("new-customer")).click();
        type(browser, "#customer-name", name);
        type(browser, "#customer-phone", national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6));
        visible(browser, By.id("customer-save")).click();
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-title"), name));

        browser.get(url("/customers"));
        type(browser, "#customer-search", national.substring(3, 9).substring(0, 3) + " " + national.substring(6));
        WebElement row = waitFor(browser).until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(name)).findFirst().orElse(null));
        row.click();
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-title"), name));
        assertThat(browser.getCurrentUrl()).matches(".*/customers/\\d+$");

        visible(browser, By.id("add-order")).click();
        WebElement gross = visible(browser, By.cssSelector("#order-gross input"));
        gross.sendKeys("42.50");
        gross.sendKeys(Keys.TAB);
        visible(browser, By.id("order-save")).click();
        waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("order-save")));
        waitFor(browser).until(d -> d.findElements(By.cssSelector("#customer-orders vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().contains("42.50")));
    }

}
