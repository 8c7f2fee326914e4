package org.piste.app.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.imports.SourceRecord;
import org.piste.app.imports.SourceRepository;
import org.piste.app.web.WebFixture;
import org.piste.ingest.FrOperatorFile;
import org.piste.ingest.Hashing;

/** The import pages and API on a running server: upload, job, summary, quarantine, audit, refusals. */
class ImportsWebTest {
    static WebFixture web;
    static SourceRepository sources;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        sources = new SourceRepository(web.database);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** good accepted rows, one repeat of the first (a duplicate in the file) and bad rows (quarantined). */
    static byte[] export(String prefix, int good, int bad) {
        FrOperatorFile f = new FrOperatorFile();
        for (int i = 0; i < good; i++) f.row(FrOperatorFile.transfer(prefix + String.format("%04d", i)));
        f.row(FrOperatorFile.transfer(prefix + "0000"));
        for (int i = 0; i < bad; i++) {
            f.row(FrOperatorFile.transfer(prefix + String.format("9%03d", i), Map.of("Date envoi", "31/02/2024")));
        }
        return f.text().getBytes(FrOperatorFile.WINDOWS_1252);
    }

    static HttpResponse<String> upload(WebFixture.Session s, String name, byte[] bytes, Map<String, String> fields) {
        String csrf = Multipart.csrf(s.get("/imports").body());
        Multipart m = new Multipart().field("_csrf", csrf).field("profile", "fr-operator").file("file", name, bytes);
        if (!fields.containsKey("provider")) m.field("provider", "MTO-TEST");
        fields.forEach(m::field);
        return s.send(m.into(HttpRequest.newBuilder(java.net.URI.create(web.url("/imports")))).build());
    }

    static String jobId(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/imports/jobs/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Polls the progress panel as htmx does until the job is finished; returns the last panel. */
    static String await(WebFixture.Session s, String jobId) {
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            HttpResponse<String> panel = s.get("/imports/jobs/" + jobId + "/panel");
            assertThat(panel.statusCode()).isEqualTo(200);
            if (panel.body().contains("data-state=\"DONE\"") || panel.body().contains("data-state=\"FAILED\"")) {
                assertThat(panel.body()).as("a finished panel stops polling").doesNotContain("hx-trigger");
                return panel.body();
            }
            assertThat(panel.body()).contains("hx-trigger=\"every 1s\"");
            sleep(200);
        }
        throw new AssertionError("the import job did not finish");
    }

    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        if (!m.find()) throw new AssertionError("no element " + id + " in " + html);
        return m.group(1).strip().replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    static List<AuditEvent> audit(String user, String action) {
        return new AuditLog(web.database.dataSource()).search(new AuditLog.Query(user, action, "", Optional.empty(),
                Long.MAX_VALUE, 100));
    }

