package io.escalera.exchange;

import com.sun.net.httpserver.HttpServer;
import io.escalera.admin.UnitKind;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.customer.CustomerDetails;
import io.escalera.exchange.internal.WebhookDispatcher;
import io.escalera.security.SystemUser;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestAnswers;
import io.escalera.support.TestClock;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhooks sent to a receiver on this machine: signed, one per subscribed event, retried, logged. */
@EscaleraTest
class WebhooksTest {

    private static final String SECRET = "a-shared-secret-of-the-receiver";

    @Autowired Webhooks webhooks;
    @Autowired WebhookDispatcher dispatcher;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestComplaints testComplaints;
    @Autowired TestAnswers testAnswers;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private volatile String answerBody = "";
    private final List<Long> endpoints = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] page = answerBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), page.length == 0 ? -1 : page.length);
            if (page.length > 0) {
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        endpoints.forEach(id -> SystemUser.run(() -> webhooks.delete(id)));
        clock.reset();
    }

    private WebhookEndpoint endpoint(EnumSet<WebhookEvent> events) {
        WebhookForm form = new WebhookForm();
        form.setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        form.setSecret(SECRET);
        form.setEvents(events);
        WebhookEndpoint endpoint = SystemUser.call(() -> webhooks.create(form));
        endpoints.add(endpoint.id());
        return endpoint;
    }

    private List<WebhookDelivery> log(WebhookEndpoint endpoint) {
        return SystemUser.call(() -> webhooks.deliveries(endpoint.id(), 0, 50));
    }

    @Test
    void anOpenedCaseIsPostedSignedToTheReceiverSubscribedToCasesAndAnAnswerIsNot() throws Exception {
        WebhookEndpoint complaintsOnly = endpoint(EnumSet.of(WebhookEvent.COMPLAINT_OPENED, WebhookEvent.COMPLAINT_RESOLVED));
        CustomerDetails customer = testCustomers.newCustomer(testUsers.newUnit(UnitKind.STORE));

        ComplaintDetails opened = testComplaints.openFor(customer);
        testAnswers.nps(customer, 10);
        AfterCommitListeners.await(jdbc, "io.escalera.exchange");
        dispatcher.deliverDue();

        assertThat(received).hasSize(1);
        Received post = received.getFirst();
        assertThat(post.header("X-Escalera-Event")).isEqualTo("complaint.opened");
        JsonNode body = JsonMapper.builder().build().readTree(post.body());
        assertThat(body.get("type").asString()).isEqualTo("complaint.opened");
        assertThat(body.get("data").get("caseId").asLong()).isEqualTo(opened.id());
        assertThat(body.get("data").get("customerId").asLong()).isEqualTo(customer.id());
        long now = Instant.now().getEpochSecond();
        String signature = post.header(WebhookSignature.HEADER);
        assertThat(WebhookSignature.verify(SECRET, signature, post.body(), now, 300)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-entirely", signature, post.body(), now, 300)).isFalse();
        assertThat(post.body()).contains("\"caseId\":" + opened.id());
        assertThat(WebhookSignature.verify(SECRET, signature, post.body().replace("\"caseId\":" + opened.id(), "\"caseId\":" + (opened.id() + 1)), now, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, signature, post.body(), now + 3600, 300)).as("an old delivery replayed").isFalse();

        assertThat(log(complaintsOnly)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.lastStatus()).isEqualTo(204);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(post.header("X-Escalera-Delivery")).isEqualTo(String.valueOf(d.id()));
        });
        // sent once: nothing is due any more
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPausesThenGivenUpAndCanBeRetriedByHand() throws Exception {
        WebhookEndpoint detractors = endpoint(EnumSet.of(WebhookEvent.DETRACTOR_DETECTED));
        CustomerDetails customer = testCustomers.newCustomer(testUsers.newUnit(UnitKind.STORE));
        answer.set(500);
        clock.freeze();

        testAnswers.nps(customer, 2);
        AfterCommitListeners.await(jdbc, "io.escalera.exchange");
        dispatcher.deliverDue();

        WebhookDelivery first = log(detractors).getFirst();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().header("X-Escalera-Event")).isEqualTo("feedback.detractor-detected");
        assertThat(first.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(first.lastStatus()).isEqualTo(500);
        assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));

        dispatcher.deliverDue();
        assertThat(received).as("not due before its pause is over").hasSize(1);
        clock.advance(Duration.ofSeconds(31));
        dispatcher.deliverDue();
        WebhookDelivery second = log(detractors).getFirst();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt())).isEqualTo(Duration.ofMinutes(1));

        for (int attempt = 3; attempt <= WebhookDispatcher.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(7));
            dispatcher.deliverDue();
        }
        WebhookDelivery givenUp = log(detractors).getFirst();
        assertThat(givenUp.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(givenUp.attempts()).isEqualTo(WebhookDispatcher.MAX_ATTEMPTS);
        assertThat(givenUp.lastError()).contains("500");
        clock.advance(Duration.ofHours(7));
        dispatcher.deliverDue();
        assertThat(received).hasSize(WebhookDispatcher.MAX_ATTEMPTS);

        answer.set(200);
        SystemUser.run(() -> webhooks.retry(givenUp.id()));
        dispatcher.deliverDue();
        assertThat(log(detractors).getFirst().status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(received).hasSize(WebhookDispatcher.MAX_ATTEMPTS + 1);
    }

    @Test
    void anEndpointNeedsAnHttpUrlALongSecretAndAnEvent() {
        WebhookForm form = new WebhookForm();
        form.setUrl("ftp://example.com/hook");
        form.setSecret("short");
        form.setEvents(EnumSet.noneOf(WebhookEvent.class));
        assertThatThrownBy(() -> SystemUser.call(() -> webhooks.create(form))).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field)
                        .containsExactlyInAnyOrder("url", "secret", "events"));
    }

    private WebhookForm form(String url) {
        WebhookForm form = new WebhookForm();
        form.setUrl(url);
        form.setSecret(SECRET);
        form.setEvents(EnumSet.allOf(WebhookEvent.class));
        return form;
    }

    @Test
    void aReceiverInsideTheNetworkIsRefusedWhenSavedUnlessItsHostIsAllowedByName() {
        int port = receiver.getAddress().getPort();
        int databasePort = jdbc.sql("SELECT @@port").query(Integer.class).single();
        for (String url : List.of("http://localhost:" + port + "/hook", "http://[::1]:" + port + "/hook", "http://127.0.0.2:" + port + "/hook",
                "http://10.0.0.1/hook", "http://172.20.1.1/hook", "http://192.168.1.20/hook", "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/hook", "http://[fd00::1]/hook", "http://224.0.0.251/hook", "http://0.0.0.0:" + port + "/hook",
                "http://127.0.0.1:" + databasePort + "/")) {
            assertThatThrownBy(() -> SystemUser.call(() -> webhooks.create(form(url)))).as(url)
                    .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldErrorsException.FieldError("url", "webhook.url.internal")));
        }
        WebhookEndpoint allowed = SystemUser.call(() -> webhooks.create(form("http://127.0.0.1:" + port + "/hook")));
        endpoints.add(allowed.id());
        assertThatThrownBy(() -> SystemUser.call(() -> webhooks.update(allowed.id(), form("http://10.0.0.1/hook"))))
                .as("an update is checked too").isInstanceOf(FieldErrorsException.class);
    }

    @Test
    void aReceiverThatResolvesInsideWhenDeliveredIsNotContacted() throws Exception {
        // saved before the check existed (or resolving elsewhere since): localhost is not on the allowed list
        WebhookEndpoint allowed = endpoint(EnumSet.of(WebhookEvent.COMPLAINT_OPENED));
        jdbc.sql("UPDATE webhook_endpoint SET url = ? WHERE id = ?")
                .params("http://localhost:" + receiver.getAddress().getPort() + "/hook", allowed.id()).update();
        CustomerDetails customer = testCustomers.newCustomer(testUsers.newUnit(UnitKind.STORE));

        testComplaints.openFor(customer);
        AfterCommitListeners.await(jdbc, "io.escalera.exchange");
        dispatcher.deliverDue();

        assertThat(received).isEmpty();
        assertThat(log(allowed)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(d.lastStatus()).isNull();
            // localhost is both loopback and, here, the database server's address
            assertThat(d.lastError()).startsWith("Refused: localhost resolves to").contains("127.0.0.1");
        });
    }

    @Test
    void aFailedAnswerIsLoggedByItsStatusAloneNotByItsBody() throws Exception {
        WebhookEndpoint endpoint = endpoint(EnumSet.of(WebhookEvent.COMPLAINT_OPENED));
        answer.set(502);
        answerBody = "<html>upstream db-7.internal:5432 password=hunter2</html>";
        CustomerDetails customer = testCustomers.newCustomer(testUsers.newUnit(UnitKind.STORE));

        testComplaints.openFor(customer);
        AfterCommitListeners.await(jdbc, "io.escalera.exchange");
        dispatcher.deliverDue();

        assertThat(received).hasSize(1);
        assertThat(log(endpoint)).singleElement().satisfies(d -> {
            assertThat(d.lastStatus()).isEqualTo(502);
            assertThat(d.lastError()).isEqualTo("HTTP 502");
        });
    }

    @Test
    void answerBodiesLoggedBeforeAreCutToTheirStatusByTheChangeset() throws Exception {
        WebhookEndpoint endpoint = endpoint(EnumSet.of(WebhookEvent.COMPLAINT_OPENED));
        jdbc.sql("""
                        INSERT INTO webhook_delivery (endpoint_id, event_type, payload, status, attempts, created_at, next_attempt_at,
                                                      last_status, last_error)
                        VALUES (?, 'complaint.opened', '{}', 'FAILED', 8, NOW(3), NOW(3), ?, ?), (?, 'complaint.opened', '{}', 'FAILED', 8, NOW(3), NOW(3), NULL, ?)""")
                .params(endpoint.id(), 500, "HTTP 500: <html>stack trace: at db-7</html>", endpoint.id(), "ConnectException: refused").update();
        String changeset = java.nio.file.Files.readString(java.nio.file.Path.of("db/changelog/exchange/004-webhook-log-without-answer-bodies.yaml"));
        String sql = changeset.substring(changeset.indexOf("sql: ") + 5).strip();

        jdbc.sql(sql).update();

        assertThat(log(endpoint)).extracting(WebhookDelivery::lastError).containsExactlyInAnyOrder("HTTP 500", "ConnectException: refused");
    }
}
