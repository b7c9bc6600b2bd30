package io.escalera.selenium;

import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a MANAGER uploads a CSV of orders, checks it (one line is rejected, with its reason), imports
 * it after confirming, and the good orders are in.
 */
class ManagerImportsOrdersJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void letTheFactsCatchUp() throws InterruptedException {
        for (String module : List.of("io.escalera.loyalty", "io.escalera.value", "io.escalera.kpi")) {
            AfterCommitListeners.await(jdbc, module);
        }
    }

    @Test
    void aManagerChecksAndImportsAnOrderFile() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, unit);
        CustomerDetails customer = testCustomers.newCustomer(unit);
        String first = "SEL-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "SEL-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("orders", ".csv");
        Files.writeString(file, "Pedido;Cliente;Fecha;Tienda;Importe\n"
                + first + ";" + customer.externalCode() + ";03/02/2026;" + testUsers.unitCode(unit) + ";19,90\n"
                + "SEL-BAD;" + customer.externalCode() + ";30/02/2026;" + testUsers.unitCode(unit) + ";5\n"
                + second + ";" + customer.externalCode() + ";04/02/2026;" + testUsers.unitCode(unit) + ";7,50\n");
        try {
            logIn(manager.username(), PASSWORD);
            browser.get(url("/import"));
            WebElement upload = visible(browser, By.id("import-upload"));
            fileInput(upload).sendKeys(file.toAbsolutePath().toString());

            click(By.id("import-check"));
            WebElement counts = visible(browser, By.id("import-counts"));
            assertThat(counts.getText()).isEqualTo("2 to create, 0 to change, 0 already as in the file, 1 lines rejected.");
            waitFor(browser).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('#import-rejects vaadin-grid-cell-content')).some(c => c.textContent === 'Not a date');"));
            io.escalera.support.Chromium.screenshot(browser, "import-checked");

            click(By.id("import-commit"));
            visible(browser, By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']")).click();
            // read by script: the step is redrawn while the page polls, and a found element may be gone the next moment
            waitFor(browser).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('h3')).some(h => h.textContent.startsWith('Imported'));"));
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(jdbc.sql("SELECT gross_amount FROM customer_order WHERE external_id IN (?, ?) ORDER BY order_date")
                .params(first, second).query(BigDecimal.class).list()).containsExactly(new BigDecimal("19.90"), new BigDecimal("7.50"));
    }

    /** Scrolled to the middle of the window first: the page is longer than the headless window. */
    private void click(By by) {
        WebElement element = visible(browser, by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        waitFor(browser).until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** The upload's native file input: in its light DOM, or else in its shadow root. */
    private static WebElement fileInput(WebElement upload) {
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        if (!light.isEmpty()) {
            return light.getFirst();
        }
        SearchContext shadow = upload.getShadowRoot();
        return shadow.findElement(By.cssSelector("input[type=file]"));
    }
}
