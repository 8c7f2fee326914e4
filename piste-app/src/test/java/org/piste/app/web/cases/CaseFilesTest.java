package org.piste.app.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.web.WebFixture;

/** Case files over the web: need-to-know, who changes what, timeline, provenance, deconfliction, audit. */
class CaseFilesTest {
    @TempDir static Path dir;
    static WebFixture web;
    static final Map<String, WebFixture.Session> sessions = new HashMap<>();

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        web.withDemoData(300, dir);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aCaseIsSeenByItsTeamAndProsecutorsOnly() {
        long id = createCase("investigator", "PARQ-NTK-1", "Dossier confidentiel Nénuphar");
        assertThat(page("investigator", "/cases/" + id).body()).contains("Dossier confidentiel Nénuphar");
        for (String outsider : List.of("analyst", "analyst2", "investigator2")) {
            HttpResponse<String> r = page(outsider, "/cases/" + id);
            assertThat(r.statusCode()).as(outsider + " page").isEqualTo(404);
            assertThat(r.body()).doesNotContain("Nénuphar").doesNotContain("PARQ-NTK-1");
            HttpResponse<String> api = api(outsider, "/api/cases/" + id);
            assertThat(api.statusCode()).as(outsider + " API").isEqualTo(404);
            assertThat(api.body()).doesNotContain("Nénuphar");
            assertThat(page(outsider, "/cases").body()).doesNotContain("Nénuphar");
            assertThat(api(outsider, "/api/cases").body()).doesNotContain("Nénuphar");
            assertThat(api(outsider, "/api/cases/" + id + "/conflicts").statusCode()).isEqualTo(404);
        }
        assertThat(page("investigator", "/cases/999999").statusCode()).as("a missing case looks the same").isEqualTo(404);
        assertThat(page("prosecutor", "/cases/" + id).body()).contains("Nénuphar");
        assertThat(api("prosecutor", "/api/cases/" + id).body()).contains("Nénuphar");
        assertThat(page("prosecutor", "/cases").body()).contains("Nénuphar");
        assertThat(page("admin", "/cases/" + id).statusCode()).isEqualTo(403);
        assertThat(api("admin", "/api/cases/" + id).statusCode()).isEqualTo(403);

        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst"));
        assertThat(page("analyst", "/cases/" + id).body()).contains("Nénuphar");
        assertThat(api("analyst", "/api/cases").body()).contains("Nénuphar");
        assertThat(page("analyst2", "/cases/" + id).statusCode()).isEqualTo(404);
        assertThat(events("case.view", "case:" + id)).extracting(AuditEvent::username).contains("investigator",
                "prosecutor", "analyst").doesNotContain("analyst2");
    }

