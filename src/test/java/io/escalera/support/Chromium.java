package io.escalera.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (Selenium Manager cannot download drivers here), with
 * the flags that keep it from reaching for the network and a fresh profile per run.
 */
public final class Chromium {

    private Chromium() {
    }

    public static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("escalera-chromium-");
            ChromeOptions options = new ChromeOptions();
            String binary = System.getProperty("escalera.chromium", "/usr/bin/chromium");
            if (new File(binary).canExecute()) {
                options.setBinary(binary);
            }
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
            // the console, so that a journey can check that the Content-Security-Policy refused nothing
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                    .withEnvironment(Map.of("XDG_CONFIG_HOME", profile.resolve("config").toString(),
                            "XDG_CACHE_HOME", profile.resolve("cache").toString()))
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare a Chromium profile", e);
        }
    }

    /** The browser console's messages that report something the Content-Security-Policy refused. */
    public static java.util.List<String> contentSecurityPolicyViolations(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Keeps what the browser showed last in target/selenium/, for reading a failure. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "selenium");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".png"), png);
        } catch (IOException | RuntimeException e) {
            // a screenshot is a help for reading failures, never a reason to fail
        }
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static WebElement visible(WebDriver driver, By by) {
        return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Logs in through the real login form and waits until the login page is left. */
    public static void logIn(WebDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        type(driver, "vaadin-login-form vaadin-text-field", username);
        WebElement passwordInput = visible(driver, By.cssSelector("vaadin-login-form vaadin-password-field input"));
        passwordInput.sendKeys(password);
        passwordInput.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Types into a Vaadin field (the native input sits in the field's light DOM). */
    public static void type(WebDriver driver, String fieldCss, String text) {
        WebElement input = visible(driver, By.cssSelector(fieldCss + " input"));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the first visible overlay item (combo-box or select item) whose text contains {@code text}. */
    public static void pick(WebDriver driver, String itemTag, String text) {
        waitFor(driver).until(d -> d.findElements(By.cssSelector(itemTag)).stream().filter(WebElement::isDisplayed)
                .filter(i -> i.getText().contains(text)).findFirst().map(i -> {
                    i.click();
                    return true;
                }).orElse(false));
    }
}
