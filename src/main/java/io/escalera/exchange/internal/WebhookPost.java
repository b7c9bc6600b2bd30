package io.escalera.exchange.internal;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP/1.1 POST to a {@link WebhookTargets.Target checked target}, over a socket connected to the checked address
 * itself — {@code java.net.http.HttpClient} resolves the host name again on its own and cannot be given the address,
 * which would let a DNS answer that changes after the check (DNS rebinding) send the request inside. The request
 * still names the host (Host header), and for https the TLS handshake sends it (SNI) and checks the server's
 * certificate against it, as any client would. Only the status line of the answer is read: its body is neither read
 * nor kept. Redirects are not followed. The whole exchange (connecting, the TLS handshake, writing, the status line)
 * has a total deadline of the connect timeout plus the answer timeout: a receiver that trickles bytes cannot hold the
 * sending thread longer — the socket is closed at the deadline, whatever it is blocked in.
 */
final class WebhookPost {

    private static final int MAX_STATUS_LINE = 8192;

    /** Closes the sockets of exchanges that pass their total deadline (one daemon thread for all). */
    private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, work -> {
        Thread thread = new Thread(work, "webhook-deadline");
        thread.setDaemon(true);
        return thread;
    });

    static {
        DEADLINES.setRemoveOnCancelPolicy(true);
    }

    private WebhookPost() {
    }

    /** Sends the POST and returns the answer's status code; {@code timeout} bounds the connection, then the answer. */
    static int send(WebhookTargets.Target target, Map<String, String> headers, String body, Duration connectTimeout,
                    Duration timeout) throws IOException {
        try {
            return send(target, headers, body, connectTimeout, timeout, SSLContext.getDefault().getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    /** As above, with the TLS sockets (and so the trusted certificates) of {@code tls}. */
    static int send(WebhookTargets.Target target, Map<String, String> headers, String body, Duration connectTimeout,
                    Duration timeout, SSLSocketFactory tls) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        Socket raw = new Socket();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, connectTimeout.plus(timeout).toMillis(), TimeUnit.MILLISECONDS);
        try {
            return exchange(raw, target, headers, content, connectTimeout, timeout, tls);
        } catch (IOException e) {
            if (expired.get()) {
                SocketTimeoutException late = new SocketTimeoutException("no answer within " + connectTimeout.plus(timeout));
                late.initCause(e);
                throw late;
            }
            throw e;
        } finally {
            deadline.cancel(false);
            closeQuietly(raw);
        }
    }

    private static int exchange(Socket raw, WebhookTargets.Target target, Map<String, String> headers, byte[] content,
                                Duration connectTimeout, Duration timeout, SSLSocketFactory tls) throws IOException {
        try (Socket socket = connect(raw, target, connectTimeout, timeout, tls)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST ").append(pathOf(target)).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(hostHeader(target)).append("\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return status(socket.getInputStream(), System.nanoTime() + timeout.toNanos());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    private static Socket connect(Socket socket, WebhookTargets.Target target, Duration connectTimeout, Duration timeout,
                                  SSLSocketFactory factory) throws IOException {
        try {
            socket.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            if (!target.https()) {
                return socket;
            }
            String name = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1) : target.host();
            SSLSocket tls = (SSLSocket) factory.createSocket(socket, name, target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.host().startsWith("[") && !name.matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(name)));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String pathOf(WebhookTargets.Target target) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        return target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
    }

    private static String hostHeader(WebhookTargets.Target target) {
        return target.uri().getPort() >= 0 ? target.host() + ":" + target.uri().getPort() : target.host();
    }

    /** Reads the status line ("HTTP/1.1 204 No Content") within the deadline, and returns its code. */
    private static int status(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.size() == MAX_STATUS_LINE || System.nanoTime() > deadline) {
                throw new SocketTimeoutException("no status line in time");
            }
            line.write(c);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer");
        }
        return Integer.parseInt(parts[1]);
    }
}