    @Test
    void onlyTheTeamChangesACaseAndOnlyTheLeadOrAProsecutorItsTeamAndStatus() {
        long id = createCase("investigator", "PARQ-RULES-2", "Règles");
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst"));
        String record = records(1, Optional.empty()).getFirst();

        assertThat(apiPost("analyst2", "/api/cases/" + id + "/notes", "{\"text\":\"intrus\"}").statusCode()).isEqualTo(404);
        assertThat(apiPost("prosecutor", "/api/cases/" + id + "/subjects",
                "{\"recordId\":\"" + record + "\",\"kind\":\"buyer\"}").statusCode()).isEqualTo(403);
        assertThat(apiPost("analyst", "/api/cases/" + id + "/members", "{\"username\":\"analyst2\"}").statusCode())
                .as("a member who is not the lead").isEqualTo(403);
        assertThat(apiPost("analyst", "/api/cases/" + id + "/status", "{\"status\":\"closed\"}").statusCode()).isEqualTo(403);
        assertThat(page("analyst", "/cases/" + id).body()).doesNotContain("id=\"case-member-form\"")
                .doesNotContain("id=\"case-status-form\"").contains("id=\"case-subject-form\"");

        assertThat(apiPost("analyst", "/api/cases/" + id + "/subjects",
                "{\"recordId\":\"" + record + "\",\"kind\":\"buyer\"}").statusCode()).isEqualTo(201);
        assertThat(apiPost("prosecutor", "/api/cases/" + id + "/notes", "{\"text\":\"Vu par le parquet\"}").statusCode())
                .isEqualTo(200);
        assertThat(apiPost("prosecutor", "/api/cases/" + id + "/members", "{\"username\":\"analyst2\"}").statusCode())
                .isEqualTo(200);
        assertThat(apiPost("investigator", "/api/cases/" + id + "/members",
                "{\"username\":\"prosecutor\"}").body()).as("only analysts and investigators join").contains("error");
        assertThat(apiPost("investigator", "/api/cases/" + id + "/members",
                "{\"username\":\"investigator\",\"action\":\"remove\"}").statusCode()).as("the lead stays").isEqualTo(400);
        assertThat(apiPost("prosecutor", "/api/cases/" + id + "/status", "{\"status\":\"suspended\"}").statusCode())
                .isEqualTo(200);
        assertThat(apiPost("investigator", "/api/cases/" + id + "/status", "{\"status\":\"closed\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> closed = apiPost("analyst", "/api/cases/" + id + "/notes", "{\"text\":\"trop tard\"}");
        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(closed.body()).contains("closed");

        HttpResponse<String> refused = post("analyst", "/cases/" + id + "/status", Map.of("status", "OPEN"));
        assertThat(refused.statusCode()).as("a member who is not the lead, on the page").isEqualTo(403);
    }

    @Test
    void theTimelineRecordsEveryChangeWithWhoAndTheAuditTrailToo() {
        long id = createCase("investigator", "PARQ-TL-3", "Chronologie");
        String record = records(1, Optional.empty()).getFirst();
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2"));
        post("analyst2", "/cases/" + id + "/subjects", Map.of("recordId", record, "kind", "FACILITATOR"));
        post("analyst2", "/cases/" + id + "/notes", Map.of("text", "Premier constat"));
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2", "action", "remove"));
        post("prosecutor", "/cases/" + id + "/status", Map.of("status", "SUSPENDED"));

        String json = api("prosecutor", "/api/cases/" + id).body();
        for (String change : List.of("\"username\":\"investigator\",\"kind\":\"create\"",
                "\"username\":\"investigator\",\"kind\":\"member.add\",\"detail\":\"analyst2\"",
                "\"username\":\"analyst2\",\"kind\":\"subject.add\"", "\"username\":\"analyst2\",\"kind\":\"note\"",
                "\"username\":\"investigator\",\"kind\":\"member.remove\"",
                "\"username\":\"prosecutor\",\"kind\":\"status\",\"detail\":\"OPEN -> SUSPENDED\"")) {
            assertThat(json).contains(change);
        }
        assertThat(page("investigator", "/cases/" + id).body()).contains("data-kind=\"subject.add\"")
                .contains("Premier constat").contains("personne concernée ajoutée").doesNotContain("??");
        assertThat(page("investigator", "/cases/" + id + "?lang=en").body()).contains("subject added").doesNotContain("??");
        page("investigator", "/cases?lang=fr");
        assertThat(events("case.subject.add", "case:" + id)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("analyst2");
            assertThat(e.caseId()).contains(id);
            assertThat(e.detail()).contains("FACILITATOR").contains(record);
        });
        assertThat(events("case.status", "case:" + id)).extracting(AuditEvent::username).containsExactly("prosecutor");
        assertThat(page("analyst2", "/cases/" + id).statusCode()).as("removed from the team").isEqualTo(404);
    }

    @Test
    void evidenceShowsItsProvenance() throws Exception {
        long id = createCase("investigator", "PARQ-EV-4", "Preuves");
        Map<String, String> t = one("SELECT t.id, t.reference, t.line_no, f.sha256, f.original_name FROM transfer t"
                + " JOIN source_file f ON f.id = t.source_id ORDER BY t.id OFFSET 7 LIMIT 1");
        post("investigator", "/cases/" + id + "/evidence", Map.of("transfer", t.get("reference"), "note", "séance 1"));
        String html = page("investigator", "/cases/" + id).body();
        assertThat(html).contains("data-transfer-id=\"" + t.get("id") + "\"").contains(t.get("sha256"))
                .contains("data-testid=\"evidence-line\">" + t.get("line_no") + "<").contains(t.get("original_name"))
                .contains("séance 1");

        Map<String, String> u = one("SELECT t.id, t.line_no, f.sha256 FROM transfer t JOIN source_file f"
                + " ON f.id = t.source_id ORDER BY t.id OFFSET 8 LIMIT 1");
        HttpResponse<String> r = apiPost("investigator", "/api/cases/" + id + "/evidence",
                "{\"transfer\":\"" + u.get("id") + "\",\"note\":\"par id\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"sha256\":\"" + u.get("sha256") + "\"").contains("\"line\":" + u.get("line_no"));
        assertThat(apiPost("investigator", "/api/cases/" + id + "/evidence", "{\"transfer\":\"" + u.get("id") + "\"}")
                .body()).contains("already evidence");
        assertThat(apiPost("investigator", "/api/cases/" + id + "/evidence", "{\"transfer\":\"NO-SUCH-REF\"}").statusCode())
                .isEqualTo(400);
        assertThat(events("case.evidence.add", "case:" + id)).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains("sha256"));
    }

