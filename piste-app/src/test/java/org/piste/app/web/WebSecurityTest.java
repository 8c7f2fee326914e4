package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.AuditLog;

class WebSecurityTest {
    static WebFixture web;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> r = web.session().get("/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /** Behind the TLS proxy the docs ask for: the session cookie is Secure and browsers are told to keep to HTTPS. */
    @Test
    void behindATlsProxyTheCookieIsSecureAndHstsIsSent() {
        HttpResponse<String> proxied = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.url("/login")))
                .header("X-Forwarded-Proto", "https").GET().build());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age="));
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));

        HttpResponse<String> direct = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.url("/login")))
                .GET().build());
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).as("plain HTTP on 127.0.0.1").isEmpty();
        assertThat(direct.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void wrongPasswordIsRefused() {
        var s = web.session();
        HttpResponse<String> r = s.postForm("/login", Map.of("username", "analyst", "password", "not-the-password-1"));
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(s.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void signedInPagesCarryStrictSecurityHeadersAndFrenchByDefault() {
        var s = web.signIn("analyst");
        HttpResponse<String> r = s.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.body()).contains("Tableau de bord").contains("lang=\"fr\"");
        assertThat(s.get("/?lang=en").body()).contains("Dashboard");
        assertThat(s.get("/").body()).as("the language choice is remembered").contains("Dashboard");
    }

    @Test
    void errorPagesKeepTheHeaderSoTheUserCanGoOn() {
        var s = web.signIn("analyst");
        HttpResponse<String> missing = s.get("/entities/999999:S");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).containsPattern("id=\"viewer-name\">(Test )?analyst<");
        HttpResponse<String> denied = s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.url("/admin/users")))
                .header("Accept", "text/html").GET().build());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("id=\"viewer-name\"");
    }

    @Test
    void dashboardCardsFollowTheAccessTable() {
        String admin = web.signIn("admin").get("/").body();
        assertThat(admin).contains("data-card=\"admin.card.title\"").doesNotContain("data-card=\"alerts.card.title\"")
                .doesNotContain("data-card=\"imports.card.title\"").doesNotContain("data-card=\"referrals.card.title\"");
        String prosecutor = web.signIn("prosecutor").get("/").body();
        assertThat(prosecutor).contains("data-card=\"alerts.card.title\"").contains("data-card=\"referrals.card.title\"")
                .doesNotContain("data-card=\"imports.card.title\"").doesNotContain("data-card=\"admin.card.title\"");
        assertThat(web.signIn("analyst").get("/").body()).contains("data-card=\"imports.card.title\"");
    }

    @Test
    void dashboardCardsSpeakTheUsersLanguage() {
        // Every line of a card is a message: the admin card's count of audit events too, in French by default.
        assertThat(web.signIn("admin").get("/").body()).containsPattern("<li>[\\d\\s\\u202f\\u00a0]+ événements au journal</li>")
                .contains("Comptes actifs");
        var english = web.signIn("admin");
        english.get("/?lang=en");
        assertThat(english.get("/").body()).containsPattern("<li>[\\d,]+ audit events</li>").contains("Active accounts");
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() {
        var s = web.signIn("admin");
        s.get("/admin/users");
        assertThat(s.postWithoutCsrf("/admin/audit/verify").statusCode()).isEqualTo(403);
    }

    @Test
    void apiNeedsCredentialsAndNeverChallengesABrowser() {
        HttpResponse<String> r = web.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(web.url("/api/alerts"))).GET().build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void openApiDocumentIsServedToSignedInClients() {
        HttpResponse<String> r = web.send(web.api("analyst", "/api/openapi").GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\":\"3.");
        assertThat(web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.url("/api/openapi"))).GET().build())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void adminApiListsAccountsWithoutHashesSearchesAndVerifiesTheTrail() {
        String users = web.send(web.api("admin", "/api/admin/users").GET().build()).body();
        assertThat(users).contains("\"username\":\"investigator2\"").doesNotContain("argon2").doesNotContain("password");
        HttpResponse<String> created = web.send(web.api("admin", "/api/admin/users").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"api.user\",\"role\":\"analyst\","
                        + "\"password\":\"short\"}")).build());
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("an admin sets no password");
        String events = web.send(web.api("admin", "/api/admin/audit?action=user.create&limit=5").GET().build()).body();
        // Admins' view of the trail (redacted) carries no hashes: a hash would let a guess of a withheld detail be checked.
        assertThat(events).contains("\"action\":\"user.create\"").doesNotContain("\"hash\"");
        String verified = web.send(web.api("admin", "/api/admin/audit/verify").POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).body();
        assertThat(verified).contains("\"intact\":true");
    }

    @Test
    void adminPagesAreForAdminsOnly() {
        assertThat(web.signIn("analyst").get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(web.signIn("prosecutor").get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(web.signIn("admin").get("/admin/users").body()).contains("investigator2");
    }

    @Test
    void auditBrowsingIsItselfAuditedAndTheChainVerifies() {
        var admin = web.signIn("admin");
        admin.get("/admin/audit?user=analyst");
        var events = new AuditLog(web.database.dataSource()).search(AuditLog.Query.latest(5));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("audit.search");
            assertThat(e.detail()).contains("user=analyst");
        });
        assertThat(new AuditLog(web.database.dataSource()).verify().intact()).isTrue();
    }

    @Test
    void disabledAccountsCannotSignIn() throws Exception {
        var admin = web.signIn("admin");
        admin.get("/admin/users");
        admin.postForm("/admin/users", Map.of("username", "temp.user", "displayName", "Temp", "role", "ANALYST"));
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("temp.user");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/activate/([A-Za-z0-9_-]{43})").matcher(page);
        assertThat(link.find()).isTrue();
        var holder = web.session();
        holder.get("/activate/" + link.group(1));
        assertThat(holder.postForm("/activate/" + link.group(1), Map.of("password", "a-long-enough-pass", "again",
                "a-long-enough-pass")).statusCode()).isEqualTo(302);
        var before = web.session().postForm("/login", Map.of("username", "temp.user", "password", "a-long-enough-pass"));
        assertThat(before.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        admin.postForm("/admin/users/temp.user/enabled", Map.of("enabled", "false"));
        var s = web.session();
        var r = s.postForm("/login", Map.of("username", "temp.user", "password", "a-long-enough-pass"));
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
    }
}
