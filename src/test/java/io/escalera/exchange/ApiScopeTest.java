package io.escalera.exchange;

import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.ScopeWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit-scope rule over HTTP, for every resource of the REST API: a token of another region, and a token of the
 * sibling store, calling with the records of store A1 get 404 (or an empty page, or a 400 naming the field that points
 * at the record) and change nothing. Every API route must have a case here: a new route without one fails.
 */
@EscaleraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiScopeTest {

    @LocalServerPort int port;
    @Autowired ScopeWorld w;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> outsiders = new LinkedHashMap<>();
    private final Map<String, Function<String, HttpResponse<String>>> cases = new TreeMap<>();

    @BeforeAll
    void buildTheWorld() {
        w.build();
        outsiders.put("MANAGER token of region B", token(Role.MANAGER, w.regionB));
        outsiders.put("MANAGER token of the sibling store A2", token(Role.MANAGER, w.storeA2));
        long c = w.customer.id();
        long k = w.complaint.id();
        cases.put("GET /api/v1/customers", t -> emptyPage(call(t, "GET", "/api/v1/customers?unitId=" + w.storeA1, null)));
        cases.put("GET /api/v1/customers/{id}", t -> notFound(call(t, "GET", "/api/v1/customers/" + c, null)));
        cases.put("POST /api/v1/customers", t -> refusedOn("homeUnitId", call(t, "POST", "/api/v1/customers", """
                {"externalCode":"OUT-%s","name":"Outsider","homeUnitId":%d,"acquisitionChannel":"STORE"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), w.storeA1))));
        cases.put("PUT /api/v1/customers/{id}", t -> notFound(call(t, "PUT", "/api/v1/customers/" + c, """
                {"externalCode":"%s","name":"Changed","homeUnitId":%d,"acquisitionChannel":"STORE","version":%d}"""
                .formatted(w.customer.externalCode(), w.storeA1, w.customer.version()))));
        cases.put("GET /api/v1/orders", t -> {
            emptyPage(call(t, "GET", "/api/v1/orders?unitId=" + w.storeA1, null));
            return notFound(call(t, "GET", "/api/v1/orders?customerId=" + c, null));
        });
        cases.put("GET /api/v1/orders/{id}", t -> notFound(call(t, "GET", "/api/v1/orders/" + w.order.id(), null)));
        String order = """
                {"externalId":"OUT-%s","customerId":%d,"orderDate":"%s","channel":"STORE","unitId":%d,"grossAmount":10,
                 "discount":0,"returnedAmount":0,"version":%d}""";
        cases.put("POST /api/v1/orders", t -> refusedOn("customerId", call(t, "POST", "/api/v1/orders",
                order.formatted(UUID.randomUUID().toString().substring(0, 8), c, LocalDate.now(), w.storeA1, 0))));
        cases.put("PUT /api/v1/orders/{id}", t -> notFound(call(t, "PUT", "/api/v1/orders/" + w.order.id(),
                order.formatted(w.order.externalId(), c, w.order.orderDate(), w.storeA1, w.order.version()))));
        cases.put("GET /api/v1/interactions", t -> emptyPage(call(t, "GET", "/api/v1/interactions?unitId=" + w.storeA1, null)));
        cases.put("GET /api/v1/interactions/{id}", t -> notFound(call(t, "GET", "/api/v1/interactions/" + w.interaction.id(), null)));
        cases.put("POST /api/v1/interactions", t -> refusedOn("customerId", call(t, "POST", "/api/v1/interactions", """
                {"customerId":%d,"channel":"PHONE","direction":"IN","reasonId":%d,"summary":"outsider","minutes":1}"""
                .formatted(c, w.reasonId))));
        cases.put("GET /api/v1/complaints", t -> emptyPage(call(t, "GET", "/api/v1/complaints?unitId=" + w.storeA1, null)));
        cases.put("GET /api/v1/complaints/{id}", t -> notFound(call(t, "GET", "/api/v1/complaints/" + k, null)));
        cases.put("POST /api/v1/complaints", t -> refusedOn("customerId", call(t, "POST", "/api/v1/complaints", """
                {"customerId":%d,"channel":"PHONE","category":"OTHER","severity":"LOW","description":"outsider"}""".formatted(c))));
        String version = "{\"version\":%d}".formatted(w.complaint.version());
        cases.put("POST /api/v1/complaints/{id}/take", t -> notFound(call(t, "POST", "/api/v1/complaints/" + k + "/take", version)));
        cases.put("POST /api/v1/complaints/{id}/status", t -> notFound(call(t, "POST", "/api/v1/complaints/" + k + "/status",
                "{\"version\":%d,\"status\":\"IN_PROGRESS\"}".formatted(w.complaint.version()))));
        cases.put("POST /api/v1/complaints/{id}/resolution", t -> notFound(call(t, "POST", "/api/v1/complaints/" + k + "/resolution",
                "{\"version\":%d,\"resolution\":\"done\"}".formatted(w.complaint.version()))));
        cases.put("GET /api/v1/feedback", t -> emptyPage(call(t, "GET", "/api/v1/feedback?customerId=" + c, null)));
        cases.put("GET /api/v1/feedback/{id}", t -> notFound(call(t, "GET", "/api/v1/feedback/" + w.answer.id(), null)));
        cases.put("POST /api/v1/feedback", t -> refusedOn("customerId", call(t, "POST", "/api/v1/feedback", """
                {"customerId":%d,"kind":"NPS","score":10,"touchpoint":"RELATIONSHIP"}""".formatted(c))));
    }

    @Test
    void everyApiRouteHasAScopeCase() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(routes).as("API routes").hasSizeGreaterThan(15);
        assertThat(new TreeSet<>(cases.keySet())).isEqualTo(routes);
    }

    @TestFactory
    Stream<DynamicTest> aTokenOutsideTheUnitGetsNotFoundAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((route, scopeCase) -> outsiders.forEach((who, token) -> tests.add(DynamicTest.dynamicTest(route + " with a " + who, () -> {
            List<Map<String, Object>> before = checksums();
            scopeCase.apply(token);
            assertThat(checksums()).as("nothing changed").isEqualTo(before);
        }))));
        return tests.stream();
    }

    private String token(Role role, long unitId) {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("scope-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(role);
        form.setUnitId(unitId);
        form.setExpiresOn(LocalDate.now().plusDays(30));
        return SystemUser.call(() -> tokens.issue(form)).secret();
    }

    private HttpResponse<String> call(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> notFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        return response;
    }

    private static HttpResponse<String> emptyPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"items\":[]");
        return response;
    }

    private static HttpResponse<String> refusedOn(String field, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        return response;
    }

    private List<Map<String, Object>> checksums() {
        return jdbc.sql("CHECKSUM TABLE customer, customer_order, interaction, complaint_case, complaint_history, "
                + "compensation, feedback, loop_follow_up").query().listOfRows();
    }
}