    @Test
    void uploadRunsInTheBackgroundAndShowsCountsThatReconcileWithTheStoredSource() {
        var s = web.signIn("analyst");
        byte[] file = export("71100", 5, 3);
        String job = jobId(upload(s, "export-janvier.csv", file, Map.of("provider", "MTO-TEST", "legalReference", "REQ-2024-17",
                "receivedOn", "2024-02-01")));
        String jobPage = s.get("/imports/jobs/" + job).body();
        assertThat(jobPage).contains("export-janvier.csv").contains("id=\"job-memory\"");
        String panel = await(s, job);

        SourceRecord stored = sources.findBySha256(Hashing.sha256(bytes(file))).orElseThrow();
        var c = stored.file().counts();
        assertThat(c.read()).isEqualTo(9);
        assertThat(c.read()).isEqualTo(c.accepted() + c.quarantined() + c.duplicates());
        assertThat(text(panel, "count-read")).isEqualTo(String.valueOf(c.read()));
        assertThat(text(panel, "count-accepted")).isEqualTo("5");
        assertThat(text(panel, "count-quarantined")).isEqualTo("3");
        assertThat(text(panel, "count-duplicates")).isEqualTo("1");
        assertThat(panel).contains("id=\"job-reconciles\" class=\"ok\"").contains("UNPARSEABLE_DATE")
                .contains("id=\"refresh-summary\"").contains("id=\"refresh-resolution\"");
        assertThat(stored.file().originalName()).isEqualTo("export-janvier.csv");
        assertThat(stored.file().provider()).isEqualTo("MTO-TEST");
        assertThat(stored.file().legalReference()).isEqualTo("REQ-2024-17");
        assertThat(stored.file().receivedOn()).hasToString("2024-02-01");

        String list = s.get("/imports").body();
        assertThat(list).contains("id=\"source-" + stored.id() + "\"").contains("export-janvier.csv")
                .contains(Hashing.shortForm(stored.file().sha256())).contains("REQ-2024-17");
        assertThat(audit("analyst", "import.upload")).anySatisfy(e -> assertThat(e.detail())
                .contains("file=export-janvier.csv").contains("sha256=" + stored.file().sha256())
                .contains("profile=fr-operator").contains("dryRun=false"));
        assertThat(audit("analyst", "import.view")).anySatisfy(e -> assertThat(e.object()).isEqualTo("import-job:" + job));
        assertThat(uploadsLeft("export-janvier.csv")).as("the temporary upload is deleted").isEmpty();
    }

    /** Nothing silent: a file stored with no row accepted says so, and each reason is named in words. */
    @Test
    void anImportWithNoRowAcceptedSaysSoAndNamesItsReasons() {
        var s = web.signIn("analyst");
        FrOperatorFile f = new FrOperatorFile();
        for (int i = 0; i < 3; i++) f.row(FrOperatorFile.transfer("7150000" + i, Map.of("Date envoi", "31/02/2024")));
        String panel = await(s, jobId(upload(s, "tout-rejete.csv", f.text().getBytes(FrOperatorFile.WINDOWS_1252), Map.of())));

        assertThat(text(panel, "count-accepted")).isEqualTo("0");
        assertThat(text(panel, "job-nothing-accepted")).startsWith("Aucune ligne acceptée sur 3 lues");
        assertThat(panel).contains("class=\"warn\" id=\"job-imported\"").doesNotContain("class=\"ok\" id=\"job-imported\"");
        assertThat(panel).contains("Date ou heure illisible avec les formats du profil").contains("UNPARSEABLE_DATE");
    }

    @Test
    void theSameFileAgainIsAlreadyImportedAndStoresNothing() {
        var s = web.signIn("analyst");
        byte[] file = export("71200", 2, 1);
        await(s, jobId(upload(s, "twice.csv", file, Map.of())));
        int before = sources.all().size();
        String panel = await(s, jobId(upload(s, "twice-renamed.csv", file, Map.of())));
        assertThat(panel).contains("id=\"job-already\"").doesNotContain("id=\"refresh-summary\"");
        assertThat(sources.all()).hasSize(before);
    }

    @Test
    void aDryRunChecksEverythingAndStoresNothing() {
        var s = web.signIn("investigator");
        byte[] file = export("71300", 4, 2);
        String panel = await(s, jobId(upload(s, "dry.csv", file, Map.of("dryRun", "true"))));
        assertThat(panel).contains("id=\"job-dry-run\"");
        assertThat(text(panel, "count-accepted")).isEqualTo("4");
        assertThat(text(panel, "count-quarantined")).isEqualTo("2");
        assertThat(sources.findBySha256(Hashing.sha256(bytes(file)))).isEmpty();
        assertThat(audit("investigator", "import.upload")).anySatisfy(e -> assertThat(e.detail()).contains("dryRun=true"));
    }

