package org.piste.app.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Seeds;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.web.WebFixture;
import org.piste.screen.AlertCut;
import org.piste.screen.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertsWebTest {
    static WebFixture web;
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROW = Pattern.compile("data-testid=\"alert-row\" data-entity=\"([^\"]+)\" data-rank=\"(\\d+)\" data-status=\"(\\w+)\"");

    @BeforeAll
    static void start(@TempDir Path dir) {
        web = WebFixture.start();
        web.withDemoData(300, dir);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    record Ranked(int rank, String entity, double score) {}

    @Test
    void listShowsTheLatestRunsRankingInOrderAndIsAudited() throws Exception {
        List<Ranked> top = ranked("SENDER", 50);
        var s = web.signIn("analyst");
        HttpResponse<String> r = s.get("/alerts?side=SENDER&status=all");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> shown = rows(r.body()).stream().map(m -> m[0]).toList();
        assertThat(shown).containsExactlyElementsOf(top.stream().map(Ranked::entity).toList());
        assertThat(r.body()).contains("id=\"alerts-run\"").contains(latestRun().ruleSetVersion());
        assertThat(s.get("/alerts?side=RECIPIENT").body()).contains(ranked("RECIPIENT", 1).get(0).entity());
        assertThat(events("analyst", "alerts.search")).anySatisfy(e -> assertThat(e.detail()).contains("side=RECIPIENT"));
        // Page 2 continues where page 1 stopped.
        List<String> second = rows(s.get("/alerts?side=SENDER&status=all&page=2").body()).stream().map(m -> m[0]).toList();
        assertThat(second).first().isEqualTo(ranked("SENDER", 51).get(50).entity());
    }

    /** Entities whose explanations are equal (nothing measured, no evidence) share one stored copy within a run. */
    @Test
    void equalExplanationsInOneRunAreStoredOnce() throws SQLException {
        assertThat(count("SELECT count(*) - count(DISTINCT contributions_hash) FROM score_row WHERE run_id = ?")).isPositive();
        assertThat(count("SELECT count(*) FROM entity_score WHERE run_id = ? AND contributions IS NULL")).isZero();
    }

    /** The order of equal scores means nothing: they show one rank (1 + the higher scores) on pages and explanations. */
    @Test
    void equalScoresShowOneRankOnPagesAndExplanations() throws Exception {
        List<Ranked> all = ranked("SENDER", 100_000);
        int at = -1;
        for (int i = 1; i < all.size() && at < 0; i++) if (all.get(i).score() == all.get(i - 1).score()) at = i;
        assertThat(at).as("equal scores in the demo data").isPositive();
        Ranked tied = all.get(at);
        double score = tied.score();
        int expected = 1 + (int) all.stream().filter(x -> x.score() > score).count();
        assertThat(expected).isLessThan(at + 1);
        int page = at / Alerts.PAGE_SIZE + 1;

        JsonNode rows = api("/api/alerts?side=SENDER&status=all&page=" + page).get("rows");
        JsonNode row = rows.get(at % Alerts.PAGE_SIZE);
        assertThat(row.get("entityId").asText()).isEqualTo(tied.entity());
        assertThat(row.get("position").asInt()).isEqualTo(at + 1);
        assertThat(row.get("rank").asInt()).isEqualTo(expected);
        assertThat(api("/api/alerts/SENDER/" + all.get(at - 1).entity()).get("rank").asInt()).as("the one before, tied").isEqualTo(expected);
        assertThat(api("/api/alerts/SENDER/" + tied.entity()).get("rank").asInt()).isEqualTo(expected);
        var s = web.signIn("analyst");
        assertThat(rows(s.get("/alerts?side=SENDER&status=all&page=" + page).body()))
                .anySatisfy(m -> assertThat(m).startsWith(tied.entity(), String.valueOf(expected)));
    }

    @Test
    void explanationAddsUpToTheScoreAndShowsEveryEvidenceWithItsSourceRow() throws Exception {
        Ranked top = ranked("SENDER", 1).get(0);
        var s = web.signIn("investigator");
        HttpResponse<String> r = s.get("/alerts/SENDER/" + top.entity());
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        JsonNode api = JSON.readTree(web.send(web.api("investigator", "/api/alerts/SENDER/" + top.entity()).GET().build()).body());
        double sum = 0;
        for (JsonNode part : api.get("parts")) {
            sum += part.get("contribution").get("points").asDouble();
            String indicator = part.get("contribution").get("indicator").asText();
            assertThat(html).contains("data-indicator=\"" + indicator + "\"");
            // Named in French, the stable key kept as the cell's title.
            assertThat(html).contains("title=\"" + indicator + "\">" + IndicatorNamesTest.bundle(
                    java.util.Locale.FRENCH).getString("alerts.indicator." + indicator) + "</td>");
            for (JsonNode ev : part.get("evidence")) {
                String ref = ev.get("reference").asText();
                assertThat(html).contains("data-reference=\"" + ref + "\"");
                // The reference's stored row, as the database has it.
                String[] row = sourceRow(ref);
                assertThat(html).contains("data-sha256=\"" + row[0] + "\" data-line=\"" + row[1] + "\"");
                assertThat(ev.get("sources").get(0).get("row").get("line").asLong()).isEqualTo(Long.parseLong(row[1]));
            }
        }
        assertThat(sum).isCloseTo(top.score(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(api.get("score").asDouble()).isEqualTo(top.score());
        assertThat(api.get("total").asDouble()).isCloseTo(top.score(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(html).contains("data-testid=\"contributions-total\"");
        // Expanding a row (htmx) gets the explanation alone, without the page around it.
        HttpResponse<String> fragment = s.send(HttpRequest.newBuilder(java.net.URI.create(web.url("/alerts/SENDER/" + top.entity())))
                .header("HX-Request", "true").GET().build());
        assertThat(fragment.body()).startsWith("<div class=\"alert-explanation\"").doesNotContain("<html");
        assertThat(events("investigator", "alert.view")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + top.entity()));
    }

    @Test
    void filtersByScoreIndicatorStatusAndName() throws Exception {
        List<Ranked> all = ranked("SENDER", 10_000);
        double min = all.get(Math.min(20, all.size() - 1)).score();
        JsonNode page = api("/api/alerts?side=SENDER&status=all&minScore=" + min);
        assertThat(page.get("total").asLong()).isEqualTo(all.stream().filter(x -> x.score() >= min).count());
        for (JsonNode row : page.get("rows")) assertThat(row.get("score").asDouble()).isGreaterThanOrEqualTo(min);

        JsonNode night = api("/api/alerts?side=SENDER&status=all&indicator=night");
        assertThat(night.get("total").asLong()).isEqualTo(count("SELECT count(*) FROM entity_score es WHERE run_id = ? AND side = "
                + "'SENDER' AND EXISTS (SELECT 1 FROM jsonb_array_elements(es.contributions) k WHERE k->>'indicator' = 'night' "
                + "AND (k->>'points')::float8 > 0)"));

        JsonNode open = api("/api/alerts?side=SENDER&status=open");
        for (JsonNode row : open.get("rows")) assertThat(row.get("status").asText()).isEqualTo("OPEN");
        assertThat(all.size()).isLessThan(10_000);
        long alerted = openSenders().size();
        assertThat(alerted).isPositive();
        assertThat(open.get("total").asLong()).isEqualTo(alerted);

        String name = page.get("rows").get(0).get("name").asText();
        String word = name.split(" ")[name.split(" ").length - 1];
        var s = web.signIn("analyst");
        String html = s.get("/alerts?side=SENDER&status=all&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).body();
        assertThat(rows(html).stream().map(m -> m[0])).contains(page.get("rows").get(0).get("entityId").asText());
        assertThat(events("analyst", "alerts.search")).anySatisfy(e -> assertThat(e.detail()).contains("name=" + word));

        assertThat(web.send(web.api("analyst", "/api/alerts?side=NOPE").GET().build()).statusCode()).isEqualTo(400);
        assertThat(web.send(web.api("analyst", "/api/alerts?minScore=abc").GET().build()).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = web.send(web.api("analyst", "/api/alerts/SENDER/999999999:S").GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("999999999:S");
        assertThat(s.get("/alerts?side=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void apiListsWhatThePageShows() throws Exception {
        var s = web.signIn("analyst");
        List<String> page = rows(s.get("/alerts?side=RECIPIENT&status=all").body()).stream().map(m -> m[0]).toList();
        List<String> api = new ArrayList<>();
        api("/api/alerts?side=RECIPIENT&status=all").get("rows").forEach(r -> api.add(r.get("entityId").asText()));
        assertThat(api).isEqualTo(page);
    }

    @Test
    void confirmingMakesASeedAndDismissingClosesTheAlert() throws Exception {
        var s = web.signIn("analyst");
        // The highest-ranked recipient not confirmed yet (at 300 senders, the referrals' facilitators may be all the alerts).
        String html = s.get("/alerts?side=RECIPIENT&status=all").body();
        List<String[]> ranked = rows(html);
        Map<String, String> seedsBefore = Seeds.all(web.database);
        String confirm = ranked.stream().map(m -> m[0]).filter(e -> !seedsBefore.containsKey(e)).findFirst().orElseThrow();
        int runSeedsBefore = latestRun().seeds();
        HttpResponse<String> r = s.postForm("/alerts/RECIPIENT/" + confirm + "/decision", Map.of("decision", "confirm", "note", ""));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-testid=\"decision-outcome\"").contains("confirm");
        assertThat(latestRun().seeds()).isEqualTo(runSeedsBefore + 1);
        assertThat(Seeds.all(web.database)).containsEntry(confirm, "FACILITATOR");
        JsonNode explained = api("/api/alerts/RECIPIENT/" + confirm);
        assertThat(explained.get("status").asText()).isEqualTo("CONFIRMED");
        List<String> indicators = new ArrayList<>();
        explained.get("parts").forEach(p -> indicators.add(p.get("contribution").get("indicator").asText()));
        assertThat(indicators).contains("confirmed");
        assertThat(events("analyst", "alert.decide")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + confirm));

        List<String[]> senders = rows(s.get("/alerts?side=SENDER&status=open").body());
        String dismiss = senders.get(0)[0];
        assertThat(s.postForm("/alerts/SENDER/" + dismiss + "/decision", Map.of("decision", "dismiss", "note", " ")).statusCode())
                .as("a dismissal needs a note").isEqualTo(400);
        HttpRequest viaApi = web.api("investigator", "/api/alerts/SENDER/" + dismiss + "/decision")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"dismiss\",\"note\":\"a charity sponsor, known\"}")).build();
        long resolutionBefore = latestResolutionRun();
        HttpResponse<String> d = web.send(viaApi);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(d.body()).get("refresh").get("screeningRun").asLong()).isEqualTo(latestRun().id());
        // A ruling changes the seeds, not the entities: the resolution is kept, the screening runs again.
        assertThat(JSON.readTree(d.body()).get("refresh").get("resolutionRun").asLong()).isEqualTo(resolutionBefore);
        assertThat(latestResolutionRun()).isEqualTo(resolutionBefore);
        assertThat(rows(s.get("/alerts?side=SENDER&status=open").body()).stream().map(m -> m[0])).doesNotContain(dismiss);
        assertThat(rows(s.get("/alerts?side=SENDER&status=dismissed").body()).stream().map(m -> m[0])).containsExactly(dismiss);
        assertThat(events("investigator", "alert.decide")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("entity:" + dismiss);
            assertThat(e.detail()).contains("DISMISS");
        });
    }

    @Test
    void thePageSaysWhichWeightsTheRunUsedAndWhy() {
        String html = web.signIn("analyst").get("/alerts?side=SENDER").body();
        // Fewer than five rulings in this world: the rule set's weights, every indicator at x1.00, and the run's note.
        assertThat(html).contains("id=\"alerts-weights\"").contains("data-version=\"prior\"")
                .contains("Pondérations : celles du jeu de règles")
                .containsPattern("<td title=\"network\">réseau</td>\\s*<td class=\"num\">x1,00</td>").doesNotContain("d&#39;&#39;")
                .contains("entités confirmées, moins de 5 : les pondérations du jeu de règles sont conservées")
                .doesNotContain("the rule set&#39;s weights are kept"); // the core's English note, in French (issue 17)
    }

    @Test
    void prosecutorsReadButCannotDecide() throws Exception {
        var s = web.signIn("prosecutor");
        HttpResponse<String> r = s.get("/alerts?side=SENDER");
        assertThat(r.statusCode()).isEqualTo(200);
        String entity = rows(r.body()).get(0)[0];
        assertThat(s.get("/alerts/SENDER/" + entity).body()).doesNotContain("data-testid=\"alert-decision\"");
        assertThat(s.postForm("/alerts/SENDER/" + entity + "/decision", Map.of("decision", "confirm")).statusCode()).isEqualTo(403);
        HttpRequest viaApi = web.api("prosecutor", "/api/alerts/SENDER/" + entity + "/decision")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"confirm\"}")).build();
        assertThat(web.send(viaApi).statusCode()).isEqualTo(403);
    }

    @Test
    void dashboardCountsOpenAlerts() {
        String html = web.signIn("analyst").get("/").body();
        assertThat(html).contains("data-card=\"alerts.card.title\"");
        var open = new Alerts(web.database).open().orElseThrow();
        assertThat(html).contains(open.senders() + " expéditeurs / " + open.recipients() + " bénéficiaires");
        assertThat(web.signIn("admin").get("/").body()).doesNotContain("alerts.card.title");
    }

    /** Issue 17: the list opens on the open alerts (not every ranked entity), and says how many of how many. */
    @Test
    void theListOpensOnOpenAlertsAndCountsThem() throws Exception {
        List<String> open = openSenders();
        long ranked = ranked("SENDER", 100_000).size();
        assertThat(open.size()).as("the demo has open alerts, far fewer than ranked entities").isPositive().isLessThan((int) ranked / 10);
        var s = web.signIn("analyst");
        String html = s.get("/alerts?side=SENDER").body();
        List<String[]> rows = rows(html);
        assertThat(rows).map(m -> m[0]).containsExactlyElementsOf(open.subList(0, Math.min(open.size(), Alerts.PAGE_SIZE)));
        assertThat(rows).allSatisfy(m -> assertThat(m[2]).isEqualTo("OPEN"));
        assertThat(html).contains("data-total=\"" + open.size() + "\" data-ranked=\"" + ranked + "\"")
                .contains(french(open.size()) + " alertes ouvertes sur " + french(ranked) + " entités classées")
                .containsPattern("<option value=\"open\" selected=\"selected\">alertes ouvertes</option>");
        // The API too; the other choices widen the list: decided ones, everything.
        assertThat(api("/api/alerts?side=SENDER").get("total").asLong()).isEqualTo(open.size());
        assertThat(api("/api/alerts?side=SENDER&status=all").get("total").asLong()).isEqualTo(ranked);
        assertThat(api("/api/alerts?side=SENDER&status=decided").get("total").asLong()).isEqualTo(ruledOn("SENDER").size());
        String all = s.get("/alerts?side=SENDER&status=all").body();
        assertThat(all).contains(french(ranked) + " entités affichées sur " + french(ranked) + " entités classées");
        assertThat(web.send(web.api("analyst", "/api/alerts?status=ruled-out").GET().build()).statusCode()).isEqualTo(400);
    }

    /** Issue 17: 25, 50, 100 or 200 rows a page, pages in rank order, the same in the API, and no more than 200. */
    @Test
    void pageSizeAndPagesInRankOrderCappedAt200() throws Exception {
        List<Ranked> all = ranked("SENDER", 100_000);
        JsonNode second = api("/api/alerts?side=SENDER&status=all&size=25&page=2");
        List<String> ids = new ArrayList<>();
        second.get("rows").forEach(r -> ids.add(r.get("entityId").asText()));
        assertThat(ids).containsExactlyElementsOf(all.subList(25, 50).stream().map(Ranked::entity).toList());
        assertThat(second.get("size").asInt()).isEqualTo(25);
        assertThat(api("/api/alerts?side=SENDER&status=all&size=200").get("rows").size()).isEqualTo(200);
        long lastPage = (all.size() + 199) / 200;
        HttpResponse<String> tooMany = web.send(web.api("analyst", "/api/alerts?side=SENDER&size=201").GET().build());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("from 1 to 200, was 201");
        assertThat(web.send(web.api("analyst", "/api/alerts?size=0").GET().build()).statusCode()).isEqualTo(400);

        var s = web.signIn("analyst");
        assertThat(all.size()).as("four pages of 25").isGreaterThan(100);
        String html = s.get("/alerts?side=SENDER&status=all&size=25&page=3").body();
        assertThat(rows(html)).map(m -> m[0]).containsExactlyElementsOf(all.subList(50, 75).stream().map(Ranked::entity).toList());
        assertThat(html).contains("<option value=\"25\" selected=\"selected\">25</option>")
                .containsPattern("id=\"alerts-next\" href=\"[^\"]*status=all&amp;[^\"]*size=25&amp;page=4\"")
                .containsPattern("id=\"alerts-prev\" href=\"[^\"]*status=all&amp;[^\"]*size=25&amp;page=2\"");
        assertThat(s.get("/alerts?size=500").statusCode()).isEqualTo(400);
        // A page past the end still says how many there are.
        assertThat(api("/api/alerts?side=SENDER&status=all&size=200&page=" + (lastPage + 5)).get("total").asLong()).isEqualTo(all.size());
    }

    /** Issue 17: a user's named filters are theirs: saved, applied by link, deleted, audited; no one else sees them. */
    @Test
    void savedFiltersBelongToTheirUser() throws Exception {
        var analyst = web.signIn("analyst");
        analyst.get("/alerts"); // the form's CSRF token
        HttpResponse<String> saved = analyst.postForm("/alerts/filters", Map.of("filterName", "Nuit, côté bénéficiaires",
                "side", "RECIPIENT", "indicator", "night", "status", "all", "q", "+33 6", "size", "25"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String query = "side=RECIPIENT&indicator=night&status=all&q=%2B33+6&size=25";
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/alerts?" + query);
        String html = analyst.get("/alerts").body();
        assertThat(html).contains("href=\"/alerts?" + query.replace("&", "&amp;") + "\">Nuit, côté bénéficiaires</a>");
        assertThat(events("analyst", "settings.alertFilter.save")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("user:analyst");
            assertThat(e.detail()).contains("Nuit, côté bénéficiaires").contains(query);
        });
        // Applied: the link's filter is the one saved (the name's '+' kept, not read as a space).
        JsonNode applied = api("/api/alerts?" + query);
        assertThat(applied.get("side").asText()).isEqualTo("RECIPIENT");
        assertThat(applied.get("size").asInt()).isEqualTo(25);
        assertThat(events("analyst", "alerts.search")).anySatisfy(e -> assertThat(e.detail()).contains("name=+33 6 page=1 size=25"));

        long id = savedIds("analyst").get(0);
        var other = web.signIn("investigator");
        assertThat(other.get("/alerts").body()).doesNotContain("Nuit, côté").contains("id=\"saved-none\"");
        assertThat(other.postForm("/alerts/filters/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(savedIds("analyst")).containsExactly(id);
        // Saving under the same name replaces; a prosecutor keeps filters too (a setting, not a decision).
        analyst.postForm("/alerts/filters", Map.of("filterName", "Nuit, côté bénéficiaires", "side", "SENDER", "size", "50"));
        assertThat(savedIds("analyst")).containsExactly(id);
        assertThat(analyst.get("/alerts").body()).contains("href=\"/alerts?side=SENDER&amp;status=open&amp;size=50\">Nuit");
        var prosecutor = web.signIn("prosecutor");
        prosecutor.get("/alerts");
        assertThat(prosecutor.postForm("/alerts/filters", Map.of("filterName", "à moi", "side", "SENDER")).statusCode()).isEqualTo(302);
        assertThat(savedIds("prosecutor")).hasSize(1);
        assertThat(analyst.postForm("/alerts/filters", Map.of("filterName", " ", "side", "SENDER")).statusCode()).isEqualTo(400);

        assertThat(analyst.postForm("/alerts/filters/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(savedIds("analyst")).isEmpty();
        assertThat(analyst.get("/alerts").body()).doesNotContain("Nuit, côté");
        assertThat(events("analyst", "settings.alertFilter.delete")).anySatisfy(e -> assertThat(e.detail()).contains("filter " + id));
    }

    /** Issue 17: a phone number or a transfer reference in the name filter finds no name: the page says so. */
    @Test
    void aNumberInTheNameFilterGetsAHintNotASilentEmptyList() throws Exception {
        var s = web.signIn("analyst");
        String mtcn = transferReference();
        for (String number : List.of(mtcn, "+33 6 12 34 56 78", "06.12.34.56.78")) {
            String html = s.get("/alerts?side=SENDER&status=all&q=" + URLEncoder.encode(number, StandardCharsets.UTF_8)).body();
            assertThat(rows(html)).as(number).isEmpty();
            assertThat(html).as(number).contains("id=\"alerts-number-hint\"").contains("« " + number + " » ressemble à un numéro");
        }
        // ... and offers the search, which finds them (issue 17, item 3).
        assertThat(s.get("/alerts?side=SENDER&status=all&q=" + mtcn).body())
                .contains("id=\"alerts-number-search\" href=\"/search?q=" + mtcn + "\"");
        assertThat(api("/api/alerts?status=all&q=" + mtcn).get("numberSearched").asBoolean()).isTrue();
        // A name, or a short number that may be part of one, gets no hint.
        for (String text : List.of("a", "75", "Rue 12")) {
            String html = s.get("/alerts?side=SENDER&status=all&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).body();
            assertThat(html).as(text).doesNotContain("alerts-number-hint");
        }
        assertThat(api("/api/alerts?status=all&q=a").get("numberSearched").asBoolean()).isFalse();
    }

    // --- helpers

    private static String french(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(n);
    }

    /**
     * The open senders in rank order: a positive score at least the rule set's minimum and the one ranked at
     * max(10, 1%), ties included, and not ruled on.
     */
    static List<String> openSenders() throws SQLException {
        List<Ranked> all = ranked("SENDER", 100_000);
        double cut = Math.max(RuleSet.builtIn().senderAlertMinimum(),
                all.get((int) Math.min(all.size(), Math.max(AlertCut.MIN_ALERTS, Math.ceil(AlertCut.TOP_SHARE * all.size()))) - 1).score());
        Set<String> ruled = ruledOn("SENDER");
        return all.stream().filter(x -> x.score() > 0 && x.score() >= cut && !ruled.contains(x.entity())).map(Ranked::entity).toList();
    }

    static List<Long> savedIds(String user) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = web.database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM saved_alert_filter WHERE username = ? ORDER BY id")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static String transferReference() throws SQLException {
        try (Connection c = web.database.connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reference FROM transfer ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<String[]> rows(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        return out;
    }

    static JsonNode api(String path) {
        return JSON.readTree(web.apiBody("analyst", path));
    }

    static List<AuditEvent> events(String user, String action) {
        return web.auditEvents(user, action);
    }

    record Run(long id, String ruleSetVersion, int seeds) {}

    static Run latestRun() throws SQLException {
        try (Connection c = web.database.connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, rule_set_version, seeds FROM screening_run ORDER BY id DESC LIMIT 1")) {
            rs.next();
            return new Run(rs.getLong(1), rs.getString(2), rs.getInt(3));
        }
    }

    static List<Ranked> ranked(String side, int limit) throws SQLException {
        List<Ranked> out = new ArrayList<>();
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement("SELECT rank, entity_id, score "
                + "FROM entity_score WHERE run_id = ? AND side = ? ORDER BY position LIMIT ?")) {
            ps.setLong(1, latestRun().id());
            ps.setString(2, side);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Ranked(rs.getInt(1), rs.getString(2), rs.getDouble(3)));
            }
        }
        return out;
    }

    static long latestResolutionRun() throws SQLException {
        try (Connection c = web.database.connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(id) FROM resolution_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, latestRun().id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Set<String> ruledOn(String side) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = web.database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT entity_id FROM alert_decision WHERE side = ?")) {
            ps.setString(1, side);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String[] sourceRow(String reference) throws SQLException {
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement("SELECT s.sha256, t.line_no "
                + "FROM transfer t JOIN source_file s ON s.id = t.source_id WHERE t.reference = ? ORDER BY t.id LIMIT 1")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("stored transfer " + reference).isTrue();
                return new String[] {rs.getString(1), String.valueOf(rs.getLong(2))};
            }
        }
    }
}
