package io.escalera.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.escalera.load.Uidl.choose;
import static io.escalera.load.Uidl.click;
import static io.escalera.load.Uidl.comboOpen;
import static io.escalera.load.Uidl.dialogClosed;
import static io.escalera.load.Uidl.dialogNode;
import static io.escalera.load.Uidl.gridConfirm;
import static io.escalera.load.Uidl.gridUpdate;
import static io.escalera.load.Uidl.navigate;
import static io.escalera.load.Uidl.noInvalidField;
import static io.escalera.load.Uidl.nodeOf;
import static io.escalera.load.Uidl.optionalNodeOf;
import static io.escalera.load.Uidl.pageLoad;
import static io.escalera.load.Uidl.post;
import static io.escalera.load.Uidl.rowClick;
import static io.escalera.load.Uidl.selectTab;
import static io.escalera.load.Uidl.typeLazy;
import static io.escalera.load.Uidl.typeText;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Escalera under many people at once, over HTTP as browsers and integrations reach it (see docs/benchmarks-load.md).
 * Every signed-in virtual user logs in once (Spring Security's form, its CSRF token from the login page), opens one
 * Vaadin UI and then repeats its role's journey with think times until the run ends — ramped up over
 * {@code load.rampSeconds}, all held together for {@code load.holdSeconds}:
 * <ul>
 *   <li>STAFF: customer search → customer 360 → quick log of a call → open a complaint case;</li>
 *   <li>MANAGER: complaint queues (unassigned) → a case → assign → start → resolve with a root cause;</li>
 *   <li>EXECUTIVE: KPI boards, period and unit changes, a drill-down to the records behind a tile;</li>
 *   <li>survey respondents (no login) on single-use links: open, score, comment, send;</li>
 *   <li>an integration calling the REST API at {@code load.apiRate} calls per second with a token.</li>
 * </ul>
 * Users come from the files {@code --escalera.load.prepare=true} writes into {@code load.dataDir}: logins spread over
 * every unit, survey links, an API token.
 */
public class EscaleraLoadSimulation extends Simulation {

    private static final String BASE = System.getProperty("load.baseUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("load.users", 20);
    private static final int RAMP = Integer.getInteger("load.rampSeconds", 60);
    private static final int HOLD = Integer.getInteger("load.holdSeconds", 120);
    private static final int THINK_MIN = Integer.getInteger("load.thinkMin", 2);
    private static final int THINK_MAX = Integer.getInteger("load.thinkMax", 5);
    private static final Path DATA = Path.of(System.getProperty("load.dataDir", "data/load"));
    private static final double API_RATE = Double.parseDouble(System.getProperty("load.apiRate", "0"));
    private static final Map<String, Integer> MIX = mix(System.getProperty("load.mix", "staff=50,manager=20,executive=10,respondent=20"));
    /** Every looping user stops at the same moment: the end of the ramp plus the hold. */
    private static final long END = System.currentTimeMillis() + (RAMP + HOLD) * 1000L;

    private static final List<String> SEARCHES = List.of("garcia", "martinez", "lopez", "sanchez", "perez", "gomez",
            "fernandez", "rodriguez", "gonzalez", "ruiz", "diaz", "moreno", "alonso", "romero", "navarro");

    private final HttpProtocolBuilder httpProtocol = http.baseUrl(BASE)
            .acceptHeader("*/*")
            .acceptLanguageHeader("en")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Escalera-load/Gatling")
            .disableFollowRedirect()
            .shareConnections();

    private static ChainBuilder think() {
        return pause(Duration.ofSeconds(THINK_MIN), Duration.ofSeconds(THINK_MAX));
    }

    private static ChainBuilder login(String role) {
        return group("login").on(
                exec(http(role + ": login page").get("/login")
                        .check(status().is(200), regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("formCsrf")))
                        .exec(http(role + ": sign in").post("/login")
                                .formParam("username", "#{username}").formParam("password", "#{password}").formParam("_csrf", "#{formCsrf}")
                                .check(status().is(302), header("Location").transform(location -> location.contains("error")).is(false)))
                        .exec(pageLoad(role + ": home", "", optionalNodeOf("kpi-period-kind", "periodKind"), optionalNodeOf("kpi-unit", "unitPicker"),
                                optionalNodeOf("records-NPS", "npsRecords")))
        ).exitHereIfFailed();
    }

    private static ChainBuilder searchTerm() {
        return exec(session -> session.set("search", SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size()))));
    }

    // STAFF: search → 360 → quick log → open a case (a search with no customer of the user's units ends the round)
    private static ChainBuilder staffJourney() {
        return exec(
                searchTerm(),
                exec(session -> session.removeAll("update", "rowKey")),
                exec(navigate("staff: customers", "/customers", nodeOf("customer-search", "searchField"), nodeOf("customers-grid", "grid"))),
                think(),
                exec(post("staff: search", typeLazy("searchField", "#{search}"),
                        regex("\"key\":\"(\\d+)\",\"col0\"").optional().saveAs("rowKey"), gridUpdate("update"))),
                doIf(session -> session.contains("update")).then(exec(post("staff: search rows shown", gridConfirm("grid", "#{update}")))),
                think(),
                doIf(session -> !session.contains("rowKey")).then(
                        exec(navigate("staff: home (search found nobody)", "", optionalNodeOf("kpi-period-kind", "periodKind")))),
                doIf(session -> session.contains("rowKey")).then(
                        exec(post("staff: customer 360", rowClick("grid", "#{rowKey}"),
                                nodeOf("customer-title", "customerTitle"), nodeOf("log-interaction", "quickLogButton"),
                                nodeOf("open-complaint", "openComplaint"))),
                        think(),
                        exec(post("staff: quick log open", click("quickLogButton"), nodeOf("quick-log-reason", "reason"),
                                nodeOf("quick-log-summary", "summary"), nodeOf("quick-log-save", "saveLog"), dialogNode("logDialog"))),
                        think(),
                        exec(post("staff: quick log save", choose("reason", "1") + "," + typeText("summary", "Asked about the delivery date")
                                + "," + click("saveLog"), noInvalidField(), optionalNodeOf("open-complaint", "openComplaint"))),
                        exec(post("staff: quick log closed", dialogClosed("logDialog"), optionalNodeOf("open-complaint", "openComplaint"))),
                        think(),
                        exec(post("staff: case dialog open", click("openComplaint"), nodeOf("complaint-category", "category"),
                                nodeOf("complaint-description", "description"), nodeOf("complaint-open", "openCase"), dialogNode("caseDialog"))),
                        think(),
                        exec(post("staff: case open", choose("category", "1") + "," + typeText("description", "The parcel came a week late")
                                + "," + click("openCase"), noInvalidField())),
                        exec(post("staff: case dialog closed", dialogClosed("caseDialog"))),
                        think()));
    }

    // MANAGER: queues → case → assign → start → resolve
    private static ChainBuilder managerJourney() {
        return exec(
                exec(session -> session.removeAll("startNode", "resolveNode", "caseKey", "assignAction", "update")),
                exec(navigate("manager: complaints", "/complaints", nodeOf("complaints-grid", "caseGrid"),
                        regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-tabs\"\\}").saveAs("queueTabs"))),
                think(),
                exec(post("manager: unassigned queue", selectTab("queueTabs", 2),
                        regex("\\[\\{\"key\":\"(\\d+)\"").optional().saveAs("caseKey"), gridUpdate("update"))),
                doIf(session -> session.contains("update")).then(exec(post("manager: queue rows shown", gridConfirm("caseGrid", "#{update}")))),
                think(),
                doIf(session -> !session.contains("caseKey")).then(
                        exec(navigate("manager: home (empty queue)", "", optionalNodeOf("kpi-period-kind", "periodKind")))),
                doIf(session -> session.contains("caseKey")).then(
                        exec(post("manager: case", rowClick("caseGrid", "#{caseKey}"), nodeOf("complaint-title", "caseTitle"),
                                optionalNodeOf("action-assign", "assignAction"))),
                        think()),
                doIf(session -> session.contains("assignAction")).then(
                        exec(post("manager: assign dialog", click("assignAction"), nodeOf("assign-to", "assignee"),
                                nodeOf("assign-confirm", "assignConfirm"), dialogNode("assignDialog"))),
                        exec(post("manager: assignees", comboOpen("assignee"), regex("\\[\\{\"key\":\"(\\d+)\",\"label\"").saveAs("assigneeKey"))),
                        think(),
                        exec(post("manager: assign", choose("assignee", "#{assigneeKey}") + "," + click("assignConfirm"),
                                noInvalidField(), optionalNodeOf("action-start", "startNode"), optionalNodeOf("action-resolve", "resolveNode"))),
                        exec(post("manager: assign dialog closed", dialogClosed("assignDialog"))),
                        think(),
                        doIf(session -> session.contains("startNode")).then(
                                exec(post("manager: start", click("startNode"), optionalNodeOf("action-resolve", "resolveNode"))),
                                think()),
                        doIf(session -> session.contains("resolveNode")).then(
                                exec(post("manager: resolve dialog", click("resolveNode"), nodeOf("resolve-resolution", "resolution"),
                                        nodeOf("resolve-root-cause", "rootCause"), nodeOf("resolve-confirm", "resolveConfirm"),
                                        dialogNode("resolveDialog"))),
                                exec(post("manager: root causes", comboOpen("rootCause"),
                                        regex("\\[\\{\"key\":\"(\\d+)\",\"label\"").saveAs("rootCauseKey"))),
                                think(),
                                exec(post("manager: resolve", typeText("resolution", "Refunded the delivery fee and apologised") + ","
                                        + choose("rootCause", "#{rootCauseKey}") + "," + click("resolveConfirm"), noInvalidField())),
                                exec(post("manager: resolve dialog closed", dialogClosed("resolveDialog"))),
                                think())));
    }

    // EXECUTIVE: boards, period and unit changes, a drill-down
    private static ChainBuilder executiveJourney() {
        return exec(
                exec(session -> session.set("period", String.valueOf(1 + ThreadLocalRandom.current().nextInt(3)))),
                exec(navigate("executive: KPI board", "/kpi", optionalNodeOf("kpi-period-kind", "periodKind"), optionalNodeOf("kpi-unit", "unitPicker"),
                        optionalNodeOf("records-NPS", "npsRecords"))),
                think(),
                exec(post("executive: period", choose("periodKind", "#{period}"), optionalNodeOf("records-NPS", "npsRecords"))),
                think(),
                exec(post("executive: units", comboOpen("unitPicker"), regex("\\{\"key\":\"(\\d+)\",\"label\":\"[^\"]*region").findRandom().optional().saveAs("unitKey"))),
                exec(post("executive: unit", choose("unitPicker", "#{unitKey}"), optionalNodeOf("records-NPS", "npsRecords"))),
                think(),
                exec(post("executive: drill-down", click("npsRecords"), dialogNode("recordsDialog"))),
                think(),
                exec(post("executive: drill-down closed", dialogClosed("recordsDialog"))));
    }

    // A customer answering a survey link: open, score, comment, send
    private static ChainBuilder respondentJourney() {
        return exec(
                pageLoad("respondent: survey page", "s/#{token}", nodeOf("survey-nps-9", "score"), nodeOf("survey-comment", "comment"),
                        nodeOf("survey-send", "send")),
                think(),
                exec(post("respondent: score", click("score"))),
                think(),
                exec(post("respondent: comment and send", typeText("comment", "Quick delivery, friendly staff") + "," + click("send"),
                        noInvalidField(), nodeOf("survey-message", "thanks"))));
    }

    // An integration reading customers, their orders and complaints
    private static ChainBuilder apiCall() {
        return exec(searchTerm(),
                exec(http("api: customers search").get("/api/v1/customers?q=#{search}&size=20")
                        .header("Authorization", "Bearer #{apiToken}")
                        .check(status().is(200), jsonPath("$.items[0].id").optional().saveAs("customerId"))),
                doIf(session -> session.contains("customerId")).then(
                        exec(http("api: orders of a customer").get("/api/v1/orders?customerId=#{customerId}&size=20")
                                .header("Authorization", "Bearer #{apiToken}").check(status().is(200)))));
    }

    private static ScenarioBuilder signedIn(String role, ChainBuilder journey) {
        return scenario(role).feed(csv(DATA.resolve(role + ".csv").toString()).circular())
                .exec(login(role))
                .exec(asLongAs(session -> System.currentTimeMillis() < END).on(exitBlockOnFail().on(journey),
                        // a failed round: think, then leave the view it stopped on (navigating to the view the UI is
                        // already on renders nothing, so the next round would fail at once, again and again)
                        doIf(Session::isFailed).then(exec(Session::markAsSucceeded), think(),
                                exec(navigate(role + ": home after a failed round", "", optionalNodeOf("kpi-period-kind", "periodKind"))))));
    }

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        int staff = share("staff");
        int managers = share("manager");
        int executives = share("executive");
        int respondents = share("respondent");
        if (staff > 0) {
            populations.add(signedIn("staff", staffJourney()).injectOpen(rampUsers(staff).during(RAMP)));
        }
        if (managers > 0) {
            populations.add(signedIn("manager", managerJourney()).injectOpen(rampUsers(managers).during(RAMP)));
        }
        if (executives > 0) {
            populations.add(signedIn("executive", executiveJourney()).injectOpen(rampUsers(executives).during(RAMP)));
        }
        if (respondents > 0) {
            // a respondent answers once and leaves; as many arrive as leave, so that about this many are on the page at once
            FeederBuilder<String> links = csv(DATA.resolve("survey-links.csv").toString()).queue();
            populations.add(scenario("respondent").exec(asLongAs(session -> System.currentTimeMillis() < END).on(
                            exec(session -> session.removeAll("score", "comment", "send", "thanks")).feed(links)
                                    .exec(exitBlockOnFail().on(respondentJourney())).exec(flushCookieJar())))
                    .injectOpen(rampUsers(respondents).during(RAMP)));
        }
        if (API_RATE > 0) {
            String token = readToken();
            populations.add(scenario("api").exec(session -> session.set("apiToken", token)).exec(apiCall())
                    .injectOpen(rampUsers((int) Math.max(1, API_RATE * RAMP / 2)).during(RAMP),
                            constantUsersPerSec(API_RATE).during(HOLD)));
        }
        setUp(populations).protocols(httpProtocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static io.gatling.javaapi.core.ActionBuilder flushCookieJar() {
        return io.gatling.javaapi.http.HttpDsl.flushCookieJar();
    }

    private static int share(String role) {
        int total = MIX.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : Math.round(USERS * MIX.getOrDefault(role, 0) / (float) total);
    }

    private static Map<String, Integer> mix(String spec) {
        Map<String, Integer> mix = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length == 2) {
                mix.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            }
        }
        return mix;
    }

    private static String readToken() {
        String fromProperty = System.getProperty("load.apiToken", "");
        if (!fromProperty.isBlank()) {
            return fromProperty.trim();
        }
        try (Stream<String> lines = Files.lines(DATA.resolve("api-token.txt"))) {
            Iterator<String> it = lines.iterator();
            return it.next().trim();
        } catch (IOException e) {
            throw new IllegalStateException("No API token: pass -Dload.apiToken or run the preparation (api-token.txt)", e);
        }
    }
}
