package io.escalera.selenium;

import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import io.escalera.value.ValueService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a MANAGER opens the value × satisfaction matrix, clicks "high value, detractor", opens the
 * customer listed there, and reads on the 360 the economic value with its parts, the tier, the RFM segment and the
 * risk reasons in words.
 */
class ManagerWorksTheHighValueDetractorsJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired io.escalera.support.TestAnswers answers;
    @Autowired ValueService values;
    @Autowired JdbcClient jdbc;

    @Test
    void theHighValueDetractorCornerLeadsToTheCustomersValueAndRiskReasons() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails unhappyBigBuyer = testCustomers.newCustomer(manager.unitId());
        testCustomers.newOrder(unhappyBigBuyer, LocalDate.now().minusDays(300), "20000", "1000", "12000", "0");
        testCustomers.newOrder(unhappyBigBuyer, LocalDate.now().minusDays(290), "25000", "0", null, "2000");
        answers.nps(unhappyBigBuyer, 2);
        AfterCommitListeners.await(jdbc, "io.escalera.value.internal.ValueTriggers");
        SystemUser.run(values::recomputeAll);

        logIn(manager.username(), PASSWORD);
        browser.get(url("/value"));
        WebElement corner = visible(browser, By.id("matrix-A-DETRACTOR"));
        assertThat(corner.getText()).startsWith("1");
        io.escalera.support.Chromium.screenshot(browser, "value-matrix");
        corner.click();

        waitFor(browser).until(d -> cells("#value-customers").contains(unhappyBigBuyer.name()));
        browser.findElements(By.cssSelector("#value-customers vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(unhappyBigBuyer.name())).findFirst().orElseThrow().click();

        WebElement economic = visible(browser, By.id("value-economic"));
        // 44,000 net − (12,000 + 25,000 × 0.60 estimated at the brief's 40 % margin) − 2,000 returned = 15,000
        assertThat(economic.getText()).contains("15,000.00");
        String parts = visible(browser, By.id("value-parts")).getText();
        assertThat(parts).contains("Net sales", "44,000.00", "Cost of goods (partly estimated from the margin)", "27,000.00",
                "Returns", "2,000.00", "Cost to serve");
        assertThat(visible(browser, By.id("value-tier")).getText()).isEqualTo("A · top 20 %");
        assertThat(visible(browser, By.id("value-rfm")).getText()).matches(".+ \\(R\\d F\\d M\\d\\)");
        String reasons = visible(browser, By.id("value-risk-reasons")).getText();
        assertThat(reasons).contains("overdue").contains("× their usual gap").contains("detractor in ");
        io.escalera.support.Chromium.screenshot(browser, "customer-value");
    }

    private List<String> cells(String grid) {
        try {
            return browser.findElements(By.cssSelector(grid + " vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return List.of();
        }
    }
}
