package io.escalera.shared.internal.database;

import io.escalera.EscaleraApplication;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.kpi.Board;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.KpiTile;
import io.escalera.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by the previous release upgrades to this one, and the application works on it.
 * <p>
 * "The previous release" is the last commit that landed before the session that added the changesets
 * {@code exchange/004}, {@code admin/002}, {@code security/005..007}, {@code feedback/004..005} and
 * {@code exchange/005}: commit <b>fe27bf9</b> (2026-12-07 00:56 UTC), whose changelog (ending with
 * {@code loyalty/005-funnel-milestone-indexes}) is a proper prefix of today's. Its database, started once in demo mode
 * (3,000 customers, their orders, answers, cases, contacts, the computed ladder, values and KPI facts), is kept as a
 * dump in {@code src/test/resources/upgrade/} (how to make it again at each release: the README there).
 * <p>
 * The test loads the dump into a fresh embedded MariaDB of its own (in {@code target/}), starts this application on
 * it as on an external database (Liquibase runs every newer changeset), and checks that the newest changeset ran,
 * that no row of the key tables was lost, that a user of the old database signs in through the login form, and that
 * a customer search and a KPI board answer. A changeset that breaks on the old data stops the start and fails the
 * test. Runs in {@code ./mvnw verify} (maven-failsafe), in a JVM of its own: it starts a second application context.
 */
class UpgradeFromPreviousReleaseIT {

    static final String DUMP = "/upgrade/escalera-fe27bf9.sql.gz";
    static final String SCHEMA = "escalera_upgrade";
    /** Rows that an upgrade must keep, table by table. */
    static final List<String> KEY_TABLES = List.of("app_user", "unit", "customer", "customer_order", "feedback", "survey_invitation",
            "complaint_case", "complaint_history", "interaction", "loyalty_stage", "customer_value", "audit_event", "kpi_daily");

    private static Path directory;
    private static EmbeddedMariaDb server;
    private static ConfigurableApplicationContext app;
    private static final Map<String, Long> rowsBefore = new LinkedHashMap<>();
    private static String previousLastChangeset;

    @BeforeAll
    static void loadThePreviousReleasesDatabaseAndStartThisRelease() throws Exception {
        directory = Path.of("target", "upgrade-test", "mariadb").toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        server = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.freePort(), "256M");
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        load(DUMP);
        try (Connection connection = connect(SCHEMA); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC LIMIT 1")) {
                rs.next();
                previousLastChangeset = rs.getString(1);
            }
            for (String table : KEY_TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rowsBefore.put(table, rs.getLong(1));
                }
            }
        }
        assertThat(rowsBefore.get("customer")).as("the dump holds the demo customers").isEqualTo(3000);

        app = new SpringApplicationBuilder(EscaleraApplication.class)
                .profiles("test")
                .properties(
                        "spring.datasource.url=jdbc:mariadb://127.0.0.1:" + server.port() + "/" + SCHEMA,
                        "spring.datasource.username=root",
                        "spring.datasource.password=" + server.password(),
                        "server.port=0",
                        "escalera.import.directory=target/upgrade-test/imports")
                .run();
    }

    @AfterAll
    static void stop() {
        SecurityContextHolder.clearContext();
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.stop();
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    @Test
    void everyChangesetOfThisReleaseRanOnTheOldDatabase() throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<String> ran = jdbc.sql("SELECT id FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED").query(String.class).list();
        assertThat(previousLastChangeset).as("fe27bf9's last changeset").isEqualTo("loyalty-005-funnel-milestone-indexes");
        assertThat(ran).as("the previous release's changesets stay").contains(previousLastChangeset);
        assertThat(ran.indexOf(previousLastChangeset)).as("newer changesets ran after them").isLessThan(ran.size() - 1);
        assertThat(ran.getLast()).as("the newest changeset of this release ran last").isEqualTo(newestChangesetId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED").query(Long.class).single()).isZero();
    }

    @Test
    void noRowOfTheKeyTablesIsLost() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<String, Long> after = new LinkedHashMap<>();
        for (String table : KEY_TABLES) {
            after.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        // the application may add rows (the audit log, for instance) but never lose one
        rowsBefore.forEach((table, before) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(before));
        assertThat(after.get("customer")).isEqualTo(rowsBefore.get("customer"));
        assertThat(after.get("customer_order")).isEqualTo(rowsBefore.get("customer_order"));
    }

    @Test
    void aUserOfTheOldDatabaseSignsInAndTheMainServicesAnswer() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpResponse<String> login = new WebClient(port).login("manager", "manager-demo-2026");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as("signed in, not sent back to the login")
                .doesNotContain("error").doesNotContain("/login");

        signIn("manager");
        List<CustomerSummary> found = app.getBean(CustomerService.class).search(CustomerSearch.text("garcía"), Sort.unsorted(), 0, 20);
        assertThat(found).as("the manager's customers named García").isNotEmpty();

        signIn("executive");
        KpiPeriod year = KpiPeriod.of(KpiPeriod.Kind.YEAR, LocalDate.now());
        List<KpiTile> board = app.getBean(KpiService.class).board(Board.COMMERCE, KpiFilter.everything(), year);
        assertThat(board).isNotEmpty();
        assertThat(board).as("the commerce board has figures").anySatisfy(tile -> assertThat(tile.value()).isNotNull());
    }

    private static void signIn(String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** The id of the last changeset of the last file the master changelog includes. */
    static String newestChangesetId() throws Exception {
        Path master = Path.of("db", "changelog", "db.changelog-master.yaml");
        Matcher file = Pattern.compile("file:\\s*(\\S+)").matcher(Files.readString(master));
        String last = null;
        while (file.find()) {
            last = file.group(1);
        }
        Matcher id = Pattern.compile("(?m)^\\s*id:\\s*(\\S+)").matcher(Files.readString(Path.of(last)));
        String newest = null;
        while (id.find()) {
            newest = id.group(1);
        }
        return newest;
    }

    private static Connection connect(String schema) throws Exception {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/" + schema, "root", server.password());
    }

    /** Feeds the dump to the server's own command-line client (the dump holds client commands, not only SQL). */
    private static void load(String resource) throws Exception {
        Path client = directory.resolve("server").resolve("bin").resolve("mariadb");
        Process process = new ProcessBuilder(client.toString(), "--no-defaults", "--protocol=TCP", "-h127.0.0.1",
                "-P" + server.port(), "-uroot", "--password=" + server.password(), "--skip-ssl", SCHEMA)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("load.log").toFile())
                .start();
        try (InputStream dump = new GZIPInputStream(UpgradeFromPreviousReleaseIT.class.getResourceAsStream(resource));
             OutputStream in = process.getOutputStream()) {
            dump.transferTo(in);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the dump loaded in time").isTrue();
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("load.log"))).isZero();
    }
}
