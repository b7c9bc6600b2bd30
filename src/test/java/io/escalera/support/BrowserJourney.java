package io.escalera.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user journey in headless Chromium against the application on its random port: a fresh browser per test, and a
 * screenshot of the last page in target/selenium/ for reading failures.
 */
@EscaleraTest
@Tag("browser")
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        Chromium.screenshot(browser, getClass().getSimpleName() + "-" + test.getDisplayName());
        browser.quit();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void logIn(String username, String password) {
        Chromium.logIn(browser, url(""), username, password);
    }

    /** Another person at the same browser: a fresh session, then their login. */
    protected void switchTo(String username, String password) {
        browser.manage().deleteAllCookies();
        logIn(username, password);
    }
}
