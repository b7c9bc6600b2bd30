package io.escalera.selenium;

import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static io.escalera.support.Chromium.pick;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a regional MANAGER opens the ladder funnel, sees the chart, narrows it to one of the region's
 * stores, clicks the CLIENT bar and gets that store's clients — and not the other store's.
 */
class ManagerReadsTheLadderFunnelJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    @Test
    void theClientBarOfOneStoreListsThatStoresClients() throws Exception {
        long region = testUsers.newUnit(UnitKind.REGION);
        long store = testUsers.newUnitUnder(UnitKind.STORE, region);
        long otherStore = testUsers.newUnitUnder(UnitKind.STORE, region);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, region);
        CustomerDetails storeClient = client(store);
        CustomerDetails otherClient = client(otherStore);
        AfterCommitListeners.await(jdbc, "io.escalera.loyalty.internal.LadderTriggers");

        logIn(manager.username(), PASSWORD);
        browser.get(url("/loyalty"));
        visible(browser, By.cssSelector("#ladder-funnel-chart[rendered] svg"));
        assertThat(barsNow()).as("the region: both stores' clients").isEqualTo("[0,0,0,2,0]");
        // typed: the store must be among the first items however many units the database holds
        visible(browser, By.cssSelector("#ladder-unit input")).sendKeys(testUsers.unitCode(store));
        pick(browser, "vaadin-combo-box-item", testUsers.unitCode(store));
        waitFor(browser).until(d -> "[0,0,0,1,0]".equals(barsNow()));

        WebElement chart = visible(browser, By.cssSelector("#ladder-funnel-chart[rendered]"));
        io.escalera.support.Chromium.screenshot(browser, "ladder-funnel");
        clickItem(chart, 0, 3);

        waitFor(browser).until(d -> cells("#ladder-customers").contains(storeClient.externalCode()));
        List<String> listed = cells("#ladder-customers");
        assertThat(listed).contains(storeClient.externalCode(), storeClient.name()).doesNotContain(otherClient.externalCode());
    }

    private CustomerDetails client(long unit) {
        CustomerDetails customer = testCustomers.newCustomer(unit);
        for (int i = 0; i < 6; i++) {
            testCustomers.newOrder(customer, LocalDate.now().minusDays(4L * i), "25.00");
        }
        return customer;
    }

    /** A real mouse click in the middle of a chart item (series, data index), where ECharts drew it. */
    private void clickItem(WebElement chart, int series, int index) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((JavascriptExecutor) browser).executeScript("return arguments[0].pixelOf(arguments[1], arguments[2]);",
                chart, series, index);
        assertThat(point).as("the chart drew the item").isNotNull();
        int x = point.get(0).intValue() - chart.getSize().getWidth() / 2;
        int y = point.get(1).intValue() - chart.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(chart, x, y).click().perform();
    }

    /** The values of the "now on the rung" bars the browser draws, as JSON. */
    private String barsNow() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#ladder-funnel-chart[rendered]'); return c ? JSON.stringify(c.option.series[0].data) : null;");
    }

    private List<String> cells(String grid) {
        try {
            return browser.findElements(By.cssSelector(grid + " vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return List.of();
        }
    }
}
