package io.escalera.selenium;

import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static io.escalera.support.Chromium.type;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a STAFF user presses the quick-log shortcut on the customer's page, logs a call for that
 * existing customer by typing their name, and sees it at the top of the customer's timeline.
 */
class StaffLogsACallJourneyTest extends BrowserJourney {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    @Test
    void theShortcutOpensTheQuickLogAndTheCallTopsTheTimeline() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String name = "Callme " + UUID.randomUUID().toString().substring(0, 6);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId(), name, null, null);
        testCustomers.newOrder(customer, java.time.LocalDate.now().minusDays(3), "19.90");
        String summary = "Asked about delivery " + UUID.randomUUID().toString().substring(0, 4);

        logIn(staff.username(), "correct-horse-battery");
        browser.get(url("/customers/" + customer.id()));
        visible(browser, By.id("customer-title"));
        new Actions(browser).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys("l").keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();

        type(browser, "#quick-log-customer", name);
        waitFor(browser).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).anyMatch(i -> i.getText().contains(name)));
        browser.findElements(By.cssSelector("vaadin-combo-box-item")).stream().filter(i -> i.getText().contains(name)).findFirst()
                .orElseThrow().click();
        visible(browser, By.id("quick-log-reason")).click();
        waitFor(browser).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream().filter(WebElement::isDisplayed)
                .filter(i -> i.getText().equals("Delivery problem")).findFirst().map(i -> {
                    i.click();
                    return true;
                }).orElse(false));
        visible(browser, By.cssSelector("#quick-log-summary textarea")).sendKeys(summary);
        visible(browser, By.id("quick-log-save")).click();

        waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("quick-log-save")));
        waitFor(browser).until(d -> !d.findElements(By.cssSelector("#customer-timeline vaadin-grid-cell-content")).isEmpty()
                && d.findElements(By.cssSelector("#customer-timeline vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains(summary)));
        List<String> cells = browser.findElements(By.cssSelector("#customer-timeline vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
        int call = cells.indexOf(cells.stream().filter(t -> t.contains(summary)).findFirst().orElseThrow());
        int order = cells.indexOf(cells.stream().filter(t -> t.startsWith("Order")).filter(t -> t.contains("19.90")).findFirst().orElseThrow());
        assertThat(call).as("the call is above the older order").isLessThan(order);
    }
}
