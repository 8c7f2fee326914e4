package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.AuditEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Review of issue 16, 2: X-Forwarded-For is believed only from a proxy on this machine, unless PISTE_HOME/web.properties
 * names another. Tomcat's default believes every private address (10/8, 172.16/12, 192.168/16, fc00::/7): any
 * workstation of the intranet could then choose its address, in the sign-in throttle and the audit trail.
 */
class ForwardedAddressTest {
    static final String FORGED = "203.0.113.9";

    /** Whether the running server believes the X-Forwarded-For of a request from this address (the valve's own test). */
    private static Predicate<String> believed(WebFixture web) throws ReflectiveOperationException {
        var server = (TomcatWebServer) ((ServletWebServerApplicationContext) web.context).getWebServer();
        for (Valve valve : server.getTomcat().getEngine().getPipeline().getValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                Method internal = RemoteIpValve.class.getDeclaredMethod("isInternalProxy", String.class);
                internal.setAccessible(true);
                return address -> {
                    try {
                        return (Boolean) internal.invoke(remoteIp, address);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                };
            }
        }
        throw new AssertionError("no RemoteIpValve: X-Forwarded-For would be ignored");
    }

    @Test
    void byDefaultOnlyLoopbackIsAProxy() throws ReflectiveOperationException {
        try (WebFixture web = WebFixture.start()) {
            Predicate<String> proxy = believed(web);
            assertThat(List.of("127.0.0.1", "127.3.4.5", "0:0:0:0:0:0:0:1")).allMatch(proxy);
            assertThat(List.of("10.1.2.3", "192.168.1.5", "172.16.0.1", "169.254.1.1", "100.64.0.1",
                    "fd00:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1", "192.0.2.2")).noneMatch(proxy);
        }
    }

    @Test
    void aRealProxyIsNamedInWebProperties(@TempDir Path home) throws Exception {
        Path settings = home.resolve("web.properties");
        Files.writeString(settings, "server.tomcat.remoteip.internal-proxies=10.0.0.7/32\n");
        // As ServeCommand reads PISTE_HOME/web.properties.
        try (WebFixture web = WebFixture.start(Map.of("spring.config.additional-location",
                "optional:file:" + settings.toAbsolutePath()))) {
            Predicate<String> proxy = believed(web);
            assertThat(proxy.test("10.0.0.7")).isTrue();
            assertThat(proxy.test("10.0.0.8")).isFalse();
            assertThat(proxy.test("127.0.0.1")).as("the setting replaces the default").isFalse();
        }
    }

    /** End to end, when the machine has an address besides loopback: a request from it cannot choose its address. */
    @Test
    void aWorkstationCannotForgeItsAddress() throws SocketException {
        Optional<String> local = nonLoopbackIpv4();
        assumeTrue(local.isPresent(), "no IPv4 address besides loopback");
        try (WebFixture web = WebFixture.start("0.0.0.0", Map.of(), Clock.systemUTC())) {
            var r = web.session().via(local.get()).from(FORGED).postForm("/login",
                    Map.of("username", "nobody.forged", "password", "not-the-password-1"));
            assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
            List<AuditEvent> failed = web.auditEvents("anonymous", "signin.failed").stream()
                    .filter(e -> e.object().equals("user:nobody.forged")).toList();
            assertThat(failed).singleElement().satisfies(e -> {
                assertThat(e.detail()).startsWith("form from " + local.get() + ":");
                assertThat(e.detail()).doesNotContain(FORGED);
            });
        }
    }

    private static Optional<String> nonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return Optional.of(a.getHostAddress());
            }
        }
        return Optional.empty();
    }
}