    @Test
    void twoTeamsWithTheSamePersonLearnWhomToContactAndNothingElse() throws Exception {
        // Two different records of one resolved entity, and one unrelated record only the first case holds.
        List<String> pair = sameEntityPair();
        String secret = records(1, Optional.of(pair.getFirst())).getFirst();
        long a = createCase("investigator", "PARQ-SECRET-A", "Opération Mistral");
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", pair.get(0), "kind", "BUYER"));
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", secret, "kind", "FACILITATOR"));
        post("investigator", "/cases/" + a + "/notes", Map.of("text", "Note interne Mistral"));
        String secretLabel = label(a, secret);

        long b = createCase("investigator2", "PARQ-B", "Autre équipe");
        HttpResponse<String> added = post("investigator2", "/cases/" + b + "/subjects",
                Map.of("recordId", pair.get(1), "kind", "OTHER"));
        assertThat(added.statusCode()).isEqualTo(302);
        String bPage = page("investigator2", "/cases/" + b).body();
        assertThat(bPage).contains("id=\"case-conflict-warning\"").contains("data-testid=\"case-conflict\"")
                .contains("Test investigator").contains("unit of investigator").contains("investigator@test.invalid");
        String bJson = api("investigator2", "/api/cases/" + b + "/conflicts").body();
        assertThat(bJson).contains("investigator@test.invalid");
        for (String other : List.of(api("investigator2", "/api/cases/" + b).body(), bJson, bPage,
                page("investigator2", "/cases").body(), page("investigator2", "/").body())) {
            assertThat(other).doesNotContain("Mistral").doesNotContain("PARQ-SECRET-A").doesNotContain(secretLabel);
        }
        String aPage = page("investigator", "/cases/" + a).body();
        assertThat(aPage).contains("data-testid=\"case-conflict\"").contains("investigator2@test.invalid")
                .doesNotContain("Autre équipe").doesNotContain("PARQ-B");
        assertThat(page("investigator2", "/").body()).contains("Conflits à résoudre");
        assertThat(events("case.conflict", "case:" + Math.min(a, b))).hasSize(1);
        assertThat(new AuditLog(web.database.dataSource()).search(AuditLog.Query.latest(100_000)))
                .as("the audit trail (which admins browse) names cases and subjects by id only")
                .noneMatch(e -> e.detail().contains("Mistral") || e.detail().contains(secretLabel));
        page("investigator", "/cases/" + a);
        assertThat(events("case.conflict", "case:" + Math.min(a, b))).as("audited once per pair").hasSize(1);
    }

