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

    @Test
    void aReceiverThatTricklesItsTlsHandshakeIsCutOffAtTheTotalDeadline() throws Exception {
        try (var trickler = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (var client = trickler.accept(); OutputStream out = client.getOutputStream()) {
                    // a TLS handshake record announced as 16 KiB, then one byte every 50 ms: each read is quick, the whole takes 14 min
                    out.write(new byte[]{0x16, 0x03, 0x03, 0x40, 0x00});
                    for (int i = 0; i < 16_384; i++) {
                        out.write(0);
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up: what the test expects
                }
            });
            WebhookTargets.Target target = new WebhookTargets.Target(URI.create("https://127.0.0.1:" + trickler.getLocalPort() + "/"),
                    "127.0.0.1", trickler.getLocalPort(), true, InetAddress.getByName("127.0.0.1"));
            long start = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> WebhookPost.send(target, Map.of(), "{}", Duration.ofSeconds(1), Duration.ofSeconds(1)))
                            .isInstanceOf(java.net.SocketTimeoutException.class));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            server.interrupt();
        }
    }

    @Test
    void overHttpsTheCertificateIsCheckedAgainstTheUrlsHostNameNotThePinnedAddress(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // a certificate for hook.test only, trusted by this test alone
        java.nio.file.Path store = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hook.test",
                "-ext", "SAN=dns:hook.test", "-validity", "2", "-keystore", store.toString(), "-storepass", "changeit",
                "-storetype", "PKCS12").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        java.security.KeyStore keys = java.security.KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
        javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, "changeit".toCharArray());
        javax.net.ssl.TrustManagerFactory trustManagers = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(keys);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        com.sun.net.httpserver.HttpsServer secure = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secure.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        secure.createContext("/hook", exchange -> {
            received.add("host=" + exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        secure.start();
        try {
            int port = secure.getAddress().getPort();
            InetAddress pinned = InetAddress.getByName("127.0.0.1");
            WebhookTargets.Target right = new WebhookTargets.Target(URI.create("https://hook.test:" + port + "/hook"), "hook.test", port, true, pinned);
            WebhookTargets.Target wrong = new WebhookTargets.Target(URI.create("https://other.test:" + port + "/hook"), "other.test", port, true, pinned);

            assertThat(WebhookPost.send(right, Map.of(), "{}", Duration.ofSeconds(2), Duration.ofSeconds(5), tls.getSocketFactory())).isEqualTo(204);
            assertThat(received).containsExactly("host=hook.test:" + port);
            assertThatThrownBy(() -> WebhookPost.send(wrong, Map.of(), "{}", Duration.ofSeconds(2), Duration.ofSeconds(5), tls.getSocketFactory()))
                    .as("a certificate for another name").isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            assertThatThrownBy(() -> WebhookPost.send(right, Map.of(), "{}", Duration.ofSeconds(2), Duration.ofSeconds(5)))
                    .as("a certificate the system does not trust").isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            assertThat(received).hasSize(1);
        } finally {
            secure.stop(0);
        }
    }
}
