package io.escalera.exchange.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Where a webhook may be sent (server-side request forgery guard). The URL's host is resolved once, and every address
 * it resolves to must be outside the application's own network: not loopback, private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), link-local (169.254/16, fe80::/10), carrier-grade NAT (100.64/10), multicast, broadcast, "this network"
 * (0/8) or any-local, nor an IPv6 address that embeds such an IPv4 one, nor an address of the database server (the
 * hosts of the JDBC URL, resolved). The operator may allow named internal hosts (property
 * {@code escalera.webhooks.allowed-internal-hosts}, host names or literal addresses as written in the URL, comma
 * separated): those skip the network check — but never the database server's own port.
 * <p>
 * The checked address is the one the delivery connects to ({@link Target#address()}, see {@link WebhookPost}): the
 * name is not resolved a second time, so a DNS answer that changes between check and connection (DNS rebinding)
 * cannot move the request inside.
 */
@Component
public class WebhookTargets {

    /** Resolves a host name to its addresses: the system's resolver, or a fixed one in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked receiver: where to connect ({@code address}), and the name and port the request is for. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /** A receiver refused; the message says why, in English, for the delivery log. */
    public static class Refused extends Exception {
        private final boolean unresolved;

        Refused(boolean unresolved, String detail) {
            super(detail);
            this.unresolved = unresolved;
        }

        /** Whether the host name did not resolve (rather than resolving inside). */
        public boolean unresolved() {
            return unresolved;
        }
    }

    private static final Pattern JDBC_HOSTS = Pattern.compile("^jdbc:[a-z]+:(?:[a-z]+:)?//([^/?]*)");
    private static final Pattern ADDRESS_HOST = Pattern.compile("host=([^)]+)");
    private static final Pattern ADDRESS_PORT = Pattern.compile("port=(\\d+)");

    private final Set<String> allowed;
    private final Supplier<String> jdbcUrl;
    private final Resolver resolver;
    private volatile List<HostPort> database;

    @Autowired
    WebhookTargets(@Value("${escalera.webhooks.allowed-internal-hosts:}") String allowed, DataSource dataSource) {
        this(allowed, () -> jdbcUrl(dataSource), InetAddress::getAllByName);
    }

    /** @param allowed host names allowed inside, comma separated; @param jdbcUrl where the database server is */
    public WebhookTargets(String allowed, Supplier<String> jdbcUrl, Resolver resolver) {
        this.allowed = Arrays.stream(allowed.split(",")).map(WebhookTargets::plainHost).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.jdbcUrl = jdbcUrl;
        this.resolver = resolver;
    }

    /** Resolves the URL's host once and checks every address. @throws Refused with the reason */
    public Target check(String url) throws Refused {
        URI uri = URI.create(url.trim());
        String host = plainHost(uri.getHost());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused(true, host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused(true, host + " does not resolve");
        }
        boolean allowedHost = allowed.contains(host);
        for (InetAddress address : addresses) {
            for (HostPort db : database()) {
                if (db.addresses().contains(address) && (!allowedHost || db.port() == port)) {
                    throw new Refused(false, host + " resolves to the database server (" + address.getHostAddress() + ")");
                }
            }
            if (!allowedHost && internal(address)) {
                throw new Refused(false, host + " resolves to an internal address (" + address.getHostAddress() + ")");
            }
        }
        return new Target(uri, uri.getHost(), port, https, addresses[0]);
    }

    /** Loopback, private, unique-local, link-local, CGNAT, multicast, broadcast, this-network or any-local. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 240/4 reserved and the broadcast address
            return first == 0 || first == 100 && second >= 64 && second <= 127 || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true;
            }
            // ::a.b.c.d (IPv4-compatible), ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 address
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean embeds = zeros && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xFF && b[11] == (byte) 0xFF)
                    || b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
            if (embeds) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private record HostPort(Set<InetAddress> addresses, int port) {
    }

    /** The database server's addresses and ports, from the JDBC URL (read and resolved at the first check). */
    private List<HostPort> database() {
        if (database == null) {
            database = databaseHosts(jdbcUrl.get()).stream().map(h -> {
                try {
                    return new HostPort(Set.of(resolver.resolve(h.host())), h.port());
                } catch (UnknownHostException e) {
                    return new HostPort(Set.of(), h.port());
                }
            }).toList();
        }
        return database;
    }

    private static String jdbcUrl(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("the database's address is needed to check webhook addresses", e);
        }
    }

    record DatabaseHost(String host, int port) {
    }

    /** The hosts of a JDBC URL: {@code //h1:p1,h2/…}, or MariaDB's {@code address=(host=h)(port=p)} form. */
    static List<DatabaseHost> databaseHosts(String jdbcUrl) {
        Matcher matcher = JDBC_HOSTS.matcher(jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return List.of();
        }
        return Arrays.stream(matcher.group(1).split(",(?![^(]*\\))")).map(String::strip).filter(s -> !s.isEmpty()).map(part -> {
            if (part.startsWith("address=")) {
                Matcher host = ADDRESS_HOST.matcher(part);
                Matcher port = ADDRESS_PORT.matcher(part);
                return new DatabaseHost(host.find() ? plainHost(host.group(1)) : "localhost", port.find() ? Integer.parseInt(port.group(1)) : 3306);
            }
            String hostPart = part.substring(part.indexOf('@') + 1);
            int close = hostPart.lastIndexOf(']');
            int colon = hostPart.lastIndexOf(':');
            boolean hasPort = colon > close && (close >= 0 || hostPart.indexOf(':') == colon);
            String host = hasPort ? hostPart.substring(0, colon) : hostPart;
            return new DatabaseHost(plainHost(host), hasPort ? Integer.parseInt(hostPart.substring(colon + 1)) : 3306);
        }).toList();
    }

    /** A host as compared with the allowed ones: lower case, without an IPv6 literal's brackets. */
    private static String plainHost(String host) {
        String plain = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return plain.startsWith("[") && plain.endsWith("]") ? plain.substring(1, plain.length() - 1) : plain;
    }
}