    /**
     * Deconfliction is symmetric even when the other team probes: adding a subject, reading whom to contact, and
     * removing the subject leaves the other case's lead a notice naming whom to contact in return.
     */
    @Test
    void theOtherLeadIsToldAndStaysToldWhenTheSubjectIsRemoved() throws Exception {
        String record = records(1, Optional.empty()).getFirst();
        long a = createCase("investigator", "PARQ-NOTICE-A", "Avis A");
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", record, "kind", "BUYER"));
        String aLabel = label(a, record);
        long b = createCase("investigator2", "PARQ-PROBE-B", "Sonde B");
        post("investigator2", "/cases/" + b + "/subjects", Map.of("recordId", record, "kind", "OTHER"));
        assertThat(page("investigator2", "/cases/" + b).body()).contains("investigator@test.invalid");
        String subject = rows("SELECT id FROM case_subject WHERE case_id = ?", b).getFirst().get("id");
        assertThat(post("investigator2", "/cases/" + b + "/subjects", Map.of("action", "remove", "subjectId", subject))
                .statusCode()).isEqualTo(302);

        String aPage = page("investigator", "/cases/" + a).body();
        assertThat(aPage).as("the conflict itself is gone").doesNotContain("data-testid=\"case-conflict\"");
        java.util.regex.Matcher notice = java.util.regex.Pattern.compile(
                "data-testid=\"case-notice\".*?</tr>", java.util.regex.Pattern.DOTALL).matcher(aPage);
        assertThat(notice.find()).as(aPage).isTrue();
        assertThat(notice.group()).contains("investigator2@test.invalid").contains("unit of investigator2")
                .contains(aLabel);
        assertThat(aPage).doesNotContain("Sonde B").doesNotContain("PARQ-PROBE-B");
        assertThat(page("investigator", "/").body()).contains("Avis de déconfliction");
        assertThat(events("case.deconfliction.notice", "case:" + a)).singleElement()
                .satisfies(e -> assertThat(e.username()).isEqualTo("investigator2"))
                .satisfies(e -> assertThat(e.detail()).contains("case:" + b).doesNotContain(aLabel));
    }

    /** Adding, removing and adding back the same subject tells the other lead once, not once per addition. */
    @Test
    void theSameSubjectAddedAgainLeavesOneNotice() throws Exception {
        String record = records(1, Optional.empty()).getFirst();
        long a = createCase("investigator", "PARQ-ONCE-A", "Une fois A");
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", record, "kind", "BUYER"));
        long b = createCase("investigator2", "PARQ-ONCE-B", "Une fois B");
        for (int i = 0; i < 3; i++) {
            post("investigator2", "/cases/" + b + "/subjects", Map.of("recordId", record, "kind", "OTHER"));
            String subject = rows("SELECT id FROM case_subject WHERE case_id = ?", b).getFirst().get("id");
            post("investigator2", "/cases/" + b + "/subjects", Map.of("action", "remove", "subjectId", subject));
        }
        assertThat(rows("SELECT id FROM deconfliction_notice WHERE case_id = ? AND from_case = ?", a, b)).hasSize(1);
        assertThat(events("case.deconfliction.notice", "case:" + a)).hasSize(1);
    }

