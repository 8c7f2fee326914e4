package org.piste.app.web.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.web.WebFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetworkWebTest {
    /** FollowTheMoney property names (schema files Thing, LegalEntity, Person; Interval, Value, Payment). */
    static final Set<String> PERSON_PROPERTIES = Set.of("name", "summary", "description", "alias", "previousName",
            "weakAlias", "sourceUrl", "address", "notes", "email", "phone", "idNumber", "birthDate", "birthPlace",
            "firstName", "middleName", "lastName", "secondName", "title", "passportNumber", "modifiedAt", "retrievedAt");
    static final Set<String> PAYMENT_PROPERTIES = Set.of("payer", "beneficiary", "payerAccount", "beneficiaryAccount",
            "amount", "currency", "amountUsd", "amountEur", "date", "startDate", "endDate", "summary", "recordId",
            "sourceUrl", "transactionNumber", "sequenceNumber", "purpose", "programme");
    static final String COUNTED = " AND t.status NOT IN ('CANCELLED', 'REFUNDED')";
    static final String RESOLVED = " FROM transfer t JOIN entity_member s ON s.record_id = t.id || ':S'"
            + " JOIN entity_member r ON r.record_id = t.id || ':R' JOIN source_file f ON f.id = t.source_id";

    @TempDir
    static Path dir;
    static WebFixture web;
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The latest run's top recipient: a facilitator. */
    static String facilitator;

    @BeforeAll
    static void start() throws SQLException {
        web = WebFixture.start();
        web.withDemoData(300, dir);
        facilitator = sql("SELECT entity_id FROM entity_score WHERE side = 'RECIPIENT' AND run_id ="
                + " (SELECT max(id) FROM screening_run) ORDER BY position LIMIT 1").getFirst().getFirst();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void expandingAFacilitatorGivesItsSendersWithTheTransferTablesAggregates() throws SQLException {
        JsonNode x = api("analyst", "/api/network/expand?size=200&entity=" + enc(facilitator));
        assertThat(x.path("center").asString()).isEqualTo(facilitator);
        // What SQL on the transfer table says, per sender: count, total per currency, first and last local dates.
        Map<String, List<String>> expected = new TreeMap<>();
        for (List<String> row : sql("SELECT s.entity_id, t.sent_currency, count(*), sum(t.sent_amount),"
                + " min((t.send_at AT TIME ZONE t.send_zone)::date), max((t.send_at AT TIME ZONE t.send_zone)::date)"
                + RESOLVED + " WHERE r.entity_id = ? AND s.entity_id <> r.entity_id" + COUNTED
                + " GROUP BY 1, 2", facilitator)) {
            expected.put(row.get(0), row.subList(1, 6));
        }
        assertThat(expected).as("a facilitator has several senders").hasSizeGreaterThan(2);
        assertThat(x.path("neighbours").asInt()).isGreaterThanOrEqualTo(expected.size());
        Map<String, List<String>> actual = new TreeMap<>();
        for (JsonNode e : x.path("edges")) {
            if (!e.path("target").asString().equals(facilitator)) continue;
            assertThat(e.path("totals")).hasSize(1);
            JsonNode total = e.path("totals").get(0);
            actual.put(e.path("source").asString(), List.of(total.path("currency").asString(),
                    e.path("transfers").asString(), total.path("amount").asString(), e.path("first").asString(),
                    e.path("last").asString()));
            assertThat(e.path("references")).hasSize(e.path("transfers").asInt());
            JsonNode ref = e.path("references").get(0);
            assertThat(sql("SELECT f.sha256, t.line_no::text FROM transfer t JOIN source_file f ON f.id = t.source_id"
                    + " WHERE t.reference = ?", ref.path("reference").asString()).getFirst())
                    .as("every reference traces back to its row")
                    .containsExactly(ref.path("source").path("sha256").asString(), ref.path("source").path("line").asString());
        }
        actual.replaceAll((k, v) -> List.of(v.get(0), v.get(1), new BigDecimal(v.get(2)).stripTrailingZeros().toPlainString(),
                v.get(3), v.get(4)));
        expected.replaceAll((k, v) -> List.of(v.get(0), v.get(1), new BigDecimal(v.get(2)).stripTrailingZeros().toPlainString(),
                v.get(3), v.get(4)));
        assertThat(actual).isEqualTo(expected);
        JsonNode center = node(x, facilitator);
        assertThat(center.path("label").asString()).isNotBlank();
        assertThat(center.path("score").asDouble()).isPositive();
    }

    @Test
    void pagesReturnEachNeighbourExactlyOnce() throws SQLException {
        int total = api("analyst", "/api/network/expand?size=200&entity=" + enc(facilitator)).path("neighbours").asInt();
        int size = Math.max(1, total / 3); // at least three pages
        List<String> seen = new ArrayList<>();
        int page = 0;
        int pages = 0;
        while (true) {
            JsonNode x = api("investigator", "/api/network/expand?size=" + size + "&page=" + page + "&entity=" + enc(facilitator));
            List<String> ids = new ArrayList<>();
            for (JsonNode n : x.path("nodes")) if (!n.path("id").asString().equals(facilitator)) ids.add(n.path("id").asString());
            assertThat(ids).hasSizeLessThanOrEqualTo(size);
            seen.addAll(ids);
            pages++;
            JsonNode more = x.path("more");
            if (more.path("nextPage").isNull() || more.path("nextPage").isMissingNode()) {
                assertThat(more.path("remaining").asInt()).isZero();
                break;
            }
            assertThat(more.path("remaining").asInt()).isEqualTo(x.path("neighbours").asInt() - seen.size());
            page = more.path("nextPage").asInt();
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        Set<String> all = new HashSet<>();
        for (List<String> row : sql("SELECT DISTINCT CASE WHEN s.entity_id = ? THEN r.entity_id ELSE s.entity_id END"
                + RESOLVED + " WHERE (s.entity_id = ? OR r.entity_id = ?) AND s.entity_id <> r.entity_id" + COUNTED,
                facilitator, facilitator, facilitator)) all.add(row.getFirst());
        assertThat(new HashSet<>(seen)).isEqualTo(all);
    }

    @Test
    void filtersExcludeWhatTheyShould() throws SQLException {
        List<String> span = sql("SELECT min((t.send_at AT TIME ZONE t.send_zone)::date)::text,"
                + " max((t.send_at AT TIME ZONE t.send_zone)::date)::text" + RESOLVED + " WHERE r.entity_id = ?", facilitator).getFirst();
        LocalDate first = LocalDate.parse(span.get(0));
        LocalDate last = LocalDate.parse(span.get(1));
        LocalDate from = first.plusDays((last.toEpochDay() - first.toEpochDay()) / 3);
        LocalDate to = last.minusDays((last.toEpochDay() - first.toEpochDay()) / 3);
        JsonNode period = api("analyst", "/api/network/expand?size=200&from=" + from + "&to=" + to + "&entity=" + enc(facilitator));
        long inPeriod = Long.parseLong(sql("SELECT count(*)" + RESOLVED + " WHERE r.entity_id = ? AND s.entity_id <> r.entity_id"
                + COUNTED + " AND (t.send_at AT TIME ZONE t.send_zone)::date BETWEEN ?::date AND ?::date",
                facilitator, from.toString(), to.toString()).getFirst().getFirst());
        assertThat(references(period, facilitator)).hasSize((int) inPeriod).allSatisfy(r -> assertThat(
                LocalDate.parse(r.path("date").asString())).isBetween(from, to));

        BigDecimal min = new BigDecimal(sql("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t.sent_amount)::text"
                + RESOLVED + " WHERE r.entity_id = ?" + COUNTED, facilitator).getFirst().getFirst());
        JsonNode big = api("analyst", "/api/network/expand?size=200&minAmount=" + min.toPlainString() + "&entity=" + enc(facilitator));
        long above = Long.parseLong(sql("SELECT count(*)" + RESOLVED + " WHERE r.entity_id = ? AND s.entity_id <> r.entity_id"
                + COUNTED + " AND t.sent_amount >= ?::numeric", facilitator, min.toPlainString()).getFirst().getFirst());
        assertThat(references(big, facilitator)).hasSize((int) above).allSatisfy(r ->
                assertThat(new BigDecimal(r.path("amount").asString())).isGreaterThanOrEqualTo(min));

        JsonNode all = api("analyst", "/api/network/expand?size=200&entity=" + enc(facilitator));
        List<Double> scores = new ArrayList<>();
        for (JsonNode n : all.path("nodes")) if (!n.path("id").asString().equals(facilitator)) scores.add(n.path("score").asDouble());
        scores.sort(null);
        double minScore = scores.get(scores.size() / 2);
        JsonNode scored = api("analyst", "/api/network/expand?size=200&minScore=" + minScore + "&entity=" + enc(facilitator));
        assertThat(scored.path("neighbours").asInt()).isLessThan(all.path("neighbours").asInt())
                .isEqualTo((int) scores.stream().filter(s -> s >= minScore).count());
        for (JsonNode n : scored.path("nodes")) {
            if (!n.path("id").asString().equals(facilitator)) assertThat(n.path("score").asDouble()).isGreaterThanOrEqualTo(minScore);
        }
        assertThat(node(scored, facilitator).path("id").asString()).as("the centre always stays").isEqualTo(facilitator);
    }

    @Test
    void exportIsFollowTheMoneyJsonLinesThatReconcileWithTheTransfers() throws SQLException {
        JsonNode x = api("analyst", "/api/network/expand?size=10&entity=" + enc(facilitator));
        List<String> ids = new ArrayList<>();
        for (JsonNode n : x.path("nodes")) ids.add(n.path("id").asString());
        // The API client asks for JSON (Accept: application/json); the lines come whatever it accepts.
        HttpResponse<String> r = web.send(web.api("analyst", "/api/network/export.ftm?entities=" + enc(String.join(",", ids))).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        Set<String> persons = new HashSet<>();
        List<JsonNode> payments = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.path("id").asString()).startsWith("piste-");
            Set<String> allowed = switch (e.path("schema").asString()) {
                case "Person" -> {
                    persons.add(e.path("id").asString());
                    yield PERSON_PROPERTIES;
                }
                case "Payment" -> {
                    payments.add(e);
                    yield PAYMENT_PROPERTIES;
                }
                default -> throw new AssertionError("unexpected schema in " + line);
            };
            assertThat(e.path("properties").propertyNames()).isSubsetOf(allowed);
            for (JsonNode values : e.path("properties").values()) {
                assertThat(values.isArray()).isTrue();
                for (JsonNode v : values) assertThat(v.isString()).as("FtM values are strings").isTrue();
            }
        }
        assertThat(persons).hasSize(ids.size());
        Map<String, BigDecimal> exported = new TreeMap<>();
        for (JsonNode p : payments) {
            JsonNode props = p.path("properties");
            assertThat(persons).contains(props.path("payer").get(0).asString(), props.path("beneficiary").get(0).asString());
            assertThat(props.path("amount").get(0).asString()).matches("\\d+(\\.\\d+)?");
            assertThat(props.path("recordId").get(0).asString()).matches("[0-9a-f]{64}:\\d+");
            exported.merge(props.path("currency").get(0).asString(), new BigDecimal(props.path("amount").get(0).asString()), BigDecimal::add);
        }
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (List<String> row : sql("SELECT t.sent_currency, sum(t.sent_amount)::text" + RESOLVED
                + " WHERE s.entity_id = ANY(string_to_array(?, ',')) AND r.entity_id = ANY(string_to_array(?, ','))"
                + COUNTED + " GROUP BY 1", String.join(",", ids), String.join(",", ids))) {
            expected.put(row.get(0), new BigDecimal(row.get(1)));
        }
        assertThat(exported).isNotEmpty();
        assertThat(exported.keySet()).isEqualTo(expected.keySet());
        expected.forEach((currency, sum) -> assertThat(exported.get(currency)).isEqualByComparingTo(sum));
    }

    @Test
    void pageViewsExpansionsAndExportsAreAuditedWithTheirEntities() {
        var s = web.signIn("prosecutor");
        HttpResponse<String> page = s.get("/network?entity=" + enc(facilitator));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"network-graph\"").contains("data-center=\"" + facilitator + "\"")
                .contains("annulés ou remboursés").contains("/entities/");
        HttpResponse<String> json = s.get("/network/expand?entity=" + enc(facilitator));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(s.get("/network/export.ftm?entities=" + enc(facilitator)).statusCode()).isEqualTo(200);
        AuditLog log = new AuditLog(web.database.dataSource());
        assertThat(events(log, "network.view")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + facilitator));
        assertThat(events(log, "network.expand")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("entity:" + facilitator);
            assertThat(e.detail()).contains("neighbours=").contains(":S");
        });
        assertThat(events(log, "network.export")).anySatisfy(e -> assertThat(e.detail()).contains("entities=" + facilitator));
    }

    /** Issue 17: the legend, the view switch and the chosen entity's name come from the bundles, in both languages. */
    @Test
    void thePageSpeaksFrenchAndEnglishFromItsBundles() {
        var session = web.signIn("analyst");
        String french = session.get("/network?entity=" + enc(facilitator)).body();
        assertThat(french).contains("<h2>Légende</h2>", ">Graphe</button>", ">Tableau</button>",
                "Losange : entité dont toutes les fiches sont de bénéficiaire", "n° " + facilitator + ", bénéficiaire")
                .doesNotContain("??").doesNotContain("fiche de l&#39;entité");
        String english = session.get("/network?lang=en&entity=" + enc(facilitator)).body();
        assertThat(english).contains("<h2>Legend</h2>", ">Graph</button>", ">Table</button>",
                "Diamond: an entity whose records are all recipient records", "no. " + facilitator + ", recipient")
                .doesNotContain("??");
    }

    @Test
    void refusalsAreClear() {
        assertThat(web.signIn("admin").get("/network?entity=" + enc(facilitator)).statusCode()).isEqualTo(403);
        assertThat(web.send(web.api("admin", "/api/network/expand?entity=" + enc(facilitator)).build()).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = web.send(web.api("analyst", "/api/network/expand?entity=999999999:S").build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asString()).contains("999999999:S");
        HttpResponse<String> bad = web.send(web.api("analyst", "/api/network/expand?from=yesterday&entity=" + enc(facilitator)).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asString()).contains("YYYY-MM-DD");
        assertThat(web.send(web.api("analyst", "/api/network/expand?size=0&entity=" + enc(facilitator)).build()).statusCode()).isEqualTo(400);
        assertThat(web.send(web.api("analyst", "/api/network/export.ftm?entities=").build()).statusCode()).isEqualTo(400);
        HttpResponse<String> page = web.signIn("analyst").get("/network?entity=" + enc(facilitator) + "&minAmount=lots");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"network-error\"").contains("Le paramètre « minAmount » est un nombre, pas « lots ».");
        HttpResponse<String> unknownPage = web.signIn("analyst").get("/network?entity=999999999:S");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("Aucune entité ne porte le n° « 999999999:S »");
    }

    // --- helpers ---

    static JsonNode api(String user, String path) {
        HttpResponse<String> r = web.send(web.api(user, path).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode node(JsonNode expansion, String id) {
        for (JsonNode n : expansion.path("nodes")) if (n.path("id").asString().equals(id)) return n;
        throw new AssertionError("no node " + id);
    }

    /** The transfers of the edges towards this recipient. */
    static List<JsonNode> references(JsonNode expansion, String recipient) {
        List<JsonNode> refs = new ArrayList<>();
        for (JsonNode e : expansion.path("edges")) {
            if (e.path("target").asString().equals(recipient)) for (JsonNode r : e.path("references")) refs.add(r);
        }
        return refs;
    }

    static List<AuditEvent> events(AuditLog log, String action) {
        return log.search(new AuditLog.Query("prosecutor", action, "", java.util.Optional.empty(), Long.MAX_VALUE, 50));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<List<String>> sql(String sql, String... parameters) throws SQLException {
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) ps.setString(i + 1, parameters[i]);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                    rows.add(row);
                }
            }
            return rows;
        }
    }

}
