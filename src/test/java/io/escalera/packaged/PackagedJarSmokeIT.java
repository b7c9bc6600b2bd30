package io.escalera.packaged;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.escalera.support.ChildApplication;
import io.escalera.support.Chromium;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What ships, tried as it ships: the packaged application started the way the README says
 * ({@code target/escalera/escalera}: the extracted jar with its AOT cache) in production mode with its production
 * frontend bundle, as a child process on an empty data folder. The first admin logs in with
 * the password the jar printed once, chooses a new one, creates one customer, and then opens every route an ADMIN
 * may open (found by scanning the {@code @Route} classes) plus the public survey page with a bad token. Every page
 * must render without Vaadin's error view or "Internal error" notice, the browser console must have no SEVERE
 * entry, and the jar's own log must have no ERROR line and no "not in the production bundle" warning.
 * Runs in {@code ./mvnw verify} through maven-failsafe, after {@code package}.
 */
@Tag("browser")
class PackagedJarSmokeIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final String NEW_PASSWORD = "the-smoke-test-admins-password";

    /** Routes with a URL parameter, and the path this test opens for each ({@code {customer}}: the one it creates). */
    private static final List<String> PARAMETER_ROUTES = List.of("customers", "complaints/case", "s");

    private static Process app;
    private static Path log;
    private static Path data;
    private static String baseUrl;

    @BeforeAll
    static void startThePackagedJar() throws Exception {
        Path launcher = Path.of(System.getProperty("escalera.launcher", "target/escalera/escalera"));
        assertThat(launcher).as("the packaged launcher (run ./mvnw package first)").isExecutable();
        Path work = Path.of("target", "packaged-smoke");
        data = work.resolve("data-" + System.currentTimeMillis());
        Files.createDirectories(data);
        log = work.resolve("escalera.log");
        ProcessBuilder builder = new ProcessBuilder(launcher.toAbsolutePath().toString(), "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ESCALERA_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().remove("ESCALERA_ADMIN_PASSWORD");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        app = builder.start();
        baseUrl = ChildApplication.awaitReady(app, log, START_TIMEOUT);
    }

    @AfterAll
    static void stopThePackagedJar() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
                app.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // the embedded database's binaries and data take hundreds of MB per run; the log stays for reading
        ChildApplication.deleteQuietly(data);
    }

    @Test
    void everyRouteAnAdminMayOpenRendersWithoutAnErrorInTheBrowserOrTheLog() throws Exception {
        String firstPassword = firstAdminPassword();
        WebDriver browser = Chromium.start();
        List<String> problems = new ArrayList<>();
        try {
            Chromium.logIn(browser, baseUrl, "admin", firstPassword);
            Chromium.visible(browser, By.id("must-change-password"));
            Chromium.type(browser, "#current-password", firstPassword);
            Chromium.type(browser, "#new-password", NEW_PASSWORD);
            Chromium.type(browser, "#repeat-password", NEW_PASSWORD);
            Chromium.visible(browser, By.id("change-password-save")).click();
            Chromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
            browser.manage().deleteAllCookies();
            Chromium.logIn(browser, baseUrl, "admin", NEW_PASSWORD);
            problems.addAll(pageProblems(browser, "/ after login"));

            String customerPath = createACustomer(browser);
            problems.addAll(pageProblems(browser, customerPath));
            recomputeValues(browser);
            problems.addAll(pageProblems(browser, "/value/at-risk (recompute now)"));

            // the customer page's value section (a contribution, not the route's own code) shows a real Details
            browser.get(baseUrl + customerPath);
            Chromium.visible(browser, By.cssSelector("#customer-value vaadin-details"));
            if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                    "return !!customElements.get('vaadin-details');"))) {
                problems.add(customerPath + ": vaadin-details is not a defined element (not in the bundle)");
            }
            problems.addAll(pageProblems(browser, customerPath + " (value computed)"));

            for (String path : pathsToVisit(customerPath)) {
                browser.get(baseUrl + path);
                problems.addAll(pageProblems(browser, path));
            }
        } finally {
            Chromium.screenshot(browser, "PackagedJarSmokeIT-last-page");
            browser.quit();
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("not in the production bundle") || line.matches("^\\S+\\s+ERROR\\s.*")) {
                problems.add("jar log: " + line);
            }
            if (line.contains("[error][aot")) { // the JVM could not use the AOT cache the build recorded
                problems.add("JVM log: " + line);
            }
        }
        assertThat(problems).as("problems seen in the browser and in %s", log).isEmpty();
    }

    /** Every ADMIN-reachable route without a parameter, the parameter routes with a real or a bad value. */
    private static List<String> pathsToVisit(String customerPath) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> paths = new TreeSet<>();
        Set<String> parameterRoutes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.escalera")) {
            Class<?> view;
            try {
                view = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            String route = view.getAnnotation(Route.class).value();
            if (!adminMayOpen(view)) {
                continue;
            }
            if (HasUrlParameter.class.isAssignableFrom(view)) {
                parameterRoutes.add(route);
            } else {
                paths.add("/" + route);
            }
        }
        assertThat(paths).as("routes found by scanning").hasSizeGreaterThan(10);
        assertThat(parameterRoutes).as("routes with a parameter, each opened below with a value")
                .containsExactlyInAnyOrderElementsOf(PARAMETER_ROUTES);
        List<String> all = new ArrayList<>(paths);
        all.add(customerPath);
        all.add("/complaints/case/999999999");
        all.add("/s/not-a-valid-token");
        return all;
    }

    private static boolean adminMayOpen(Class<?> view) {
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return view.isAnnotationPresent(PermitAll.class) || view.isAnnotationPresent(AnonymousAllowed.class)
                || (roles != null && Arrays.asList(roles.value()).contains("ADMIN"));
    }

    /** Creates one customer through the customers page and returns the path of its page. */
    private String createACustomer(WebDriver browser) {
        browser.get(baseUrl + "/customers");
        Chromium.visible(browser, By.id("new-customer")).click();
        Chromium.type(browser, "#customer-name", "Smoke Test Customer");
        Chromium.type(browser, "#customer-phone", "612 345 678");
        Chromium.visible(browser, By.id("customer-save")).click();
        Chromium.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-title"),
                "Smoke Test Customer"));
        String url = browser.getCurrentUrl();
        assertThat(url).matches(".*/customers/\\d+$");
        return url.substring(baseUrl.length());
    }

    /** "Recompute now" on the at-risk page, so that the customer page has a value to show. */
    private void recomputeValues(WebDriver browser) {
        browser.get(baseUrl + "/value/at-risk");
        Chromium.visible(browser, By.id("value-recompute")).click();
        Chromium.waitFor(browser).until(d -> d.findElement(By.id("value-recompute")).isEnabled()
                && d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getAttribute("theme") != null && c.getAttribute("theme").contains("success")));
    }

    /** Waits until Vaadin is idle, then reports an error view or notice and the console's SEVERE entries. */
    private static List<String> pageProblems(WebDriver browser, String path) {
        List<String> problems = new ArrayList<>();
        try {
            Chromium.waitFor(browser).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && !!(window.Vaadin && window.Vaadin.Flow"
                            + " && window.Vaadin.Flow.clients) && Object.values(window.Vaadin.Flow.clients)"
                            + ".every(c => !c.isActive || !c.isActive());")));
        } catch (RuntimeException e) {
            problems.add(path + ": the page did not settle: " + e.getMessage().lines().findFirst().orElse(""));
        }
        String text = browser.findElement(By.tagName("body")).getText();
        for (String sign : List.of("Internal error", "There was an exception while trying to navigate",
                "Could not navigate to")) {
            if (text.contains(sign)) {
                problems.add(path + ": the page shows \"" + sign + "\"");
            }
        }
        if (!browser.findElements(By.cssSelector(".v-system-error")).isEmpty()) {
            problems.add(path + ": the page shows Vaadin's system error notice");
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            // the browser's own request for /favicon.ico is not part of any page
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains("/favicon.ico ")) {
                problems.add(path + ": browser console: " + entry.getMessage());
            }
        }
        Chromium.screenshot(browser, "PackagedJarSmokeIT" + path);
        return problems;
    }

    /** The first admin's password, printed once in the log at the first start on an empty database. */
    private static String firstAdminPassword() throws IOException {
        Matcher printed = Pattern.compile("created user 'admin' with the password\\s+(\\S+)").matcher(logText());
        assertThat(printed.find()).as("the first start prints the admin's password:%n%s", logText()).isTrue();
        return printed.group(1);
    }

    private static String logText() {
        return ChildApplication.logText(log);
    }
}
