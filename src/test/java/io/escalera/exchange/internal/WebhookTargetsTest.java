package io.escalera.exchange.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which receivers a webhook may reach: nothing inside the application's own network, unless allowed by name. */
class WebhookTargetsTest {

    private static final String DATABASE = "jdbc:mariadb://127.0.0.1:3307/escalera?createDatabaseIfNotExist=true";

    /** The system's resolver for literals and localhost; fixed answers for the names of these tests. */
    private static WebhookTargets.Resolver resolver(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address != null) {
                return new InetAddress[]{InetAddress.getByName(address)};
            }
            if (host.endsWith(".test")) {
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host);
        };
    }

    private static WebhookTargets targets(String allowed) {
        return new WebhookTargets(allowed, () -> DATABASE, resolver(Map.of(
                "inside.test", "10.0.0.7", "metadata.test", "169.254.169.254", "outside.test", "203.0.113.20")));
    }

    private static void assertRefused(WebhookTargets targets, String url) {
        assertThatThrownBy(() -> targets.check(url)).as(url).isInstanceOfSatisfying(WebhookTargets.Refused.class,
                e -> assertThat(e.unresolved()).as(url + ": refused for where it resolves").isFalse());
    }

    @Test
    void loopbackPrivateLinkLocalMulticastAndAnyLocalAddressesAreRefusedWhenNotAllowed() {
        WebhookTargets targets = targets("");
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://127.9.9.9/", "http://localhost:8080/hook", "http://[::1]/",
                "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.254/", "http://192.168.1.1/", "https://[fc00::1]/",
                "http://[fd12:3456::1]/", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://224.0.0.1/",
                "http://[ff02::1]/", "http://0.0.0.0/", "http://[::]/", "http://100.64.0.1/", "http://255.255.255.255/",
                "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://inside.test/hook", "https://metadata.test/")) {
            assertRefused(targets, url);
        }
    }

    @Test
    void publicAddressesAreTakenWithTheAddressTheDeliveryConnectsTo() throws Exception {
        WebhookTargets targets = targets("");
        assertThat(targets.check("https://outside.test/hook").address()).isEqualTo(InetAddress.getByName("203.0.113.20"));
        assertThat(targets.check("http://172.32.0.1:8080/x").address()).isEqualTo(InetAddress.getByName("172.32.0.1"));
        assertThat(targets.check("http://100.128.0.1/").port()).isEqualTo(80);
        assertThat(targets.check("https://[2001:db8::1]/").port()).isEqualTo(443);
        assertThatThrownBy(() -> targets.check("https://nowhere.test/")).isInstanceOfSatisfying(WebhookTargets.Refused.class,
                e -> assertThat(e.unresolved()).isTrue());
    }

    @Test
    void aNameThatResolvesToAnyInternalAddressIsRefusedEvenBesideAPublicOne() {
        WebhookTargets targets = new WebhookTargets("", () -> DATABASE, host -> new InetAddress[]{
                InetAddress.getByName("203.0.113.20"), InetAddress.getByName("192.168.0.10")});
        assertRefused(targets, "https://two-answers.test/");
    }

    @Test
    void anAllowedHostSkipsTheNetworkCheckButNeverReachesTheDatabasePort() throws Exception {
        WebhookTargets targets = targets("127.0.0.1, Inside.test");
        assertThat(targets.check("http://127.0.0.1:8080/hook").address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(targets.check("http://inside.test/hook").address()).isEqualTo(InetAddress.getByName("10.0.0.7"));
        assertRefused(targets, "http://127.0.0.1:3307/");
        assertRefused(targets, "http://localhost:8080/hook");
    }

    @Test
    void theDatabaseServerIsRefusedAlsoOnAPublicAddress() {
        WebhookTargets targets = new WebhookTargets("", () -> "jdbc:mariadb://db.test:3306/escalera",
                resolver(Map.of("db.test", "203.0.113.5", "alias.test", "203.0.113.5")));
        assertRefused(targets, "http://203.0.113.5/");
        assertRefused(targets, "https://alias.test:8443/hook");
    }

    @Test
    void theHostsOfAJdbcUrlAreFoundInEveryForm() {
        assertThat(WebhookTargets.databaseHosts("jdbc:mariadb://127.0.0.1:3307/escalera?x=1")).containsExactly(
                new WebhookTargets.DatabaseHost("127.0.0.1", 3307));
        assertThat(WebhookTargets.databaseHosts("jdbc:mariadb:sequential://db1,db2:3310/e")).containsExactly(
                new WebhookTargets.DatabaseHost("db1", 3306), new WebhookTargets.DatabaseHost("db2", 3310));
        assertThat(WebhookTargets.databaseHosts("jdbc:mariadb://[::1]:3307/e")).containsExactly(
                new WebhookTargets.DatabaseHost("::1", 3307));
        assertThat(WebhookTargets.databaseHosts("jdbc:mariadb://address=(host=db.test)(port=3311)(type=primary),address=(host=db2.test)/e"))
                .containsExactly(new WebhookTargets.DatabaseHost("db.test", 3311), new WebhookTargets.DatabaseHost("db2.test", 3306));
    }

    @Test
    void theNameIsResolvedOnceAndTheFirstAnswerIsTheAddressUsed() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // a rebinding name: public at the first answer, inside at the next ones
        WebhookTargets targets = new WebhookTargets("", () -> DATABASE, host -> {
            if (!host.equals("rebinding.test")) {
                return InetAddress.getAllByName(host);
            }
            return new InetAddress[]{InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.9" : "127.0.0.1")};
        });
        WebhookTargets.Target target = targets.check("https://rebinding.test/hook");
        assertThat(lookups).hasValue(1);
        assertThat(target.address()).isEqualTo(InetAddress.getByName("203.0.113.9"));
        assertThat(target.host()).isEqualTo("rebinding.test");
        assertRefused(targets, "https://rebinding.test/hook");
    }
}
