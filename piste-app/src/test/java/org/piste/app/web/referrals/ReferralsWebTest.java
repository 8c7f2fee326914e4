package org.piste.app.web.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.referrals.Match;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.referrals.ReferralStore;
import org.piste.app.web.WebFixture;
import org.piste.app.web.imports.Multipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The referral pages and API on the demo data: list, show, rule on matches (seeds follow), upload, refusals. */
class ReferralsWebTest {
    /** Who the test's own reads of the stored referrals are audited for (the assertions look at other users' lines). */
    private static final Actor READER = Actor.user("test-reader", Role.ANALYST, Optional.empty());
    static WebFixture web;
    static ReferralQueries queries;
    /** The match the tests rule on; each test that changes it leaves it accepted (a seed). */
    static Seed seed;
    @TempDir static Path dir;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        web.withDemoData(300, dir);
        queries = new ReferralQueries(web.database);
        seed = loneSeed();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** A proposed match that alone makes its entity a screening seed. */
    record Seed(String ref, int index, String entity) {}

    static Seed loneSeed() {
        String sql = "SELECT r.ref, s.subject_index, coalesce(em.entity_id, m.entity_id) FROM referral_match m "
                + "JOIN referral_subject s ON s.id = m.subject_id JOIN referral r ON r.id = s.referral_id "
                + "LEFT JOIN entity_member em ON em.record_id = m.record_id WHERE m.status <> 'REJECTED' AND "
                + "(m.status = 'ACCEPTED' OR m.basis = 'TRANSFER_REFERENCE' OR m.probability >= ?)";
        List<Seed> all = new ArrayList<>();
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, ReferralStore.SEED_PROBABILITY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.add(new Seed(rs.getString(1), rs.getInt(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> perEntity = new HashMap<>();
        all.forEach(s -> perEntity.merge(s.entity(), 1, Integer::sum));
        return all.stream().filter(s -> perEntity.get(s.entity()) == 1 && status(s).equals(Match.Status.PROPOSED))
                .findFirst().orElseThrow(() -> new AssertionError("the demo data has no lone seed"));
    }

    /** An entity no referral names. */
    static String notASeed() {
        var seeds = ReferralStore.seeds(web.database);
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT entity_id FROM entity_member ORDER BY entity_id LIMIT 200"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) if (!seeds.containsKey(rs.getString(1))) return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("every entity is a seed");
    }

    static Match.Status status(Seed s) {
        return match(s).status();
    }

    static Match match(Seed s) {
        return queries.find(READER, s.ref()).orElseThrow().subjects().get(s.index()).matches().stream()
                .filter(m -> m.entityId().equals(s.entity())).findFirst().orElseThrow();
    }

    static List<AuditEvent> audit(String user, String action) {
        return new AuditLog(web.database.dataSource()).search(new AuditLog.Query(user, action, "", Optional.empty(),
                Long.MAX_VALUE, 100));
    }

    static JsonNode json(HttpResponse<String> r) {
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void theListAndAReferralShowSubjectsMatchesAndLinksToEntities() {
        var s = web.signIn("investigator");
        var all = queries.list(READER);
        assertThat(all).isNotEmpty();
        String list = s.get("/referrals").body();
        assertThat(list).contains("id=\"referrals-table\"").contains("data-ref=\"" + all.get(0).ref() + "\"")
                .contains("id=\"referral-upload-form\"");
        String page = s.get("/referrals/" + seed.ref()).body();
        assertThat(page).contains("id=\"subject-" + seed.index() + "\"")
                .contains("href=\"/entities/" + seed.entity() + "\"")
                .contains("data-testid=\"match-" + seed.index() + "-" + seed.entity() + "\"")
                .contains("data-testid=\"accept-" + seed.index() + "-" + seed.entity() + "\"");
        assertThat(audit("investigator", "referrals.view")).isNotEmpty();
        assertThat(audit("investigator", "referral.view")).anySatisfy(e ->
                assertThat(e.object()).isEqualTo("referral:" + seed.ref()));
        assertThat(s.get("/referrals/NO-SUCH-REF").statusCode()).isEqualTo(404);
    }

    @Test
    void rejectingThenAcceptingAMatchChangesItsStatusAndTheNextScreeningsSeeds() {
        var s = web.signIn("analyst");
        assertThat(ReferralStore.seeds(web.database)).containsKey(seed.entity());
        s.get("/referrals/" + seed.ref());
        HttpResponse<String> r = s.postForm("/referrals/" + seed.ref() + "/subjects/" + seed.index() + "/reject",
                Map.of("entityId", seed.entity(), "note", "homonyme"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(status(seed)).isEqualTo(Match.Status.REJECTED);
        assertThat(match(seed).decidedBy()).isEqualTo("analyst");
        Map<String, String> seeds = ReferralStore.seeds(web.database);
        assertThat(seeds).doesNotContainKey(seed.entity());
        String after = s.get(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath()).body();
        assertThat(after).contains("id=\"referral-decided\"").contains("id=\"refresh-screening\"")
                .contains(seeds.size() + " entités confirmées");
        // The ruling names the entity beside its number and side, linked (issue 17, item 2).
        assertThat(after).contains("data-testid=\"referral-decided-line\"");
        String line = after.substring(after.indexOf("data-testid=\"referral-decided-line\""));
        assertThat(line.substring(0, line.indexOf("</p>"))).contains("href=\"/entities/" + seed.entity() + "\"")
                .contains("(n° " + seed.entity() + ", " + (seed.entity().endsWith(":S") ? "expéditeur" : "bénéficiaire") + ")");
        assertThat(audit("analyst", "referral.decide")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("referral:" + seed.ref() + ":subject:" + seed.index());
            assertThat(e.detail()).contains("REJECTED").contains("homonyme");
        });

        s.postForm("/referrals/" + seed.ref() + "/subjects/" + seed.index() + "/accept", Map.of("entityId", seed.entity()));
        assertThat(status(seed)).as("the latest ruling wins").isEqualTo(Match.Status.ACCEPTED);
        assertThat(ReferralStore.seeds(web.database)).containsKey(seed.entity());
    }

    @Test
    void acceptingAnEntityThatWasNotProposedAddsIt() {
        var s = web.signIn("analyst");
        var detail = queries.find(READER, queries.list(READER).get(0).ref()).orElseThrow();
        var subject = detail.subjects().get(0);
        String other = notASeed();
        s.get("/referrals/" + detail.summary().ref());
        s.postForm("/referrals/" + detail.summary().ref() + "/subjects/" + subject.index() + "/accept",
                Map.of("entityId", other, "note", "vu dans le dossier"));
        var added = queries.find(READER, detail.summary().ref()).orElseThrow().subjects().get(0).matches().stream()
                .filter(m -> m.entityId().equals(other)).findFirst().orElseThrow();
        assertThat(added.basis()).isEqualTo(Match.Basis.ANALYST);
        assertThat(added.status()).isEqualTo(Match.Status.ACCEPTED);
    }

    static final String FILE = """
            [{"referral_ref": "TEST-2026-000001", "agency": "NCA", "date": "2026-01-15",
              "subjects": [{"role": "BUYER", "name": "Fictif Testeur", "city": "Lyon", "transfer_refs": []}]}]
            """;

    HttpResponse<String> uploadPage(WebFixture.Session s, String name, String content) {
        String csrf = Multipart.csrf(s.get("/referrals").body());
        return s.send(new Multipart().field("_csrf", csrf).field("legalReference", "DEA-2026-3")
                .file("file", name, content.getBytes(StandardCharsets.UTF_8))
                .into(HttpRequest.newBuilder(URI.create(web.url("/referrals")))).build());
    }

    @Test
    void aReferralsFileIsImportedOnceAndAMalformedOneIsExplainedInOneSentence() {
        var s = web.signIn("analyst");
        assertThat(uploadPage(s, "nca-janvier.json", FILE).statusCode()).isEqualTo(302);
        String page = s.get("/referrals").body();
        assertThat(page).contains("id=\"referral-imported\"").contains("nca-janvier.json")
                .contains("data-ref=\"TEST-2026-000001\"").contains("DEA-2026-3");
        int count = queries.list(READER).size();

        uploadPage(s, "again.json", FILE);
        assertThat(s.get("/referrals").body()).contains("id=\"referral-already\"");
        assertThat(queries.list(READER)).hasSize(count);

        uploadPage(s, "bad.json", FILE.replace("BUYER", "SELLER").replace("000001", "000002"));
        String bad = s.get("/referrals").body();
        assertThat(bad).contains("id=\"referral-error\"").contains("bad.json: referral 0 (TEST-2026-000002), subject 0")
                .doesNotContain("piste-uploads");
        assertThat(queries.find(READER, "TEST-2026-000002")).isEmpty();
        assertThat(audit("analyst", "referral.import")).anySatisfy(e -> assertThat(e.detail()).contains("nca-janvier.json"));
    }

    @Test
    void theApiListsShowsRulesAndImports() {
        var list = json(web.send(web.api("analyst", "/api/referrals").GET().build()));
        assertThat(list.size()).isEqualTo(queries.list(READER).size());
        var detail = json(web.send(web.api("analyst", "/api/referrals/" + seed.ref()).GET().build()));
        assertThat(detail.get("summary").get("ref").asString()).isEqualTo(seed.ref());
        assertThat(detail.get("subjects").get(seed.index()).get("matches").size()).isPositive();

        String body = "{\"decision\": \"reject\", \"entityId\": \"" + seed.entity() + "\", \"note\": \"api\"}";
        HttpResponse<String> decided = web.send(web.api("analyst", "/api/referrals/" + seed.ref() + "/subjects/"
                + seed.index() + "/decision").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(json(decided).get("match").get("status").asString()).isEqualTo("REJECTED");
        assertThat(json(decided).get("refresh").get("seeds").asInt()).isEqualTo(ReferralStore.seeds(web.database).size());
        assertThat(status(seed)).isEqualTo(Match.Status.REJECTED);

        HttpResponse<String> wrong = web.send(web.api("analyst", "/api/referrals/" + seed.ref() + "/subjects/"
                + seed.index() + "/decision").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"maybe\", \"entityId\": \"x\"}")).build());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("error").asString()).contains("accept").contains("reject");
        HttpResponse<String> accepted = web.send(web.api("analyst", "/api/referrals/" + seed.ref() + "/subjects/"
                + seed.index() + "/decision").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("reject", "accept"))).build());
        assertThat(json(accepted).get("match").get("status").asString()).isEqualTo("ACCEPTED");
        HttpResponse<String> missing = web.send(web.api("analyst", "/api/referrals/NO-SUCH").GET().build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asString()).contains("NO-SUCH");

        String file = FILE.replace("000001", "000099");
        HttpResponse<String> created = web.send(new Multipart().field("legalReference", "API-1")
                .file("file", "api.json", file.getBytes(StandardCharsets.UTF_8)).into(web.api("analyst", "/api/referrals")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("refs").get(0).asString()).isEqualTo("TEST-2026-000099");
        HttpResponse<String> again = web.send(new Multipart().file("file", "api.json", file.getBytes(StandardCharsets.UTF_8))
                .into(web.api("analyst", "/api/referrals")).build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("kind").asString()).isEqualTo("ALREADY_IMPORTED");
    }

    @Test
    void aProsecutorReadsReferralsButCannotRule() {
        var s = web.signIn("prosecutor");
        assertThat(s.get("/referrals").statusCode()).isEqualTo(200);
        String page = s.get("/referrals/" + seed.ref()).body();
        assertThat(page).contains("id=\"subject-" + seed.index() + "\"").doesNotContain("data-testid=\"accept-");
        assertThat(s.postForm("/referrals/" + seed.ref() + "/subjects/" + seed.index() + "/accept",
                Map.of("entityId", seed.entity())).statusCode()).isEqualTo(403);
        assertThat(web.send(web.api("prosecutor", "/api/referrals").GET().build()).statusCode()).isEqualTo(200);
        assertThat(web.send(web.api("prosecutor", "/api/referrals/" + seed.ref() + "/subjects/0/decision")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .statusCode()).isEqualTo(403);
        assertThat(s.get("/").body()).contains("data-card=\"referrals.card.title\"");
    }
}
