package io.escalera.security;

import io.escalera.security.internal.LoginThrottle;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Login over real HTTP, as the browser does it: form post with the CSRF token from the page. */
@EscaleraTest
class LoginHttpTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> usernamesTried = new ArrayList<>();

    @AfterEach
    void forgetAttempts() {
        // Every test request comes from 127.0.0.1: leave no failures behind that could lock out later tests.
        usernamesTried.forEach(u -> jdbc.sql("DELETE FROM login_attempt WHERE username = ?").param(LoginThrottle.key(u)).update());
    }

    @Test
    void loginGivesANewSessionIdAndLogoutEndsTheSession() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String token = csrfTokenOf(get("/login"));
        String before = sessionId();

        HttpResponse<String> login = login(staff.username(), TestUsers.PASSWORD, token);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = post("/logout", "_csrf=" + enc(csrfTokenOf(home)));
        assertThat(logout.statusCode()).isEqualTo(302);
        // The old session id is dead: presenting it again leads back to the login page.
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(URI.create(base()), sessionCookie(after));
        HttpResponse<String> again = get("/");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWithTheSameMessage() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = login(staff.username(), "wrong-password-" + i, csrfTokenOf(get("/login")));
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
        HttpResponse<String> right = login(staff.username(), TestUsers.PASSWORD, csrfTokenOf(get("/login")));
        assertThat(right.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(get("/").statusCode()).isEqualTo(302);

        List<String> audited = jdbc.sql("SELECT action FROM audit_event WHERE record_type = 'user' AND record_id = ? ORDER BY id")
                .param(staff.username().toLowerCase()).query(String.class).list();
        assertThat(audited).containsSubsequence("LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE",
                "LOGIN_FAILURE", "LOGIN_THROTTLED");
    }

    @Test
    void aUsernameOfAnyLengthGetsTheLoginErrorNotAServerError() throws Exception {
        for (int length : new int[] {61, 300, 5000}) {
            HttpResponse<String> login = login("u".repeat(length), "some-password-" + length, csrfTokenOf(get("/login")));
            assertThat(login.statusCode()).as("%d characters", length).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(staff.id()).update();
        HttpResponse<String> login = login(staff.username(), TestUsers.PASSWORD, csrfTokenOf(get("/login")));
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }

    @Test
    void healthIsOpenWithoutDetailsAndOtherActuatorEndpointsNeedAnAdmin() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        // open to anyone, status only: UP, or DOWN (503) when the shared test JVM's clock, moved by other tests, makes
        // a recurring job look overdue — what this test proves is who may read what, not the jobs' state
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).containsPattern("\"status\":\"(UP|DOWN)\"").doesNotContain("diskSpace").doesNotContain("db")
                .doesNotContain("jobs");
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(302);

        UserAccount manager = testUsers.newUser(Role.MANAGER);
        login(manager.username(), TestUsers.PASSWORD, csrfTokenOf(get("/login")));
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health").body()).doesNotContain("jobs");

        cookies.getCookieStore().removeAll();
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        login(admin.username(), TestUsers.PASSWORD, csrfTokenOf(get("/login")));
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).as("the recurring jobs, for ADMIN").contains("\"jobs\"").contains("lastSuccess");
    }

    private HttpResponse<String> login(String username, String password, String token) throws Exception {
        usernamesTried.add(username);
        return post("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static HttpCookie sessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    private static String csrfTokenOf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("page carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
