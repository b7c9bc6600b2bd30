package io.escalera.selenium;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.OrderRow;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static io.escalera.support.Chromium.pick;
import static io.escalera.support.Chromium.type;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: STAFF opens a complaint for a late order from the customer page; a MANAGER assigns it back to
 * them; they start it, grant a voucher and resolve it with a root cause; the history shows every step.
 */
class ComplaintJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    @Test
    void aLateOrderComplaintIsOpenedAssignedCompensatedAndResolvedWithItsHistory() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, staff.unitId());
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        OrderRow late = testCustomers.newLateOrder(customer, LocalDate.now().minusDays(10), "64.00");

        logIn(staff.username(), PASSWORD);
        browser.get(url("/customers/" + customer.id()));
        visible(browser, By.id("open-complaint")).click();
        visible(browser, By.cssSelector("#complaint-order input")).click();
        pick(browser, "vaadin-combo-box-item", late.externalId());
        // no category chosen: picking a late order suggests "Late delivery" (checked on the case page below)
        visible(browser, By.cssSelector("#complaint-description textarea")).sendKeys("The parcel came four days late");
        visible(browser, By.id("complaint-open")).click();
        String title = visible(browser, By.id("complaint-title")).getText();
        String caseUrl = browser.getCurrentUrl();
        assertThat(title).startsWith("Complaint #");
        assertThat(facts()).contains("Late delivery").contains(late.externalId());

        switchTo(manager.username(), PASSWORD);
        browser.get(caseUrl);
        visible(browser, By.id("action-assign")).click();
        visible(browser, By.cssSelector("#assign-to input")).click();
        pick(browser, "vaadin-combo-box-item", staff.username());
        visible(browser, By.id("assign-confirm")).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("complaint-status"), "Assigned"));

        switchTo(staff.username(), PASSWORD);
        browser.get(caseUrl);
        visible(browser, By.id("action-start")).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("complaint-status"), "In progress"));
        visible(browser, By.id("action-compensate")).click();
        visible(browser, By.id("compensation-type")).click();
        pick(browser, "vaadin-select-item", "Voucher");
        type(browser, "#compensation-amount", "15");
        type(browser, "#compensation-reason", "Sorry for the delay");
        visible(browser, By.id("compensation-confirm")).click();
        waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("compensation-confirm")));
        visible(browser, By.id("action-resolve")).click();
        visible(browser, By.cssSelector("#resolve-resolution textarea")).sendKeys("Apologised and sent a voucher");
        visible(browser, By.cssSelector("#resolve-root-cause input")).click();
        pick(browser, "vaadin-combo-box-item", "Carrier delay");
        visible(browser, By.id("resolve-confirm")).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("complaint-status"), "Resolved"));

        waitFor(browser).until(d -> history().stream().anyMatch(t -> t.contains("In progress → Resolved")));
        List<String> history = history();
        assertThat(history).anyMatch(t -> t.equals("Case opened"))
                .anyMatch(t -> t.contains("Assignee — → " + staff.displayName()))
                .anyMatch(t -> t.equals("Status New → Assigned"))
                .anyMatch(t -> t.equals("Status Assigned → In progress"))
                .anyMatch(t -> t.startsWith("Compensation Granted: Voucher") && t.contains("15.00 — Sorry for the delay"))
                .anyMatch(t -> t.startsWith("Status In progress → Resolved") && t.contains("Apologised and sent a voucher"));
        assertThat(facts()).contains("Logistics › Carrier delay");
    }

    private String facts() {
        return visible(browser, By.cssSelector(".customer-facts")).getText();
    }

    private List<String> history() {
        return browser.findElements(By.cssSelector("#complaint-history vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }
}
