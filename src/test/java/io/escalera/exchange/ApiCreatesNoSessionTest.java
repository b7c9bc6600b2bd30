package io.escalera.exchange;

import io.escalera.admin.UnitKind;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30 (found by the load harness): the REST API is stateless in every answer, errors included. A refusal or an
 * error that Tomcat dispatches to {@code /error} went through the screens' filter chain, which answered 302 to
 * {@code /login} and made an HTTP session (with the request saved in it) for every such call — thousands under load.
 * Every answer here must be a problem detail with the right status, and no call may set a cookie.
 */
@EscaleraTest
class ApiCreatesNoSessionTest {

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired TestUsers testUsers;

    /** No cookie handler and no redirects: every Set-Cookie and every 302 is seen. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aValidTokensCallsSetNoCookieAndTheirErrorsAreProblemDetails() throws Exception {
        String token = token(Role.STAFF);
        assertStatelessAnswer(call("GET", "/api/v1/customers?size=1", token), 200, "application/json");
        assertStatelessProblem(call("GET", "/api/v1/no-such-resource", token), 404);
        assertStatelessProblem(call("DELETE", "/api/v1/customers", token), 405);
        assertStatelessProblem(call("GET", "/api/v1/interactions", token), 403);
        assertStatelessProblem(call("GET", "/api/v1/customers?size=not-a-number", token), 400);
    }

    @Test
    void callsWithoutOrWithAnInvalidTokenSetNoCookieAndAre401Problems() throws Exception {
        assertStatelessProblem(call("GET", "/api/v1/customers", null), 401);
        assertStatelessProblem(call("GET", "/api/v1/customers", "esc_not-a-real-token"), 401);
        assertStatelessProblem(call("GET", "/api/v1/no-such-resource", null), 401);
        assertStatelessProblem(call("GET", "/api/v1/no-such-resource", "esc_not-a-real-token"), 401);
    }

    private static void assertStatelessProblem(HttpResponse<String> answer, int status) {
        assertStatelessAnswer(answer, status, "application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("status").asInt()).as(answer.uri() + " problem status").isEqualTo(status);
        assertThat(problem.get("title").asString()).as(answer.uri() + " problem title").isNotBlank();
    }

    private static void assertStatelessAnswer(HttpResponse<String> answer, int status, String contentType) {
        assertThat(answer.headers().allValues("Set-Cookie")).as(answer.request().method() + " " + answer.uri() + " sets no cookie; answered "
                + answer.statusCode() + " " + answer.headers().map() + " " + answer.body().substring(0, Math.min(300, answer.body().length()))).isEmpty();
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri() + " → " + answer.headers().map()
                + " " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.uri() + " content type").startsWith(contentType);
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(Role role) {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("stateless-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(role);
        form.setUnitId(testUsers.newUnit(UnitKind.STORE));
        form.setExpiresOn(LocalDate.now().plusDays(30));
        return SystemUser.call(() -> tokens.issue(form)).secret();
    }
}
