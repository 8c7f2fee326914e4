package org.piste.app.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running Piste web server on a fresh database with one account per role (username = role in lower case, plus
 * "investigator2" and "analyst2" for need-to-know tests), and HTTP sessions that sign in like a browser.
 */
public final class WebFixture implements AutoCloseable {
    public static final String PASSWORD = "correct-horse-battery-staple";
    public final Database database;
    public final ConfigurableApplicationContext context;
    public final int port;

    private WebFixture(Database database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static WebFixture start() {
        return start(Map.of());
    }

    /** A server with extra Spring properties (e.g. an OIDC client registration). */
    public static WebFixture start(Map<String, Object> properties) {
        return start(properties, java.time.Clock.systemUTC());
    }

    /** A server on a clock of the test's (see {@link MovableClock}). */
    public static WebFixture start(Map<String, Object> properties, java.time.Clock clock) {
        return start("127.0.0.1", properties, clock);
    }

    /** A server listening on this address (0.0.0.0: every interface); {@link #url} still reaches it at 127.0.0.1. */
    public static WebFixture start(String host, Map<String, Object> properties, java.time.Clock clock) {
        Database db = TestDatabases.fresh();
        UserStore users = new UserStore(db.dataSource(), Passwords.encoder());
        for (Role role : Role.values()) addUser(users, role.name().toLowerCase(java.util.Locale.ROOT), role);
        addUser(users, "investigator2", Role.INVESTIGATOR);
        addUser(users, "analyst2", Role.ANALYST);
        return new WebFixture(db, PisteWeb.start(db, new PisteWeb.Options(host, 0, properties, clock)));
    }

    private static void addUser(UserStore users, String username, Role role) {
        users.create(new UserStore.NewUser(username, "Test " + username, role, "unit of " + username,
                username + "@test.invalid"), PASSWORD, "test");
    }

    /**
     * Fills the database as the demo does, at a small size: simulated operator export (with referrals) imported,
     * resolved and screened. Returns the simulator's output directory (transfers file, referrals.json, truth/).
     */
    public java.nio.file.Path withDemoData(int senders, java.nio.file.Path dir) {
        org.piste.sim.SimSummary sim = org.piste.sim.Simulator.run(org.piste.sim.SimConfig.defaults().withSenders(senders),
                dir, org.piste.sim.Format.OPERATOR, org.piste.sim.Simulator.Progress.NONE);
        new org.piste.app.imports.ImportService(database).importFile(org.piste.app.imports.ImportRequest
                .of(sim.transfersFile(), "fr-operator").withProvider("MTO-FICTIF"), org.piste.ingest.Importer.Progress.NONE);
        java.nio.file.Path referrals = dir.resolve("referrals.json");
        if (java.nio.file.Files.exists(referrals)) new org.piste.app.referrals.ReferralImport(database).importFile(referrals, "");
        org.piste.app.pipeline.Refresh.afterChange(database);
        return dir;
    }

    /** The audit events of a user and action, newest first. */
    public java.util.List<org.piste.app.accounts.AuditEvent> auditEvents(String user, String action) {
        return new org.piste.app.accounts.AuditLog(database.dataSource()).search(new org.piste.app.accounts.AuditLog.Query(
                user, action, "", java.util.Optional.empty(), Long.MAX_VALUE, 1000));
    }

    /** An API GET as the given user that must answer 200; its body. */
    public String apiBody(String user, String path) {
        HttpResponse<String> r = send(api(user, path).GET().build());
        if (r.statusCode() != 200) throw new AssertionError(path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A browser-like session: cookies, and the CSRF token of the last page read. */
    public Session session() {
        return new Session();
    }

    public Session signIn(String username) {
        Session s = new Session();
        HttpResponse<String> r = s.postForm("/login", Map.of("username", username, "password", PASSWORD));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode() + " "
                    + r.headers().firstValue("Location").orElse(""));
        }
        return s;
    }

    public final class Session {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf = "";
        private String forwardedFor = "";
        private String host = "127.0.0.1";

        /** Requests to the server at this address of the machine (the server must listen there). */
        public Session via(String address) {
            host = address;
            return this;
        }

        /** Requests as if from this client address, through the (trusted, local) proxy's X-Forwarded-For. */
        public Session from(String address) {
            forwardedFor = address;
            return this;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
            return forwardedFor.isEmpty() ? b : b.header("X-Forwarded-For", forwardedFor);
        }

        public HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(request(path).GET().build());
            remember(r.body());
            return r;
        }

        /** Posts a form with the CSRF token of the last page read (reads /login first if none). */
        public HttpResponse<String> postForm(String path, Map<String, String> fields) {
            if (csrf.isEmpty()) get("/login");
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** Posts without any CSRF token (to check that such requests are refused). */
        public HttpResponse<String> postWithoutCsrf(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")).build());
        }

        public HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void remember(String html) {
            Matcher m = CSRF.matcher(html);
            if (m.find()) csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
    }

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"csrf-token\"[^>]*content=\"([^\"]+)\"");

    /** An API request with HTTP Basic credentials (no session). */
    public HttpRequest.Builder api(String username, String path) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }
}
