package io.escalera.crash;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the packaged application, and of its embedded MariaDB, in the middle of work; then a start on
 * the same data folder. After it: every write whose HTTP 2xx answer was received is there, the full value recompute
 * that was cut off completes, no job lock or Liquibase lock is left held, and the event publications left incomplete
 * by the kill are delivered. The scenarios run in order on one folder (each start costs seconds): (b) a kill during a
 * full value recompute, (c) a kill during a burst of case saves from several threads (over the REST API), (a) a kill
 * during the commit of an import (driven through the import screen in Chromium: imports have no API), (d) a kill of
 * mariadbd during a burst of case saves. Run with {@code ./mvnw -B -Pcrash verify} (or after a package: {@code -Pcrash failsafe:integration-test
 * failsafe:verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int CUSTOMERS = 5_000;
    private static final int WRITERS = 6;
    private static final Pattern CASE_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private CrashableApp app;
    private String token;
    private List<Long> customers;

    @BeforeAll
    void folder() throws Exception {
        app = new CrashableApp("recovery");
    }

    @AfterAll
    void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aKillDuringAFullValueRecomputeIsCompletedByTheNextStart() throws Exception {
        // the first start generates a data set, and the value run that follows it is killed half way
        app.startInBackground("--escalera.generate.customers=" + CUSTOMERS, "--escalera.generate.orders=" + CUSTOMERS * 10);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
        boolean duringTheRun = false;
        while (Instant.now().isBefore(deadline) && !duringTheRun) {
            duringTheRun = valueRunInProgress();
            if (!duringTheRun) {
                Thread.sleep(20);
            }
        }
        app.killApplication();
        assertThat(duringTheRun).as("the full value run was seen running (its work table exists)").isTrue();
        try (Connection db = app.database(true)) {
            System.out.printf("[crash] (b) killed during the value run: work tables left %s, value lock held by %s, runs completed %d%n",
                    valueTables(db), lockHolder(db, "value.full-recompute"), count(db, "SELECT COUNT(*) FROM value_calibration"));
        }

        app.start();

        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        long calibrated = 0;
        try (Connection db = app.database(true)) {
            while (Instant.now().isBefore(until) && (calibrated == 0 || !valueTables(db).equals(List.of("customer_value"))
                    || lockHeld(db, "value.full-recompute"))) {
                Thread.sleep(500);
                calibrated = count(db, "SELECT COUNT(*) FROM value_calibration");
            }
            long customerCount = count(db, "SELECT COUNT(*) FROM customer");
            long values = count(db, "SELECT COUNT(*) FROM customer_value");
            System.out.printf("[crash] (b) after restart: value run completed %s, customers %d, values %d, work tables %s%n",
                    calibrated > 0, customerCount, values, valueTables(db));
            assertThat(calibrated).as("a full value run completed after the restart").isPositive();
            assertThat(values).as("every customer has a value").isEqualTo(customerCount);
            assertThat(valueTables(db)).as("no work table left").containsExactly("customer_value");
            assertNoStuckLock(db);
        }
        assertThat(app.logText()).contains("Value recomputed for");
    }

    /**
     * (a) and (c) share one kill (each start costs seconds): an import is committing while several threads save cases
     * over the REST API when the application is killed.
     */
    @Test
    @Order(2)
    void aKillDuringAnImportCommitAndABurstOfCaseSavesLosesNoAcknowledgedCaseAndNoHalfImport() throws Exception {
        if (!app.ready()) {
            app.killApplication();
            app.start();
        }
        prepareApiToken();
        java.nio.file.Path file = importFile();
        Burst burst = new Burst();
        org.openqa.selenium.WebDriver browser = io.escalera.support.Chromium.start();
        try {
            io.escalera.support.Chromium.logIn(browser, app.baseUrl(), "admin", "admin-demo-2026");
            browser.get(app.baseUrl() + "/import");
            org.openqa.selenium.WebElement upload = io.escalera.support.Chromium.visible(browser, org.openqa.selenium.By.id("import-upload"));
            fileInput(upload).sendKeys(file.toString());
            click(browser, "import-check");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(300))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("import-counts")));
            burst.start();
            burst.awaitAcknowledged(50, Duration.ofSeconds(120));
            click(browser, "import-commit");
            io.escalera.support.Chromium.visible(browser, org.openqa.selenium.By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']")).click();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String status = "";
            while (!status.equals("COMMITTING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
                try (Connection db = app.database(true)) {
                    status = strings(db, "SELECT status FROM import_job ORDER BY id DESC LIMIT 1").getFirst();
                }
            }
            assertThat(status).as("the import was seen committing").isEqualTo("COMMITTING");
            // into the commit's one transaction, the case saves going on
            Thread.sleep(700);
            app.killApplication();
        } finally {
            burst.stop();
            browser.quit();
        }
        List<String> pending;
        long ordersAtKill;
        try (Connection db = app.database(true)) {
            pending = strings(db, "SELECT ID FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL");
            ordersAtKill = count(db, "SELECT COUNT(*) FROM customer_order WHERE external_id LIKE 'CRASH-%'");
        }

        app.start();

        try (Connection db = app.database(true)) {
            long found = countPresent(db, burst.acknowledged);
            report("(c) kill -9 of the application during case saves", burst, found);
            long orders = count(db, "SELECT COUNT(*) FROM customer_order WHERE external_id LIKE 'CRASH-%'");
            String status = strings(db, "SELECT status FROM import_job ORDER BY id DESC LIMIT 1").getFirst();
            System.out.printf("[crash] (a) kill -9 of the application during an import commit of %d orders: %d of them in"
                    + " after the restart (%d at the kill), job %s%n", IMPORTED_ORDERS, orders, ordersAtKill, status);
            assertThat(found).as("acknowledged cases found after the restart").isEqualTo(burst.acknowledged.size());
            assertThat(orders).as("an import is all or nothing").isIn(0L, (long) IMPORTED_ORDERS);
            if (orders == 0) {
                assertThat(status).as("a job whose rows are not in is not done").isIn("COMMITTING", "FAILED");
            }
            awaitDelivered(db, pending);
            assertNoStuckLock(db);
        }
    }

    private static final int IMPORTED_ORDERS = 20_000;

    private java.nio.file.Path importFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "crash", "orders-to-import.csv").toAbsolutePath();
        List<String[]> owners = new ArrayList<>();
        try (Connection db = app.database(true); Statement query = db.createStatement(); ResultSet rs = query.executeQuery(
                "SELECT c.external_code, u.code FROM customer c JOIN unit u ON u.id = c.home_unit_id ORDER BY c.id LIMIT 2000")) {
            while (rs.next()) {
                owners.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        StringBuilder csv = new StringBuilder("external id;customer code;order date;unit;gross amount\n");
        for (int i = 0; i < IMPORTED_ORDERS; i++) {
            String[] owner = owners.get(i % owners.size());
            csv.append("CRASH-").append(i).append(';').append(owner[0]).append(';')
                    .append(java.time.LocalDate.now().minusDays(1 + i % 300)).append(';').append(owner[1]).append(';')
                    .append(10 + i % 90).append(".50\n");
        }
        java.nio.file.Files.writeString(file, csv);
        return file;
    }

    private static void click(org.openqa.selenium.WebDriver browser, String id) {
        org.openqa.selenium.WebElement element = io.escalera.support.Chromium.visible(browser, org.openqa.selenium.By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        io.escalera.support.Chromium.waitFor(browser).until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** The upload's native file input: in its light DOM, or else in its shadow root. */
    private static org.openqa.selenium.WebElement fileInput(org.openqa.selenium.WebElement upload) {
        List<org.openqa.selenium.WebElement> light = upload.findElements(org.openqa.selenium.By.cssSelector("input[type=file]"));
        return !light.isEmpty() ? light.getFirst() : upload.getShadowRoot().findElement(org.openqa.selenium.By.cssSelector("input[type=file]"));
    }

    @Test
    @Order(3)
    void aKillOfTheDatabaseDuringCaseSavesLosesNoAcknowledgedCase() throws Exception {
        if (!app.ready()) {
            app.killApplication();
            app.start();
        }
        Burst burst = new Burst();
        burst.start();
        burst.awaitAcknowledged(100, Duration.ofSeconds(120));
        app.killDatabase();
        Thread.sleep(1_000);
        burst.stop();
        // the application cannot go on without its database: stopped, and started again
        app.killApplication();

        app.start();

        try (Connection db = app.database(true)) {
            long found = countPresent(db, burst.acknowledged);
            report("(d) kill -9 of mariadbd during case saves", burst, found);
            assertThat(found).as("acknowledged cases found after the restart").isEqualTo(burst.acknowledged.size());
            List<String> pending = strings(db, "SELECT ID FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND STATUS <> 'FAILED'");
            awaitDelivered(db, pending);
            assertNoStuckLock(db);
        }
    }

    /** Case saves from several threads, as fast as they go, until stopped; the ids of the 201 answers kept. */
    private final class Burst {
        final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

        void start() {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        long customer = customers.get((writer * 7919 + i++ * 31) % customers.size());
                        try {
                            HttpResponse<String> answer = app.post("/api/v1/complaints", token, """
                                    {"customerId": %d, "channel": "PHONE", "category": "LATE_DELIVERY", "severity": "MEDIUM",
                                     "description": "crash test case %d/%d"}""".formatted(customer, writer, i));
                            Matcher id = CASE_ID.matcher(answer.body());
                            if (answer.statusCode() / 100 == 2 && id.find()) {
                                acknowledged.add(Long.parseLong(id.group(1)));
                            } else {
                                failed.incrementAndGet();
                                if (answer.statusCode() / 100 == 4) {
                                    System.out.printf("[crash] refused: %d %s%n", answer.statusCode(), answer.body());
                                    running.set(false);
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }

        void awaitAcknowledged(int atLeast, Duration within) throws InterruptedException {
            Instant deadline = Instant.now().plus(within);
            while (acknowledged.size() < atLeast && running.get() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(acknowledged.size()).as("cases acknowledged before the kill").isGreaterThanOrEqualTo(atLeast);
        }

        void stop() throws InterruptedException {
            running.set(false);
            writers.shutdown();
            writers.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private static void report(String scenario, Burst burst, long found) {
        System.out.printf("[crash] %s: acknowledged %d, found %d, lost %d (calls without a 2xx answer: %d)%n", scenario,
                burst.acknowledged.size(), found, burst.acknowledged.size() - found, burst.failed.get());
    }

    /** A MANAGER token of the top unit (every customer below it), made as the API token screen makes one. */
    private void prepareApiToken() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        token = "esc_" + HexFormat.of().formatHex(secret);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = app.database(true);
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO api_token (name, token_prefix, token_hash, role, unit_id, created_by, created_at, expires_at)
                     SELECT 'crash test', ?, ?, 'MANAGER', id, 'admin', NOW(3), NOW(3) + INTERVAL 1 DAY FROM unit WHERE parent_id IS NULL
                     ORDER BY id LIMIT 1""")) {
            insert.setString(1, token.substring(0, 8));
            insert.setString(2, hash);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            customers = new ArrayList<>();
            try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery("SELECT id FROM customer ORDER BY id LIMIT 500")) {
                while (rs.next()) {
                    customers.add(rs.getLong(1));
                }
            }
        }
    }

    private static long countPresent(Connection db, Set<Long> ids) throws Exception {
        long found = 0;
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM complaint_case WHERE id = ?")) {
            for (long id : ids) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    found += rs.getLong(1);
                }
            }
        }
        return found;
    }

    /** The publications left incomplete by the kill are completed after the restart (republished at start). */
    private static void awaitDelivered(Connection db, List<String> pending) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long open = Long.MAX_VALUE;
        while (open > 0 && Instant.now().isBefore(deadline)) {
            open = 0;
            try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE ID = ? AND COMPLETION_DATE IS NULL")) {
                for (String id : pending) {
                    query.setString(1, id);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        open += rs.getLong(1);
                    }
                }
            }
            if (open > 0) {
                Thread.sleep(500);
            }
        }
        System.out.printf("[crash] event publications incomplete at the kill: %d, delivered after the restart: %d, still open: %d%n",
                pending.size(), pending.size() - open, open);
        assertThat(open).as("publications left incomplete by the kill, still not completed").isZero();
    }

    /**
     * No Liquibase lock, and no job lock held by a process that no longer runs: a lock of the running application
     * (a KPI rebuild it started after the value run, say) is work going on, not a stuck lock.
     */
    private void assertNoStuckLock(Connection db) throws Exception {
        assertThat(count(db, "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = 1")).as("Liquibase lock held").isZero();
        List<String> held = strings(db, "SELECT CONCAT(name, ' by ', locked_by) FROM job_lock WHERE locked_until > NOW(3)");
        assertThat(held).as("job locks held by a process that no longer runs (the application is pid %d)", app.pid())
                .allMatch(lock -> lock.contains("/" + app.pid() + "/"));
    }

    private boolean valueRunInProgress() {
        try (Connection db = app.database(true)) {
            return valueTables(db).contains("customer_value_next");
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> valueTables(Connection db) throws Exception {
        return strings(db, """
                SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()
                AND table_name IN ('customer_value', 'customer_value_old', 'customer_value_next') ORDER BY 1""");
    }

    private static boolean lockHeld(Connection db, String job) throws Exception {
        return count(db, "SELECT COUNT(*) FROM job_lock WHERE locked_until > NOW(3) AND name = '" + job + "'") > 0;
    }

    private static String lockHolder(Connection db, String job) throws Exception {
        List<String> holder = strings(db, "SELECT locked_by FROM job_lock WHERE locked_until > NOW(3) AND name = '" + job + "'");
        return holder.isEmpty() ? "nobody" : holder.getFirst();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
