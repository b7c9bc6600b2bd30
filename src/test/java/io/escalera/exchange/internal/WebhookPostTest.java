package io.escalera.exchange.internal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The POST goes to the address that was checked, names the host it is for, and keeps nothing of the answer's body. */
class WebhookPostTest {

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " event=" + exchange.getRequestHeaders().getFirst("X-Escalera-Event")
                    + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] page = "<html>an error page with internal details</html>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithTheHostNameItIsFor() throws Exception {
        int port = receiver.getAddress().getPort();
        // "hook.invalid" resolves nowhere (.invalid is reserved): the request can only arrive through the pinned address
        WebhookTargets.Target target = new WebhookTargets.Target(URI.create("http://hook.invalid:" + port + "/hook?a=1"),
                "hook.invalid", port, false, InetAddress.getByName("127.0.0.1"));

        int status = WebhookPost.send(target, Map.of("X-Escalera-Event", "complaint.opened"), "{\"ñ\":1}",
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThat(status).isEqualTo(500);
        assertThat(received).containsExactly("POST /hook?a=1 host=hook.invalid:" + port + " event=complaint.opened body={\"ñ\":1}");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheAttempt() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            WebhookTargets.Target target = new WebhookTargets.Target(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                    "127.0.0.1", silent.getLocalPort(), false, InetAddress.getByName("127.0.0.1"));
            assertThatThrownBy(() -> WebhookPost.send(target, Map.of(), "{}", Duration.ofSeconds(1), Duration.ofMillis(300)))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
