package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.StoredRows;
import org.piste.app.web.imports.Multipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, a probe of the demo: what a hostile or broken input does to the pages and the API. Every answer is a 400
 * in the one error shape, with a sentence of bounded length; nothing stored from data breaks a page for everyone.
 */
class HostileInputTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BAD_REF = "../../admin/users";
    static WebFixture web;

    @BeforeAll
    static void start() throws SQLException {
        web = WebFixture.start();
        try (Connection c = web.database.connect(); var st = c.createStatement()) {
            // Rows as an import made before references were checked would have left them.
            st.execute("INSERT INTO referral_source (sha256, original_name, legal_reference) VALUES ('" + "a".repeat(64)
                    + "', 'old.json', '')");
            st.execute("INSERT INTO referral (source_id, position, ref, agency, referral_date) SELECT id, 0, '" + BAD_REF
                    + "', 'NCA', '2024-01-01' FROM referral_source");
            st.execute("INSERT INTO referral (source_id, position, ref, agency, referral_date) SELECT id, 1, 'A B?c#d%e{f}', "
                    + "'NCA', '2024-01-01' FROM referral_source");
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static String referralFile(String ref, String name) {
        return "[{\"referral_ref\": \"" + ref + "\", \"agency\": \"NCA\", \"date\": \"2026-01-15\", \"subjects\": "
                + "[{\"role\": \"BUYER\", \"name\": \"" + name + "\"}]}]";
    }

    static long referralsStored(String ref) {
        return ((Number) new StoredRows(web.database).query("SELECT count(*) AS n FROM referral WHERE ref = ?", ref).get(0)
                .get("n")).longValue();
    }

    static HttpResponse<String> apiUpload(String name, byte[] content) {
        return web.send(new Multipart().file("file", name, content).into(web.api("analyst", "/api/referrals")).build());
    }

    static void assertProblem(HttpResponse<String> r, String path, String sentence) {
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).path("detail").asString()).as(path).contains(sentence);
    }

    static void assertErrorPage(HttpResponse<String> r, String path, String sentence) {
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.body()).as(path).contains("id=\"problem\"").contains(sentence);
    }

    /** Issue 16, 1: a stored reference like a path no longer breaks the list; every link to it is one path segment. */
    @Test
    void aStoredReferenceLikeAPathIsListedWithItsLinkEncoded() {
        var s = web.signIn("analyst");
        HttpResponse<String> list = s.get("/referrals");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/referrals/..%2F..%2Fadmin%2Fusers\"")
                .contains("href=\"/referrals/A%20B%3Fc%23d%25e%7Bf%7D\"");
    }

    /** Issue 16, 1: such a reference is refused at import, in a sentence naming it, and nothing of the file is stored. */
    @Test
    void aReferenceLikeAPathIsRefusedAtImport() {
        String file = "[" + referralFile("NCA-2026-000001", "Fictif Testeur").substring(1).replace("]}]", "]},")
                + referralFile("../../cases", "Fictif Testeur").substring(1);
        HttpResponse<String> api = apiUpload("path.json", file.getBytes(StandardCharsets.UTF_8));
        assertProblem(api, "upload", "path.json: referral 1: 'referral_ref' must be 1 to 64 letters, digits");
        assertThat(JSON.readTree(api.body()).path("detail").asString()).contains("\"../../cases\"");
        assertThat(referralsStored("NCA-2026-000001")).isZero();
        assertThat(referralsStored("../../cases")).isZero();

        var s = web.signIn("analyst");
        String csrf = Multipart.csrf(s.get("/referrals").body());
        HttpResponse<String> page = s.send(new Multipart().field("_csrf", csrf).file("file", "path.json",
                file.getBytes(StandardCharsets.UTF_8)).into(HttpRequest.newBuilder(URI.create(web.url("/referrals")))).build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(s.get("/referrals").body()).contains("id=\"referral-error\"").contains("&#39;referral_ref&#39; must be");
        assertThat(referralsStored("NCA-2026-000001")).isZero();
    }

    /** Issue 16, 3: a referral file with a NUL or bytes that are not UTF-8 is a 400 with a sentence, never a 500. */
    @Test
    void aReferralFileWithANulOrNotUtf8IsABadRequest() {
        assertProblem(apiUpload("nul.json", referralFile("NCA-2026-000002", "Fictif\\u0000Testeur")
                .getBytes(StandardCharsets.UTF_8)), "escaped NUL", "'name' contains a NUL character");
        assertProblem(apiUpload("raw.json", referralFile("NCA-2026-000002", "Fictif\u0000Testeur")
                .getBytes(StandardCharsets.UTF_8)), "raw NUL", "raw.json: not valid JSON");
        byte[] latin1 = referralFile("NCA-2026-000002", "Fictif Testé").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(apiUpload("latin1.json", latin1), "latin-1", "latin1.json: not UTF-8");
        assertThat(referralsStored("NCA-2026-000002")).isZero();
    }

    static HttpResponse<String> postJson(String user, String path, String json) {
        return web.send(web.api(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** Issue 16: a NUL in a JSON request body (escaped, as JSON allows) is a 400 naming the field, never a 500. */
    @Test
    void aNulInAJsonBodyIsABadRequest() {
        assertProblem(postJson("investigator", "/api/cases", "{\"reference\": \"PARQ\\u0000NUL\", \"title\": \"t\"}"),
                "case", "The field 'reference' contains a NUL character.");
        assertProblem(postJson("admin", "/api/admin/users", "{\"username\": \"nul-user\", \"role\": \"ANALYST\","
                + " \"password\": \"a-long-enough-password\", \"contact\": \"x\\u0000y\"}"),
                "account", "The field 'contact' contains a NUL character.");
        String created = postJson("investigator", "/api/cases", "{\"reference\": \"PARQ-NUL\", \"title\": \"t\"}").body();
        long id = JSON.readTree(created).path("summary").path("id").asLong();
        assertProblem(postJson("investigator", "/api/cases/" + id + "/notes", "{\"text\": \"a\\u0000b\"}"),
                "note", "The field 'text' contains a NUL character.");
    }

    /** Issue 16, 3: a NUL or bytes that are not UTF-8 in a parameter (a filter, an entity id) are a 400, never a 500. */
    @Test
    void aNulOrBytesNotUtf8InAParameterAreABadRequest() {
        for (String path : new String[] {"/api/alerts?q=%00", "/api/alerts?q=%FF", "/api/alerts?q=%C3%28",
                "/api/network/expand?entity=%00"}) {
            assertProblem(web.send(web.api("analyst", path).GET().build()), path, "parameter");
        }
        var s = web.signIn("analyst");
        for (String path : new String[] {"/alerts?q=%00", "/alerts?q=%FF", "/network?entity=%00", "/network?entity=12%00:S"}) {
            assertErrorPage(s.get(path), path, "parameter");
        }
    }

    /** Issue 16, 4: the name searched among alerts is at most 200 characters (a long one slowed every user). */
    @Test
    void theAlertsNameFilterIsCapped() {
        String path = "/api/alerts?q=" + "x".repeat(201);
        assertProblem(web.send(web.api("analyst", path).GET().build()), "q=201", "at most 200 characters");
        assertThat(web.send(web.api("analyst", "/api/alerts?q=" + "x".repeat(200)).GET().build()).statusCode())
                .as("200 characters are searched (nothing screened here)").isEqualTo(404);
        assertErrorPage(web.signIn("analyst").get("/alerts?q=" + "x".repeat(201)), "page", "at most 200 characters");
    }

    /** Issue 16, 5: a sentence quoting a huge value is cut, saying how long it was. */
    @Test
    void aLongErrorSentenceIsCapped() {
        String path = "/api/alerts?side=" + "y".repeat(6000);
        HttpResponse<String> api = web.send(web.api("analyst", path).GET().build());
        assertProblem(api, "long side", "side must be SENDER or RECIPIENT");
        JsonNode body = JSON.readTree(api.body());
        assertThat(body.path("detail").asString()).hasSizeLessThan(400).contains("…").contains("characters in all");
        assertThat(body.path("error").asString()).isEqualTo(body.path("detail").asString());
        HttpResponse<String> page = web.signIn("analyst").get("/alerts?side=" + "y".repeat(6000));
        assertErrorPage(page, "long side page", "side must be SENDER or RECIPIENT");
        assertThat(page.body()).doesNotContain("y".repeat(400)).contains("characters in all");
    }

    /**
     * Review of issue 16, 3: a name with a NUL (the database takes none) is a plain failed sign-in, on the form and
     * on the API alike, and touches no counter. (A trailing NUL is trimmed by the form, as spaces are.)
     */
    @Test
    void aNameWithANulIsAPlainFailedSignIn() {
        String name = "ana\0lyst";
        HttpResponse<String> form = web.session().from("10.77.0.1").postForm("/login",
                java.util.Map.of("username", name, "password", WebFixture.PASSWORD));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        String basic = java.util.Base64.getEncoder().encodeToString((name + ":" + WebFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> api = web.send(HttpRequest.newBuilder(URI.create(web.url("/api/cases")))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(new StoredRows(web.database).query("SELECT count(*) AS n FROM sign_in_failure WHERE key = '10.77.0.1'"))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("n")).longValue()).isZero());
    }
}
