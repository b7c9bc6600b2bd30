package io.escalera.security;

import io.escalera.admin.UnitKind;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers every answer carries, and who may read the API description, over real HTTP. */
@EscaleraTest
class SecurityHeadersHttpTest {

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired TestUsers testUsers;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAContentSecurityPolicyVaadinRunsUnderThatAllowsFramingOnlyByThisOrigin() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElse(login.headers().map().toString());
        assertThat(csp).contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'", "frame-ancestors 'self'", "object-src 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void apiAnswersCarryTheSameHeaders() throws Exception {
        HttpResponse<String> refused = get("/api/v1/customers", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'");
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    @Test
    void theApiDescriptionNeedsAValidApiToken() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", "not-a-token").statusCode()).isEqualTo(401);

        String token = token();
        assertThat(get("/v3/api-docs", token).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html", token).statusCode()).isEqualTo(200);
    }

    private String token() {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("docs-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(Role.STAFF);
        form.setUnitId(testUsers.newUnit(UnitKind.STORE));
        form.setExpiresOn(LocalDate.now().plusDays(30));
        return SystemUser.call(() -> tokens.issue(form)).secret();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
