package org.piste.app.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.web.WebFixture;
import org.piste.model.RowRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EntitiesWebTest {
    static WebFixture web;
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TRANSFER = Pattern.compile("data-testid=\"transfer-row\" data-transfer=\"(\\d+)\" "
            + "data-reference=\"[^\"]*\" data-amount=\"([^\"]+)\" data-at=\"([^\"]+)\"");

    @BeforeAll
    static void start(@TempDir Path dir) {
        web = WebFixture.start();
        web.withDemoData(300, dir);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void pageShowsIdentityVariantsWithSourceRowsAndWhyTheyWereMerged() throws Exception {
        String entity = single("SELECT m.entity_id FROM entity_link l JOIN entity_member m ON m.record_id = l.record_a "
                + "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        var s = web.signIn("investigator");
        HttpResponse<String> r = s.get("/entities/" + entity);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        JsonNode api = api("/api/entities/" + entity);
        JsonNode variants = api.get("profile").get("variants");
        assertThat(count(html, "data-testid=\"variant\"")).isEqualTo(variants.size());
        JsonNode first = variants.get(0);
        RowRef row = new RowRef(first.get("sources").get(0).get("sourceSha256").asText(), first.get("sources").get(0).get("line").asLong());
        assertThat(html).contains(first.get("records").get(0).asText() + " · " + row);
        assertThat(row).isEqualTo(sourceRow(first.get("records").get(0).asText()));
        for (JsonNode link : api.get("profile").get("entity").get("links")) {
            assertThat(html).contains("data-a=\"" + link.get("recordA").asText() + "\" data-b=\"" + link.get("recordB").asText() + "\"");
            for (JsonNode ev : link.get("evidence")) assertThat(html).contains("data-field=\"" + ev.get("field").asText() + "\"");
        }
        assertThat(html).contains("id=\"network-link\" href=\"/network?entity=" + entity + "\"");
        // Any member record leads to the same entity.
        String member = single("SELECT max(record_id) FROM entity_member WHERE entity_id = '" + entity + "'");
        assertThat(s.get("/entities/" + member).body()).contains("data-entity=\"" + entity + "\"");
        assertThat(events("investigator", "entity.view")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + entity));
        assertThat(s.get("/entities/999999999:S").statusCode()).isEqualTo(404);
        assertThat(s.get("/entities/nonsense").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = web.send(web.api("analyst", "/api/entities/999999999:R").GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("999999999:R");
    }

    /** The entity page shows the latest screening's score on its side, every contribution, and that they add up. */
    @Test
    void pageShowsTheLatestScreeningWithEveryContribution() throws Exception {
        String entity = single("SELECT entity_id FROM entity_score WHERE run_id = (SELECT max(id) FROM screening_run) "
                + "AND side = 'SENDER' ORDER BY position LIMIT 1");
        String score = single("SELECT score FROM entity_score WHERE run_id = (SELECT max(id) FROM screening_run) AND side = 'SENDER' "
                + "AND entity_id = '" + entity + "'");
        String contributions = single("SELECT jsonb_array_length(contributions) FROM entity_score WHERE run_id = "
                + "(SELECT max(id) FROM screening_run) AND side = 'SENDER' AND entity_id = '" + entity + "'");
        String html = web.signIn("investigator").get("/entities/" + entity).body();
        assertThat(html).contains("data-testid=\"entity-screening\"").contains("data-testid=\"entity-screening-score\" data-side=\"SENDER\"")
                .contains("score " + String.format(java.util.Locale.FRANCE, "%.2f", Double.parseDouble(score)) + ", rang 1 au criblage n°")
                .contains("(pondérations : prior)");
        String section = html.substring(html.indexOf("data-testid=\"entity-screening\""), html.indexOf("</main>"));
        assertThat(count(section, "data-testid=\"contribution\"")).isEqualTo(Integer.parseInt(contributions));
        assertThat(section).contains("data-testid=\"score-check\">= ");
    }

    /** Links carry their transfers' context: the agency and the counterparty's entity, compared and shown. */
    @Test
    void aLinkShowsTheCounterpartyItsRecordsShare() throws Exception {
        // the counterparty is the twelfth field: bits 33-35 of the packed levels, level 1 "same entity"
        String entity = single("SELECT m.entity_id FROM entity_link l JOIN entity_member m ON m.record_id = l.record_a "
                + "WHERE (l.levels >> 33) & 7 = 1 ORDER BY 1 LIMIT 1");
        JsonNode shared = null;
        for (JsonNode link : api("/api/entities/" + entity).get("profile").get("entity").get("links")) {
            for (JsonNode ev : link.get("evidence")) {
                if (ev.get("field").asText().equals("counterparty") && ev.get("level").asText().equals("same entity")) shared = ev;
            }
        }
        assertThat(shared).as("a link of %s with one counterparty", entity).isNotNull();
        assertThat(shared.get("valueA").asText()).matches("\\d+:[SR]").isEqualTo(shared.get("valueB").asText());
        assertThat(shared.get("weight").asDouble()).isPositive();
        String html = web.signIn("investigator").get("/entities/" + entity).body();
        assertThat(html).contains("data-field=\"counterparty\"").contains("même entité")
                .contains(shared.get("valueA").asText() + " | " + shared.get("valueB").asText());
    }

    @Test
    void transfersArePagedAndSortedBothDirections() throws Exception {
        String entity = busiest();
        long total = Long.parseLong(single("SELECT count(*) FROM entity_member WHERE entity_id = '" + entity + "'"));
        assertThat(total).as("a busy entity spans pages").isGreaterThan(50);
        var s = web.signIn("analyst");
        List<String[]> byAmount = new ArrayList<>();
        for (int page = 1; page <= (total + 49) / 50; page++) {
            byAmount.addAll(rows(s.get("/entities/" + entity + "/transfers?sort=amount&dir=desc&page=" + page).body()));
        }
        assertThat(byAmount).hasSize((int) total);
        assertThat(byAmount.stream().map(x -> x[0]).distinct().count()).isEqualTo(total);
        assertThat(byAmount.stream().map(x -> new BigDecimal(x[1])).toList()).isSortedAccordingTo(Comparator.reverseOrder());
        List<String> byDate = rows(s.get("/entities/" + entity + "/transfers?sort=date&dir=asc").body()).stream().map(x -> x[0]).toList();
        assertThat(byDate).hasSize(50);
        JsonNode api = api("/api/entities/" + entity + "/transfers?sort=date&dir=asc");
        List<String> apiIds = new ArrayList<>();
        api.get("rows").forEach(t -> apiIds.add(t.get("id").asText()));
        assertThat(apiIds).isEqualTo(byDate);
        assertThat(api.get("total").asLong()).isEqualTo(total);
        List<String> names = new ArrayList<>();
        api("/api/entities/" + entity + "/transfers?sort=counterparty&dir=asc").get("rows")
                .forEach(t -> names.add(t.get("counterparty").asText()));
        assertThat(names).hasSize(50);
        List<String> sorted = sortedLikePostgres(names);
        assertThat(names).isEqualTo(sorted);
        assertThat(s.get("/entities/" + entity + "/transfers?sort=colour").statusCode()).isEqualTo(400);
        assertThat(web.send(web.api("analyst", "/api/entities/" + entity + "/transfers?page=0").GET().build()).statusCode()).isEqualTo(400);
        assertThat(events("analyst", "entity.transfers")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("entity:" + entity);
            assertThat(e.detail()).contains("sort=AMOUNT");
        });
        // The evidence link of an explanation shows just that transfer, with its source row.
        String[] one = byAmount.get(0);
        String ref = single("SELECT reference FROM transfer WHERE id = " + one[0]);
        String html = s.get("/entities/" + entity + "?transfer=" + ref).body();
        assertThat(rows(html)).hasSize(1);
        assertThat(html).contains(sourceRow(one[0] + ":S").toString());
    }

    @Test
    void csvExportIsInTheLanguagesDialectAndQuotesCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        String entity = single("SELECT entity_id FROM entity_member WHERE side = 'S' ORDER BY record_id LIMIT 1");
        long transfer = Long.parseLong(single("SELECT transfer_id FROM entity_member WHERE entity_id = '" + entity
                + "' AND side = 'S' LIMIT 1"));
        try (Connection c = web.database.connect(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE transfer SET recipient_given_names = '', recipient_middle_name = '', recipient_surname = '', "
                    + "recipient_full_name = '=HYPERLINK(\"http://x.invalid\",\"y\")', purpose = '+SUM(1;2)', "
                    + "send_agency = '@agency', sent_amount = 65.00 WHERE id = " + transfer);
        }
        long rows = Long.parseLong(single("SELECT count(*) FROM entity_member WHERE entity_id = '" + entity + "'"));
        var s = web.signIn("analyst");
        // French, the default language: ';', decimal comma, and the UTF-8 byte order mark a French spreadsheet needs.
        HttpResponse<String> fr = s.get("/entities/" + entity + "/transfers.csv");
        assertThat(fr.statusCode()).isEqualTo(200);
        assertThat(fr.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(fr.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        byte[] bytes = fr.body().getBytes(StandardCharsets.UTF_8);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(fr.body().substring(1)).startsWith("transfer_id;reference;direction;sent_at_local;send_zone;counterparty;"
                + "counterparty_entity;sent_amount;sent_currency;paid_amount;paid_currency;status;purpose;source_sha256;source_line\r\n");
        assertExport(fr.body().substring(1), ';', transfer, "65,00", rows);
        // English: the form tools read, unchanged: ',' and '.', no mark.
        HttpResponse<String> en = s.get("/entities/" + entity + "/transfers.csv?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).startsWith("transfer_id,reference,direction,sent_at_local,send_zone,counterparty,"
                + "counterparty_entity,sent_amount,sent_currency,paid_amount,paid_currency,status,purpose,source_sha256,source_line\r\n");
        assertThat(en.body()).contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"y\"\")\"").contains("'+SUM(1;2)");
        assertExport(en.body(), ',', transfer, "65.00", rows);
        // The API keeps the tools' form unless French is asked for: a script's file does not change with the default.
        HttpResponse<String> viaApi = web.send(web.api("investigator", "/api/entities/" + entity + "/transfers.csv")
                .header("Accept", "text/csv").GET().build());
        assertThat(viaApi.statusCode()).isEqualTo(200);
        assertThat(viaApi.body()).isEqualTo(en.body());
        HttpResponse<String> viaApiFr = web.send(web.api("investigator", "/api/entities/" + entity + "/transfers.csv?lang=fr")
                .header("Accept", "text/csv").GET().build());
        assertThat(viaApiFr.body()).isEqualTo(fr.body());
        assertThat(events("analyst", "entity.export")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + entity));
        assertThat(events("investigator", "entity.export")).anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + entity));
    }

    /** Every cell read back in the dialect: no formula, the changed transfer's amount and neutralised cells as expected. */
    private static void assertExport(String csv, char separator, long transfer, String amount, long rows) {
        List<de.siegmar.fastcsv.reader.CsvRecord> records = de.siegmar.fastcsv.reader.CsvReader.builder()
                .fieldSeparator(separator).ofCsvRecord(csv).stream().toList();
        assertThat(records).hasSize((int) rows + 1);
        for (var r : records) {
            assertThat(r.getFieldCount()).isEqualTo(15);
            for (String cell : r.getFields()) assertThat(cell).as(r.toString()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        }
        var changed = records.stream().filter(r -> r.getField(0).equals(String.valueOf(transfer))).findFirst().orElseThrow();
        assertThat(changed.getField(5)).isEqualTo("'=HYPERLINK(\"http://x.invalid\",\"y\")");
        assertThat(changed.getField(7)).isEqualTo(amount);
        assertThat(changed.getField(12)).isEqualTo("'+SUM(1;2)");
    }

    @Test
    void chartDataAddUpToTheTransfers() throws Exception {
        String entity = busiest();
        var s = web.signIn("prosecutor");
        HttpResponse<String> r = s.get("/entities/" + entity + "/charts.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode charts = JSON.readTree(r.body());
        long moved = Long.parseLong(single("SELECT count(*) FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
                + "WHERE m.entity_id = '" + entity + "' AND t.status NOT IN ('CANCELLED', 'REFUNDED')"));
        long perHour = 0, perMonth = 0;
        for (JsonNode h : charts.get("hours")) perHour += h.get("sent").asLong() + h.get("received").asLong();
        for (JsonNode m : charts.get("months")) perMonth += m.get("count").asLong();
        assertThat(charts.get("hours")).hasSize(24);
        assertThat(perHour).isEqualTo(moved);
        assertThat(perMonth).isEqualTo(moved);
        assertThat(charts.get("byCount").size()).isBetween(1, 10);
        String page = s.get("/entities/" + entity).body();
        assertThat(page).contains("/js/entity.js").contains("id=\"chart-hours\"").doesNotContain("<script>");
    }

    @Test
    void sameOrNotSameDecisionsAreStoredAppliedAndAudited() throws Exception {
        String[] link = singleRow("SELECT l.record_a, l.record_b, m.entity_id FROM entity_link l JOIN entity_member m "
                + "ON m.record_id = l.record_a WHERE l.origin = 'SCORED' ORDER BY l.weight LIMIT 1");
        var s = web.signIn("analyst");
        s.get("/entities/" + link[2]);
        HttpResponse<String> r = s.postForm("/entities/decisions", Map.of("recordA", link[0], "recordB", link[1],
                "decision", "not-same", "note", "different ID documents"));
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        String after = s.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).body();
        assertThat(after).contains("id=\"decision-outcome\"").contains("data-testid=\"same-decision\"")
                .contains("different ID documents");
        // A ruling is a moment of Piste's own work: Paris time to the second, the zone named (issue 17, item 6).
        assertThat(after).containsPattern("\\(par analyst le \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d \\(heure de Paris\\)\\) "
                + "different ID documents");
        assertThat(single("SELECT kind FROM analyst_decision ORDER BY id DESC LIMIT 1")).isEqualTo("NOT_SAME");
        assertThat(single("SELECT count(*) FROM entity_link WHERE (record_a, record_b) = ('" + link[0] + "', '" + link[1]
                + "') AND origin = 'SCORED'")).isEqualTo("0");
        assertThat(events("analyst", "entity.decide")).anySatisfy(e ->
                assertThat(e.object()).isEqualTo("records:" + link[0] + "," + link[1]));
        HttpRequest same = web.api("investigator", "/api/entities/decisions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"recordA\":\"" + link[0] + "\",\"recordB\":\"" + link[1]
                        + "\",\"decision\":\"same\",\"note\":\"\"}")).build();
        HttpResponse<String> d = web.send(same);
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        assertThat(JSON.readTree(d.body()).get("decision").get("decision").get("kind").asText()).isEqualTo("SAME");
        assertThat(single("SELECT entity_id FROM entity_member WHERE record_id = '" + link[0] + "'"))
                .isEqualTo(single("SELECT entity_id FROM entity_member WHERE record_id = '" + link[1] + "'"));
        HttpRequest bad = web.api("investigator", "/api/entities/decisions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"recordA\":\"x\",\"recordB\":\"" + link[1] + "\",\"decision\":\"same\"}")).build();
        assertThat(web.send(bad).statusCode()).isEqualTo(400);
        var prosecutor = web.signIn("prosecutor");
        prosecutor.get("/entities/" + link[2]);
        assertThat(prosecutor.postForm("/entities/decisions", Map.of("recordA", link[0], "recordB", link[1],
                "decision", "same")).statusCode()).isEqualTo(403);
    }

    // --- helpers

    static String busiest() throws SQLException {
        return single("SELECT entity_id FROM entity_member GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
    }

    static List<String> sortedLikePostgres(List<String> names) throws SQLException {
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT x FROM unnest(?::text[]) WITH ORDINALITY u(x, o) ORDER BY x, o")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    static List<String[]> rows(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TRANSFER.matcher(html);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        return out;
    }

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) n++;
        return n;
    }

    static JsonNode api(String path) {
        return JSON.readTree(web.apiBody("analyst", path));
    }

    static List<AuditEvent> events(String user, String action) {
        return web.auditEvents(user, action);
    }

    static RowRef sourceRow(String recordId) throws SQLException {
        String[] row = singleRow("SELECT s.sha256, t.line_no FROM transfer t JOIN source_file s ON s.id = t.source_id "
                + "WHERE t.id = " + Long.parseLong(recordId.substring(0, recordId.indexOf(':'))));
        return new RowRef(row[0], Long.parseLong(row[1]));
    }

    static String single(String sql) throws SQLException {
        return singleRow(sql)[0];
    }

    static String[] singleRow(String sql) throws SQLException {
        try (Connection c = web.database.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            String[] out = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) out[i] = rs.getString(i + 1);
            return out;
        }
    }
}
