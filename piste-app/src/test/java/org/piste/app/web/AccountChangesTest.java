package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.cases.CaseService;

/**
 * Issue 16: a change to an account reaches the sessions it already has (disable, role, password: the next request
 * of any of its sessions is sent to sign in, the API refuses at once); the last enabled admin stays (nor is their password withdrawn); a missing
 * user is 404; refused accesses (access table, need-to-know on cases) are written to the audit trail.
 */
class AccountChangesTest {
    static WebFixture web;
    static UserStore users;
    static CaseService cases;
    static final Actor LEAD = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        users = new UserStore(web.database.dataSource(), Passwords.encoder());
        cases = new CaseService(web.database.dataSource());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static void newUser(String username, Role role) {
        users.create(new UserStore.NewUser(username, "Test " + username, role, "", ""), WebFixture.PASSWORD, "test");
    }

    private static HttpResponse<String> apiPost(String user, String path, String json) {
        return web.send(web.api(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form of the Users page, posted by the admin. */
    private static HttpResponse<String> usersForm(String path, String field, String value) {
        var admin = web.signIn("admin");
        admin.get("/admin/users");
        return admin.postForm(path, Map.of(field, value));
    }

    private static void assertSentToSignIn(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(web.url("/login"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndItsApiAccess() {
        newUser("gone.analyst", Role.ANALYST);
        long caseId = cases.create(LEAD, new CaseService.NewCase("GONE-1", "Disabled member")).summary().id();
        cases.addMember(LEAD, caseId, "gone.analyst");
        var reading = web.signIn("gone.analyst");
        var writing = web.signIn("gone.analyst");
        assertThat(reading.get("/alerts").statusCode()).isEqualTo(200);
        assertThat(writing.get("/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(web.send(web.api("gone.analyst", "/api/cases/" + caseId).GET().build()).statusCode()).isEqualTo(200);

        assertThat(usersForm("/admin/users/gone.analyst/enabled", "enabled", "false").statusCode()).isEqualTo(302);

        assertSentToSignIn(reading.get("/alerts"));
        assertSentToSignIn(writing.postForm("/cases/" + caseId + "/notes", Map.of("text", "after being disabled")));
        assertThat(cases.view(LEAD, caseId).notes()).isEmpty();
        assertThat(web.send(web.api("gone.analyst", "/api/cases/" + caseId).GET().build()).statusCode()).isEqualTo(401);
        assertThat(web.auditEvents("gone.analyst", "session.end")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail()).contains("disabled"));
    }

    @Test
    void anAnalystTurnedProsecutorLosesTheAnalystsDecisionsAtOnce() {
        newUser("turned.analyst", Role.ANALYST);
        var page = web.signIn("turned.analyst");
        var form = web.signIn("turned.analyst");
        assertThat(page.get("/imports").statusCode()).isEqualTo(200);
        assertThat(form.get("/alerts").statusCode()).isEqualTo(200);
        String decision = "{\"decision\":\"dismiss\"}";
        assertThat(apiPost("turned.analyst", "/api/alerts/SENDER/1/decision", decision).statusCode()).isNotEqualTo(403);

        HttpResponse<String> changed = apiPost("admin", "/api/admin/users/turned.analyst/role", "{\"role\":\"prosecutor\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"role\":\"PROSECUTOR\"");

        assertSentToSignIn(page.get("/imports"));
        assertSentToSignIn(form.postForm("/alerts/SENDER/1/decision", Map.of("decision", "dismiss")));
        assertThat(apiPost("turned.analyst", "/api/alerts/SENDER/1/decision", decision).statusCode()).isEqualTo(403);
        var again = web.signIn("turned.analyst");
        assertThat(again.get("/imports").statusCode()).isEqualTo(403);
        assertThat(again.get("/alerts").statusCode()).isEqualTo(200);
        assertThat(web.auditEvents("admin", "user.role")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("user:turned.analyst");
            assertThat(e.detail()).contains("analyst").contains("prosecutor");
        });
    }

    @Test
    void aRoleChangeOnTheAdminPageEndsTheSessionToo() {
        newUser("moved.investigator", Role.INVESTIGATOR);
        var s = web.signIn("moved.investigator");
        assertThat(s.get("/imports").statusCode()).isEqualTo(200);
        var admin = web.signIn("admin");
        assertThat(admin.get("/admin/users").body()).contains("/admin/users/moved.investigator/role");
        assertThat(admin.postForm("/admin/users/moved.investigator/role", Map.of("role", "PROSECUTOR")).statusCode())
                .isEqualTo(302);
        assertThat(users.find("moved.investigator").orElseThrow().role()).isEqualTo(Role.PROSECUTOR);
        assertSentToSignIn(s.get("/imports"));
    }

    @Test
    void aPasswordChangeEndsTheSessions() {
        newUser("reset.analyst", Role.ANALYST);
        var s = web.signIn("reset.analyst");
        assertThat(s.get("/alerts").statusCode()).isEqualTo(200);
        users.setPassword("reset.analyst", "another-long-password", "cli:admin");
        assertSentToSignIn(s.get("/alerts"));
        assertThat(web.send(web.api("reset.analyst", "/api/cases").GET().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void theLastEnabledAdminStays() {
        HttpResponse<String> page = usersForm("/admin/users/admin/enabled", "enabled", "false");
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"problem\"").contains("dernier administrateur actif");
        HttpResponse<String> api = apiPost("admin", "/api/admin/users/admin/enabled", "{\"enabled\":false}");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api.body()).contains("last enabled admin");
        HttpResponse<String> role = apiPost("admin", "/api/admin/users/admin/role", "{\"role\":\"analyst\"}");
        assertThat(role.statusCode()).isEqualTo(409);
        assertThat(role.body()).contains("last enabled admin");
        assertThat(users.find("admin").orElseThrow()).satisfies(a -> {
            assertThat(a.enabled()).isTrue();
            assertThat(a.role()).isEqualTo(Role.ADMIN);
        });

        // With a second admin, either may go; the one left may not.
        newUser("admin.two", Role.ADMIN);
        assertThat(apiPost("admin", "/api/admin/users/admin.two/enabled", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(apiPost("admin", "/api/admin/users/admin/enabled", "{\"enabled\":false}").statusCode()).isEqualTo(409);
    }

    @Test
    void theLastAdminWhoCanSignInIsNotReset() {
        var admin = web.signIn("admin");
        admin.get("/admin/users");
        HttpResponse<String> page = admin.postForm("/admin/users/admin/activation", Map.of());
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"problem\"").contains("dernier administrateur actif");
        HttpResponse<String> api = apiPost("admin", "/api/admin/users/admin/activation", "{}");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api.body()).contains("last enabled admin").doesNotContain("/activate/");
        assertThat(users.find("admin").orElseThrow().awaitingActivation()).isFalse();
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

        // Another admin may be reset; once awaiting activation they cannot sign in, so the first is the last again.
        newUser("admin.three", Role.ADMIN);
        assertThat(apiPost("admin", "/api/admin/users/admin.three/activation", "{}").statusCode()).isEqualTo(200);
        assertThat(users.find("admin.three").orElseThrow().awaitingActivation()).isTrue();
        assertThat(apiPost("admin", "/api/admin/users/admin/activation", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void aMissingUserIsNotFound() {
        HttpResponse<String> page = usersForm("/admin/users/nobody/enabled", "enabled", "false");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Aucun compte « nobody ».");
        assertThat(usersForm("/admin/users/nobody/role", "role", "ANALYST").statusCode()).isEqualTo(404);
        HttpResponse<String> api = apiPost("admin", "/api/admin/users/nobody/enabled", "{\"enabled\":false}");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"detail\":\"No account 'nobody'.\"");
        assertThat(apiPost("admin", "/api/admin/users/nobody/role", "{\"role\":\"analyst\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void accessesTheTableRefusesAreAudited() {
        assertThat(web.signIn("prosecutor").get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(web.send(web.api("prosecutor", "/api/imports").GET().build()).statusCode()).isEqualTo(403);
        var events = web.auditEvents("prosecutor", "access.refused");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("/admin/users");
            assertThat(e.detail()).startsWith("GET").contains("access table");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.object()).isEqualTo("/api/imports"));
    }

    @Test
    void casesHiddenByNeedToKnowAreAuditedWhenAsked() {
        long caseId = cases.create(LEAD, new CaseService.NewCase("HIDDEN-1", "Not for analyst2")).summary().id();
        assertThat(web.signIn("analyst2").get("/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(web.send(web.api("analyst2", "/api/cases/" + caseId).GET().build()).statusCode()).isEqualTo(404);
        var events = web.auditEvents("analyst2", "access.refused");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("/cases/" + caseId);
            assertThat(e.detail()).startsWith("GET").contains("need-to-know");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.object()).isEqualTo("/api/cases/" + caseId));
    }
}