    @Test
    void aFileWithAMissingColumnFailsWithOneLineNamingTheClosestHeader() {
        var s = web.signIn("analyst");
        List<String> header = new ArrayList<>(FrOperatorFile.HEADER);
        header.set(header.indexOf("MTCN"), "MTCM");
        byte[] file = new FrOperatorFile(header).text().getBytes(FrOperatorFile.WINDOWS_1252);
        String panel = await(s, jobId(upload(s, "broken.csv", file, Map.of())));
        String error = text(panel, "job-error");
        assertThat(error).contains("missing 'MTCN'").contains("closest: 'MTCM'").doesNotContain("\n")
                .doesNotContain("piste-uploads");
        assertThat(panel).contains("data-state=\"FAILED\"");
    }

    @Test
    void badFormValuesAreRefusedWithASentenceBeforeAnythingIsStored() {
        var s = web.signIn("analyst");
        HttpResponse<String> r = upload(s, "x.csv", export("71400", 1, 0), Map.of("receivedOn", "01/02/2024"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/imports");
        assertThat(s.get("/imports").body()).contains("AAAA-MM-JJ");
        String csrf = Multipart.csrf(s.get("/imports").body());
        Multipart m = new Multipart().field("_csrf", csrf).field("profile", "/etc/passwd").file("file", "p.csv", new byte[] {1});
        s.send(m.into(HttpRequest.newBuilder(java.net.URI.create(web.url("/imports")))).build());
        assertThat(s.get("/imports").body()).contains("Profil inconnu");
    }

    @Test
    void quarantinePagesThroughRejectedRowsAndLinksDuplicatesToTheirOriginal() {
        var s = web.signIn("analyst");
        byte[] file = export("71500", 3, 55);
        await(s, jobId(upload(s, "many-bad.csv", file, Map.of())));
        long id = sources.findBySha256(Hashing.sha256(bytes(file))).orElseThrow().id();

        String page1 = s.get("/imports/" + id + "/quarantine").body();
        assertThat(page1).contains("id=\"quarantine-table\"").contains("UNPARSEABLE_DATE").contains("31/02/2024")
                .contains("id=\"quarantine-next\"").doesNotContain("id=\"quarantine-prev\"")
                .doesNotContain("DUPLICATE_REFERENCE");
        assertThat(count(page1, "data-kind=\"QUARANTINED\"")).isEqualTo(50);
        String page2 = s.get("/imports/" + id + "/quarantine?page=2").body();
        assertThat(count(page2, "data-kind=\"QUARANTINED\"")).isEqualTo(5);
        assertThat(page2).contains("id=\"quarantine-prev\"").doesNotContain("id=\"quarantine-next\"");

        String withDuplicates = s.get("/imports/" + id + "/quarantine?duplicates=true").body();
        assertThat(withDuplicates).contains("data-kind=\"DUPLICATE\"").contains("DUPLICATE_REFERENCE")
                .contains("data-testid=\"original-5\""); // line 5 repeats line 2, the first transfer
        assertThat(audit("analyst", "quarantine.view")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("source:" + id);
            assertThat(e.detail()).contains("page=2");
        });
        assertThat(s.get("/imports/999999/quarantine").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersJobIsRefused() {
        var s = web.signIn("analyst");
        String job = jobId(upload(s, "mine.csv", export("71600", 1, 0), Map.of()));
        await(s, job);
        assertThat(web.signIn("analyst2").get("/imports/jobs/" + job).statusCode()).isEqualTo(403);
        assertThat(web.send(web.api("analyst2", "/api/imports/jobs/" + job).GET().build()).statusCode()).isEqualTo(403);
    }

    @Test
    void aProsecutorCannotUploadNorSeeImports() {
        var s = web.signIn("prosecutor");
        assertThat(s.get("/imports").statusCode()).isEqualTo(403);
        String csrf = Multipart.csrf(s.get("/").body());
        Multipart m = new Multipart().field("_csrf", csrf).field("profile", "fr-operator").file("file", "p.csv", export("71700", 1, 0));
        assertThat(s.send(m.into(HttpRequest.newBuilder(java.net.URI.create(web.url("/imports")))).build()).statusCode())
                .isEqualTo(403);
        Multipart api = new Multipart().field("profile", "fr-operator").file("file", "p.csv", export("71700", 1, 0));
        assertThat(web.send(api.into(web.api("prosecutor", "/api/imports")).build()).statusCode()).isEqualTo(403);
        assertThat(s.get("/").body()).doesNotContain("imports.card.title");
    }

    @Test
    void theApiUploadsFollowsTheJobAndPagesTheQuarantine() {
        byte[] file = export("71800", 2, 3);
        Multipart m = new Multipart().field("profile", "fr-operator").field("provider", "MTO-API").file("file", "api.csv", file);
        HttpResponse<String> accepted = web.send(m.into(web.api("investigator", "/api/imports")).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/imports/jobs/").isEqualTo(json(accepted).get("location").asString());

        var job = json(accepted).get("job");
        long until = System.currentTimeMillis() + 120_000;
        while (!job.get("state").asString().equals("DONE") && !job.get("state").asString().equals("FAILED")) {
            if (System.currentTimeMillis() > until) throw new AssertionError("the API job did not finish");
            sleep(200);
            job = json(web.send(web.api("investigator", location).GET().build()));
        }
        assertThat(job.get("state").asString()).isEqualTo("DONE");
        var summary = job.get("summary");
        assertThat(summary.get("kind").asString()).isEqualTo("IMPORTED");
        assertThat(summary.get("reconciles").asBoolean()).isTrue();
        long sourceId = summary.get("sourceId").asLong();
        var counts = sources.findById(sourceId).orElseThrow().file().counts();
        assertThat(summary.get("counts").get("read").asLong()).isEqualTo(counts.read());
        assertThat(job.get("refresh").get("resolutionRun").isNumber()).isTrue();

        var list = json(web.send(web.api("investigator", "/api/imports").GET().build()));
        List<String> names = new ArrayList<>();
        for (var n : list) names.add(n.get("fileName").asString());
        assertThat(names).contains("api.csv");

        var q = json(web.send(web.api("investigator", "/api/imports/" + sourceId + "/quarantine?size=2&page=2").GET().build()));
        assertThat(q.get("total").asLong()).isEqualTo(3);
        assertThat(q.get("pages").asInt()).isEqualTo(2);
        assertThat(q.get("rows").size()).isEqualTo(1);
        assertThat(q.get("rows").get(0).get("rawText").asString()).contains("31/02/2024");

        HttpResponse<String> bad = web.send(new Multipart().field("profile", "nope").file("file", "b.csv", file)
                .into(web.api("investigator", "/api/imports")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asString()).contains("Unknown profile 'nope'");
        HttpResponse<String> missing = web.send(web.api("investigator", "/api/imports/jobs/nope").GET().build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asString()).contains("No import job");
        assertThat(web.send(web.api("investigator", "/api/imports/abc/quarantine").GET().build()).statusCode()).isEqualTo(400);
        assertThat(audit("investigator", "quarantine.view")).isNotEmpty();
        assertThat(web.send(web.api("investigator", "/api/openapi").GET().build()).body())
                .contains("/api/imports/jobs/{id}").contains("/api/referrals/{ref}/subjects/{index}/decision");
    }

    @Test
    void theDashboardCardCountsImports() {
        String home = web.signIn("analyst").get("/").body();
        assertThat(home).contains("data-card=\"imports.card.title\"").contains("href=\"/imports\"");
    }

    static tools.jackson.databind.JsonNode json(HttpResponse<String> r) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
    }

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) n++;
        return n;
    }

    static Path bytes(byte[] content) {
        try {
            Path p = Files.createTempFile("piste-test-", ".csv");
            p.toFile().deleteOnExit();
            return Files.write(p, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> uploadsLeft(String name) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "piste-uploads");
        if (!Files.isDirectory(root)) return List.of();
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
