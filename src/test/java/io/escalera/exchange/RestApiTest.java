package io.escalera.exchange;

import io.escalera.customer.CustomerDetails;
import io.escalera.security.ApiToken;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import io.escalera.admin.UnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API over real HTTP, as a shop system calls it: API tokens (role and unit scope, expiry, revocation, rate
 * limit), every resource's create/read/list, and the problem details of each refusal.
 */
@EscaleraTest
class RestApiTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;
    @Autowired io.escalera.complaint.RootCauseService rootCauses;

    private final HttpClient http = HttpClient.newHttpClient();

    private String token(Role role, long unitId) {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("shop-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(role);
        form.setUnitId(unitId);
        form.setExpiresOn(LocalDate.now().plusDays(30));
        return SystemUser.call(() -> tokens.issue(form)).secret();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String customerJson(String code, String name, long unitId) {
        return """
                {"externalCode": "%s", "name": "%s", "email": "%s@example.com", "homeUnitId": %d, "acquisitionChannel": "WEB"}"""
                .formatted(code, name, code.toLowerCase(), unitId);
    }

    private static String code() {
        return "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aCustomerCreatedThroughTheApiIsReadBackListedAndUpdatedWithItsVersion() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        String token = token(Role.STAFF, unit);
        String code = code();

        HttpResponse<String> created = call("POST", "/api/v1/customers", token, customerJson(code, "Ada Api", unit));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/customers/" + id);
        assertThat(jdbc.sql("SELECT updated_by FROM customer WHERE id = ?").param(id).query(String.class).single())
                .startsWith("api:shop-");

        JsonNode read = json(call("GET", "/api/v1/customers/" + id, token, null));
        assertThat(read.get("externalCode").asString()).isEqualTo(code);
        assertThat(read.get("acquisitionChannel").asString()).isEqualTo("WEB");

        JsonNode list = json(call("GET", "/api/v1/customers?q=" + code + "&size=10", token, null));
        assertThat(list.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(id);
        assertThat(list.get("hasMore").asBoolean()).isFalse();

        String update = customerJson(code, "Ada Renamed", unit).replace("}", ", \"version\": " + read.get("version").asLong() + "}");
        HttpResponse<String> updated = call("PUT", "/api/v1/customers/" + id, token, update);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("name").asString()).isEqualTo("Ada Renamed");

        // the same (now stale) version again: someone changed it meanwhile
        HttpResponse<String> stale = call("PUT", "/api/v1/customers/" + id, token, update.replace("Renamed", "Again"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(stale).get("status").asInt()).isEqualTo(409);
    }

    @Test
    void badInputIsA400ProblemNamingEachFieldInTheCallersLanguageAndStoresNothing() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        String token = token(Role.STAFF, unit);
        String code = code();
        String body = """
                {"externalCode": "%s", "name": " ", "email": "not-an-address", "homeUnitId": %d}""".formatted(code, unit);

        HttpResponse<String> refused = call("POST", "/api/v1/customers", token, body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(refused).get("errors")).extracting(n -> n.get("field").asString()).containsExactlyInAnyOrder("name", "email");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE external_code = ?").param(code).query(Long.class).single()).isZero();

        HttpResponse<String> malformed = call("POST", "/api/v1/customers", token, "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("status").asInt()).isEqualTo(400);

        HttpResponse<String> badPage = call("GET", "/api/v1/customers?size=5000", token, null);
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(json(badPage).get("errors").get(0).get("field").asString()).isEqualTo("size");

        HttpResponse<String> badEnum = call("GET", "/api/v1/customers?channel=PIGEON", token, null);
        assertThat(badEnum.statusCode()).isEqualTo(400);

        // a rule only the service checks (a duplicate external code), in Spanish when asked for
        call("POST", "/api/v1/customers", token, customerJson(code, "First", unit));
        HttpRequest duplicate = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "es").POST(HttpRequest.BodyPublishers.ofString(customerJson(code, "Second", unit))).build();
        HttpResponse<String> taken = http.send(duplicate, HttpResponse.BodyHandlers.ofString());
        assertThat(taken.statusCode()).isEqualTo(400);
        JsonNode error = json(taken).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("externalCode");
        assertThat(error.get("message").asString()).doesNotStartWith("customer.").isNotBlank();
    }

    @Test
    void withoutAValidTokenEveryCallIs401AndAnExpiredOrRevokedTokenStopsWorking() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        assertThat(call("GET", "/api/v1/customers", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = call("GET", "/api/v1/customers", "esc_not-a-real-token", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(unknown).get("status").asInt()).isEqualTo(401);

        String revoked = token(Role.STAFF, unit);
        assertThat(call("GET", "/api/v1/customers", revoked, null).statusCode()).isEqualTo(200);
        ApiToken issued = SystemUser.call(() -> tokens.list()).stream()
                .filter(t -> t.prefix().equals(revoked.substring(0, 12))).findFirst().orElseThrow();
        assertThat(issued.lastUsedAt()).isNotNull();
        SystemUser.run(() -> tokens.revoke(issued.id()));
        assertThat(call("GET", "/api/v1/customers", revoked, null).statusCode()).isEqualTo(401);

        String expired = token(Role.STAFF, unit);
        jdbc.sql("UPDATE api_token SET expires_at = NOW() - INTERVAL 1 MINUTE WHERE token_prefix = ?")
                .param(expired.substring(0, 12)).update();
        assertThat(call("GET", "/api/v1/customers", expired, null).statusCode()).isEqualTo(401);

        // only the hash is stored
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR token_prefix = ?")
                .params(expired, expired).query(Long.class).single()).isZero();
    }

    @Test
    void aTokensRoleLimitsWhatItMayDo() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        String executive = token(Role.EXECUTIVE, unit);
        HttpResponse<String> create = call("POST", "/api/v1/customers", executive, customerJson(code(), "Nope", unit));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(json(create).get("status").asInt()).isEqualTo(403);

        String staff = token(Role.STAFF, unit);
        // listing every interaction is for managers and up
        assertThat(call("GET", "/api/v1/interactions", staff, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/interactions", token(Role.MANAGER, unit), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aUnitScopedTokenCannotReadAnotherUnitsCaseCustomerOrAnswer() throws Exception {
        long mine = testUsers.newUnit(UnitKind.STORE);
        long theirs = testUsers.newUnit(UnitKind.STORE);
        String theirToken = token(Role.STAFF, theirs);
        String myToken = token(Role.STAFF, mine);
        CustomerDetails customer = testCustomers.newCustomer(theirs);

        HttpResponse<String> opened = call("POST", "/api/v1/complaints", theirToken, """
                {"customerId": %d, "channel": "EMAIL", "category": "DEFECTIVE_PRODUCT", "severity": "HIGH", "description": "Broken on arrival"}"""
                .formatted(customer.id()));
        assertThat(opened.statusCode()).isEqualTo(201);
        long caseId = json(opened).get("id").asLong();
        HttpResponse<String> answered = call("POST", "/api/v1/feedback", theirToken, """
                {"customerId": %d, "kind": "NPS", "score": 9, "touchpoint": "RELATIONSHIP"}""".formatted(customer.id()));
        long answerId = json(answered).get("id").asLong();

        assertThat(call("GET", "/api/v1/complaints/" + caseId, theirToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> hidden = call("GET", "/api/v1/complaints/" + caseId, myToken, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(json(hidden).get("status").asInt()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/customers/" + customer.id(), myToken, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/feedback/" + answerId, myToken, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/complaints?size=200", myToken, null)).get("items"))
                .extracting(n -> n.get("id").asLong()).doesNotContain(caseId);
        assertThat(json(call("GET", "/api/v1/complaints?size=200", theirToken, null)).get("items"))
                .extracting(n -> n.get("id").asLong()).contains(caseId);
    }

    @Test
    void ordersInteractionsCasesAndAnswersAreCreatedAndReadThroughTheApi() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        String staff = token(Role.STAFF, unit);
        CustomerDetails customer = testCustomers.newCustomer(unit);

        HttpResponse<String> order = call("POST", "/api/v1/orders", staff, """
                {"externalId": "%s", "customerId": %d, "orderDate": "%s", "channel": "WEB", "unitId": %d,
                 "grossAmount": 120.50, "discount": 20.50}""".formatted(code(), customer.id(), LocalDate.now().minusDays(2), unit));
        assertThat(order.statusCode()).isEqualTo(201);
        long orderId = json(order).get("id").asLong();
        assertThat(json(call("GET", "/api/v1/orders?customerId=" + customer.id(), staff, null)).get("items"))
                .extracting(n -> n.get("id").asLong()).containsExactly(orderId);
        assertThat(json(call("GET", "/api/v1/orders/" + orderId, staff, null)).get("grossAmount").decimalValue())
                .isEqualByComparingTo("120.50");
        HttpResponse<String> negative = call("POST", "/api/v1/orders", staff, """
                {"externalId": "%s", "customerId": %d, "orderDate": "%s", "channel": "WEB", "unitId": %d, "grossAmount": -5}"""
                .formatted(code(), customer.id(), LocalDate.now(), unit));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative).get("errors")).extracting(n -> n.get("field").asString()).contains("grossAmount");

        long reasonId = jdbc.sql("SELECT id FROM interaction_reason WHERE retired = FALSE ORDER BY id LIMIT 1").query(Long.class).single();
        HttpResponse<String> logged = call("POST", "/api/v1/interactions", staff, """
                {"customerId": %d, "channel": "CHAT", "direction": "IN", "reasonId": %d, "summary": "Asked about delivery",
                 "minutes": 4}""".formatted(customer.id(), reasonId));
        assertThat(logged.statusCode()).isEqualTo(201);
        assertThat(json(call("GET", "/api/v1/interactions/" + json(logged).get("id").asLong(), staff, null)).get("summary").asString())
                .isEqualTo("Asked about delivery");

        HttpResponse<String> opened = call("POST", "/api/v1/complaints", staff, """
                {"customerId": %d, "channel": "CHAT", "category": "LATE_DELIVERY", "severity": "MEDIUM", "orderId": %d,
                 "description": "Late again"}""".formatted(customer.id(), orderId));
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode complaint = json(opened);
        long rootCause = SystemUser.call(() -> rootCauses.choosable()).getFirst().id();
        HttpResponse<String> taken = call("POST", "/api/v1/complaints/" + complaint.get("id").asLong() + "/take", staff,
                "{\"version\": " + complaint.get("version").asLong() + "}");
        assertThat(taken.statusCode()).isEqualTo(200);
        HttpResponse<String> working = call("POST", "/api/v1/complaints/" + complaint.get("id").asLong() + "/status", staff,
                "{\"version\": " + json(taken).get("version").asLong() + ", \"status\": \"IN_PROGRESS\"}");
        assertThat(working.statusCode()).as(working.body()).isEqualTo(200);
        complaint = json(working);
        HttpResponse<String> resolved = call("POST", "/api/v1/complaints/" + complaint.get("id").asLong() + "/resolution", staff, """
                {"version": %d, "resolution": "Refunded the shipping", "rootCauseId": %d}"""
                .formatted(complaint.get("version").asLong(), rootCause));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(json(resolved).get("status").asString()).isEqualTo("RESOLVED");
        HttpResponse<String> again = call("POST", "/api/v1/complaints/" + complaint.get("id").asLong() + "/resolution", staff, """
                {"version": %d, "resolution": "Twice", "rootCauseId": %d}""".formatted(complaint.get("version").asLong(), rootCause));
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<String> answer = call("POST", "/api/v1/feedback", staff, """
                {"customerId": %d, "kind": "NPS", "score": 3, "touchpoint": "AFTER_PURCHASE", "comment": "Slow", "orderId": %d}"""
                .formatted(customer.id(), orderId));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(json(answer).get("source").asString()).isEqualTo("API");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_follow_up WHERE feedback_id = ?").param(json(answer).get("id").asLong())
                .query(Long.class).single()).as("a detractor's answer opens a follow-up").isEqualTo(1);
        HttpResponse<String> outOfRange = call("POST", "/api/v1/feedback", staff, """
                {"customerId": %d, "kind": "CSAT", "score": 9, "touchpoint": "RELATIONSHIP"}""".formatted(customer.id()));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(json(call("GET", "/api/v1/feedback?customerId=" + customer.id(), staff, null)).get("items"))
                .extracting(n -> n.get("score").asInt()).containsExactly(3);
    }

    @Test
    void aTokenOverItsRateLimitIsAnswered429WithRetryAfter() throws Exception {
        String token = token(Role.STAFF, testUsers.newUnit(UnitKind.STORE));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 400 && (last == null || last.statusCode() != 429); i++) {
            last = call("GET", "/api/v1/feedback?size=1", token, null);
            statuses.add(last.statusCode());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(statuses.subList(0, 300)).containsOnly(200);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(json(last).get("status").asInt()).isEqualTo(429);
        // another token is not held back by this one
        assertThat(call("GET", "/api/v1/feedback?size=1", token(Role.STAFF, testUsers.newUnit(UnitKind.STORE)), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionListsEveryResourceAndTheTokenScheme() throws Exception {
        String token = token(Role.STAFF, testUsers.newUnit(UnitKind.STORE));
        HttpResponse<String> docs = call("GET", "/v3/api-docs", token, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = json(docs);
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/customers", "/api/v1/customers/{id}", "/api/v1/orders",
                "/api/v1/interactions", "/api/v1/complaints", "/api/v1/complaints/{id}/resolution", "/api/v1/feedback");
        assertThat(api.get("components").get("securitySchemes").get("token").get("scheme").asString()).isEqualTo("bearer");
        assertThat(call("GET", "/swagger-ui/index.html", token, null).statusCode()).isEqualTo(200);
    }
}