    @Test
    void aRecordTypedAnotherWayIsTheSamePersonForDeconfliction() throws Exception {
        String record = records(1, Optional.empty()).getFirst(); // e.g. "12:S"
        String typedOtherwise = "00" + record.toLowerCase(java.util.Locale.ROOT); // "0012:s", as a user might type it
        long a = createCase("investigator", "PARQ-TYPED-A", "Saisie A");
        long b = createCase("investigator2", "PARQ-TYPED-B", "Saisie B");
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", record, "kind", "BUYER"));
        HttpResponse<String> added = post("investigator2", "/cases/" + b + "/subjects",
                Map.of("recordId", typedOtherwise, "kind", "BUYER"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(api("investigator2", "/api/cases/" + b).body()).as("stored in the one spelling of a record id")
                .contains("\"" + record + "\"").doesNotContain(typedOtherwise);
        assertThat(page("investigator2", "/cases/" + b).body()).contains("data-testid=\"case-conflict\"")
                .contains("investigator@test.invalid");
    }

    @Test
    void aLaterMergeByResolutionIsCaughtToo() throws Exception {
        List<String> two = records(2, Optional.empty());
        long a = createCase("investigator", "PARQ-MERGE-A", "Fusion A");
        long b = createCase("investigator2", "PARQ-MERGE-B", "Fusion B");
        post("investigator", "/cases/" + a + "/subjects", Map.of("recordId", two.get(0), "kind", "BUYER"));
        post("investigator2", "/cases/" + b + "/subjects", Map.of("recordId", two.get(1), "kind", "BUYER"));
        assertThat(page("investigator2", "/cases/" + b).body()).doesNotContain("data-testid=\"case-conflict\"");
        // As resolution would after new evidence: the second record's entity joins the first's.
        String first = entityOf(two.get(0));
        update("UPDATE entity_member SET entity_id = ? WHERE entity_id = ?", first, entityOf(two.get(1)));
        assertThat(page("investigator2", "/cases/" + b).body()).contains("data-testid=\"case-conflict\"")
                .contains("investigator@test.invalid").doesNotContain("Fusion A");
        assertThat(api("investigator", "/api/cases/" + a + "/conflicts").body()).contains("investigator2@test.invalid");
    }

    @Test
    void workingForACaseIsRecordedWithLaterReads() {
        long id = createCase("investigator", "PARQ-WORK-6", "Travail");
        assertThat(post("analyst2", "/cases/" + id + "/work", Map.of()).statusCode()).isEqualTo(404);
        page("analyst2", "/cases");
        assertThat(latest("analyst2", "case.list").caseId()).isEmpty();

        assertThat(post("investigator", "/cases/" + id + "/work", Map.of()).statusCode()).isEqualTo(302);
        assertThat(page("investigator", "/cases").body()).contains("id=\"case-work-clear\"");
        assertThat(latest("investigator", "case.list").caseId()).contains(id);
        assertThat(page("investigator", "/cases/" + id).body()).contains("id=\"case-working\"");
        post("investigator", "/cases/work/clear", Map.of());
        page("investigator", "/cases");
        assertThat(latest("investigator", "case.list").caseId()).isEmpty();
        assertThat(latest("investigator", "case.work").object()).isEqualTo("case:" + id);
    }

    @Test
    void someoneTakenOffTheTeamStopsWorkingForTheCaseAtOnce() {
        long id = createCase("investigator", "PARQ-WORK-7", "Retrait");
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2"));
        assertThat(post("analyst2", "/cases/" + id + "/work", Map.of()).statusCode()).isEqualTo(302);
        page("analyst2", "/cases");
        assertThat(latest("analyst2", "case.list").caseId()).contains(id);

        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2", "action", "remove"));
        // The same session, still holding the case it chose: its next reads are credited to no case.
        assertThat(page("analyst2", "/cases").body()).doesNotContain("id=\"case-work-clear\"");
        assertThat(latest("analyst2", "case.list").caseId()).isEmpty();
    }

    @Test
    void theWorkingCaseIsKeptAcrossSignInsWhileTheUserMaySeeIt() {
        long id = createCase("investigator", "PARQ-WORK-8", "Reprise");
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2"));
        WebFixture.Session first = web.signIn("analyst2"); // sessions of their own: each sign-in is the point here
        first.get("/cases/" + id);
        assertThat(first.postForm("/cases/" + id + "/work", Map.of()).statusCode()).isEqualTo(302);
        signOut(first);

        WebFixture.Session again = web.signIn("analyst2");
        assertThat(latest("analyst2", "case.work").detail()).isEqualTo("resumed at sign-in");
        assertThat(again.get("/cases/" + id).body()).contains("id=\"case-working\"");
        assertThat(latest("analyst2", "case.view").caseId()).contains(id);
        // Stopping is kept too.
        again.postForm("/cases/work/clear", Map.of());
        signOut(again);
        WebFixture.Session stopped = web.signIn("analyst2");
        assertThat(stopped.get("/cases/" + id).body()).doesNotContain("id=\"case-working\"");
        assertThat(stopped.postForm("/cases/" + id + "/work", Map.of()).statusCode()).isEqualTo(302);
        signOut(stopped);

        // Taken off the team: the next sign-in does not bring the case back, and forgets it.
        post("investigator", "/cases/" + id + "/members", Map.of("username", "analyst2", "action", "remove"));
        WebFixture.Session removed = web.signIn("analyst2");
        assertThat(latest("analyst2", "case.work").detail()).isEqualTo("dropped at sign-in: no longer visible");
        assertThat(rows("SELECT coalesce(working_case::text, 'none') AS w FROM app_user WHERE username = ?", "analyst2")
                .getFirst().get("w")).isEqualTo("none");
        assertThat(removed.get("/cases").body()).doesNotContain("id=\"case-work-clear\"");
        assertThat(latest("analyst2", "case.list").caseId()).isEmpty();
    }

    private static void signOut(WebFixture.Session s) {
        s.get("/cases");
        assertThat(s.postForm("/logout", Map.of()).headers().firstValue("Location").orElse("")).contains("/login?logout");
    }

    @Test
    void apiReadsAreRecordedForTheCaseNamedInTheHeaderOnlyIfTheUserMaySeeIt() {
        long id = createCase("investigator", "PARQ-HDR-9", "En-tête");
        var mine = web.send(web.api("investigator", "/api/cases").header("X-Piste-Case", Long.toString(id)).GET().build());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(latest("investigator", "case.list").caseId()).contains(id);
        var other = web.send(web.api("analyst2", "/api/cases").header("X-Piste-Case", Long.toString(id)).GET().build());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("PARQ-HDR-9");
        assertThat(web.send(web.api("analyst2", "/api/cases").header("X-Piste-Case", "x").GET().build()).statusCode())
                .isEqualTo(400);
        // Pages take the case from the session only: a header on a page request is not believed.
        var s = session("analyst2");
        s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.url("/cases")))
                .header("X-Piste-Case", Long.toString(id)).GET().build());
        assertThat(latest("analyst2", "case.list").caseId()).isEmpty();
    }

    @Test
    void theAddSubjectFormListsTheUsersOpenCasesOnly() {
        long mine = createCase("analyst", "PARQ-FORM-7", "Formulaire");
        String record = records(1, Optional.empty()).getFirst();
        String form = page("analyst", "/cases/subject-form?entityId=" + record).body();
        assertThat(form).contains("PARQ-FORM-7").contains("/cases/" + mine + "/subjects").contains(record);
        assertThat(page("analyst2", "/cases/subject-form?entityId=" + record).body()).doesNotContain("PARQ-FORM-7");
        assertThat(page("prosecutor", "/cases/subject-form?entityId=" + record).body()).doesNotContain("PARQ-FORM-7");
    }

    @Test
    void apiCreatesCasesAndAnswersBadRequestsWithASentence() {
        HttpResponse<String> created = apiPost("analyst", "/api/cases", "{\"reference\":\"API-8\",\"title\":\"Par l'API\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"lead\":\"analyst\"").contains("\"kind\":\"create\"");
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"summary\":\\{\"id\":(\\d+).*", "$1"));
        assertThat(apiPost("analyst", "/api/cases", "{\"title\":\"sans référence\"}").body()).contains("needs a reference");
        assertThat(apiPost("analyst", "/api/cases", "not json").statusCode()).isEqualTo(400);
        assertThat(apiPost("prosecutor", "/api/cases", "{\"reference\":\"P\",\"title\":\"P\"}").statusCode()).isEqualTo(403);
        assertThat(apiPost("analyst", "/api/cases/" + id + "/subjects", "{\"recordId\":\"1:S\",\"kind\":\"uncle\"}")
                .body()).contains("Unknown subject kind");
        assertThat(apiPost("analyst", "/api/cases/" + id + "/subjects", "{\"recordId\":\"99999999:S\",\"kind\":\"buyer\"}")
                .statusCode()).isEqualTo(400);
        assertThat(apiPost("analyst", "/api/cases/" + id + "/status", "{\"status\":\"archived\"}").statusCode()).isEqualTo(400);
        assertThat(api("analyst", "/api/openapi").body()).contains("/api/cases/{id}/conflicts");
    }

    // --- helpers

    static WebFixture.Session session(String user) {
        return sessions.computeIfAbsent(user, web::signIn);
    }

    static HttpResponse<String> page(String user, String path) {
        return session(user).get(path);
    }

    static HttpResponse<String> post(String user, String path, Map<String, String> fields) {
        WebFixture.Session s = session(user);
        s.get("/cases");
        return s.postForm(path, fields);
    }

    static long createCase(String user, String reference, String title) {
        HttpResponse<String> r = post(user, "/cases", Map.of("reference", reference, "title", title));
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/cases/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static HttpResponse<String> api(String user, String path) {
        return web.send(web.api(user, path).GET().build());
    }

    static HttpResponse<String> apiPost(String user, String path, String json) {
        return web.send(web.api(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static List<AuditEvent> events(String action, String object) {
        return new AuditLog(web.database.dataSource()).search(new AuditLog.Query("", action, object, Optional.empty(),
                Long.MAX_VALUE, 1000)).stream().filter(e -> e.object().equals(object)).toList();
    }

    static AuditEvent latest(String user, String action) {
        return new AuditLog(web.database.dataSource()).search(new AuditLog.Query(user, action, "", Optional.empty(),
                Long.MAX_VALUE, 1)).getFirst();
    }

    /** Resolved records, each from a different entity (and not of the given record's entity), not yet in a case. */
    static List<String> records(int n, Optional<String> notWith) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> row : rows("SELECT DISTINCT ON (m.entity_id) m.record_id, m.entity_id FROM entity_member m"
                + " WHERE m.entity_id <> coalesce((SELECT entity_id FROM entity_member WHERE record_id = ?), '')"
                + " AND NOT EXISTS (SELECT 1 FROM case_subject s JOIN entity_member x ON x.record_id = s.record_id"
                + " WHERE x.entity_id = m.entity_id) ORDER BY m.entity_id, m.record_id LIMIT ?",
                notWith.orElse(""), n)) {
            out.add(row.get("record_id"));
        }
        assertThat(out).hasSize(n);
        return out;
    }

    /** Two records of one entity (not yet in a case). */
    static List<String> sameEntityPair() {
        List<Map<String, String>> r = rows("SELECT record_id, entity_id FROM entity_member m WHERE entity_id IN"
                + " (SELECT entity_id FROM entity_member GROUP BY entity_id HAVING count(*) >= 2 AND entity_id NOT IN"
                + " (SELECT x.entity_id FROM case_subject s JOIN entity_member x ON x.record_id = s.record_id)"
                + " ORDER BY entity_id LIMIT 1) ORDER BY record_id DESC LIMIT 2");
        assertThat(r).hasSize(2);
        return List.of(r.get(0).get("record_id"), r.get(1).get("record_id"));
    }

    static String entityOf(String record) {
        return rows("SELECT entity_id FROM entity_member WHERE record_id = ?", record).getFirst().get("entity_id");
    }

    /** The label (name as written) case {@code id} shows for the record. */
    static String label(long id, String record) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"recordId\":\"" + record
                + "\"[^}]*\"label\":\"([^\"]*)\"").matcher(api("prosecutor", "/api/cases/" + id).body());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isNotBlank();
        return m.group(1);
    }

    static Map<String, String> one(String sql) {
        return rows(sql).getFirst();
    }

    static List<Map<String, String>> rows(String sql, Object... params) {
        try (Connection c = web.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(String sql, Object... params) throws SQLException {
        try (Connection c = web.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            s.executeUpdate();
        }
    }
}
