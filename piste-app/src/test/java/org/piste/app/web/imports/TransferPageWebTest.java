package org.piste.app.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.web.WebFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /transfers/{id} and /api/transfers/{id} on the demo data, checked against the imported file itself. */
class TransferPageWebTest {
    static WebFixture web;
    static Path file;
    /** A transfer under 1,000 in its currency, both sides resolved, with a duplicate, sent outside Paris and paid if any. */
    static long id;
    static String[] known;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        web = WebFixture.start();
        web.withDemoData(300, dir);
        file = dir.resolve("transfers-operator.csv");
        known = row("SELECT t.id, t.line_no, t.reference, t.sent_amount, t.sent_currency, extract(epoch FROM t.send_at)::bigint, t.send_zone, "
                + "s.entity_id, r.entity_id, t.status, t.sender_name_norm, "
                + "(SELECT count(*) FROM row_rejection d WHERE d.source_id = t.source_id AND d.duplicate_of_line = t.line_no), "
                + "(SELECT min(d.line_no) FROM row_rejection d WHERE d.source_id = t.source_id AND d.duplicate_of_line = t.line_no) "
                + "FROM transfer t JOIN entity_member s ON s.transfer_id = t.id AND s.side = 'S' "
                + "JOIN entity_member r ON r.transfer_id = t.id AND r.side = 'R' "
                + "WHERE t.sent_amount < 1000 ORDER BY 12 DESC, t.send_zone <> 'Europe/Paris' DESC, t.status = 'PAID' DESC, t.id LIMIT 1");
        id = Long.parseLong(known[0]);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void pageShowsTheRawLineItsShaAndLineBothEntitiesAndFrenchFormats() throws Exception {
        HttpResponse<String> r = web.signIn("investigator").get("/transfers/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        long line = Long.parseLong(known[1]);
        // The file's own line (fr-operator exports are windows-1252) and the file's own digest, not the database's.
        String fileLine = Files.readAllLines(file, Charset.forName("windows-1252")).get((int) line - 1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(html).contains("id=\"transfer-raw\">" + escaped(fileLine) + "<");
        assertThat(html).contains("id=\"transfer-row\">" + sha + ":" + line + "<");
        assertThat(html).contains("transfers-operator.csv");
        assertThat(html).contains(known[2]);
        // 65.5 EUR is shown "65,50 EUR" on a French page.
        String amount = new BigDecimal(known[3]).setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
        assertThat(html).contains("id=\"transfer-sent\">" + amount + " " + known[4] + "<");
        String status = java.util.Map.of("PAID", "versé", "SENT", "envoyé", "HELD", "bloqué par l&#39;opérateur",
                "UNKNOWN", "inconnu").get(known[9]);
        assertThat(html).contains("<span>" + status + "</span>").contains("(écrit « ");
        Instant at = Instant.ofEpochSecond(Long.parseLong(known[5]));
        DateTimeFormatter fr = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
        assertThat(html).contains("le " + at.atZone(ZoneId.of(known[6])).format(fr) + " (" + known[6] + "), soit le "
                + at.atZone(ZoneId.of("Europe/Paris")).format(fr) + " (heure de Paris)");
        assertThat(html).contains("href=\"/entities/" + known[7] + "\"").contains("href=\"/entities/" + known[8] + "\"");
        // Each entity's number with the side of the record it is numbered after: 5637:S and 5637:R are two people.
        for (String entity : List.of(known[7], known[8])) {
            assertThat(html).contains("(n° " + entity + ", " + (entity.endsWith(":R") ? "bénéficiaire" : "expéditeur") + ")</a>");
        }
        assertThat(html).contains("<td>" + escaped(known[10]) + "</td>");
        // The demo file repeats some rows verbatim (SimConfig's duplicateRate): the chosen transfer has such a copy.
        assertThat(Integer.parseInt(known[11])).isPositive();
        assertThat(count(html, "data-testid=\"transfer-duplicate\"")).isEqualTo(Integer.parseInt(known[11]));
        assertThat(html).contains("<code>" + sha + ":" + known[12] + "</code> · <span>transfers-operator.csv</span>");
    }

    @Test
    void apiAnswersTheSameTransferAsJsonAndBothViewsAreAudited() throws Exception {
        int before = web.auditEvents("prosecutor", "transfer.view").size();
        JsonNode t = JsonMapper.builder().build().readTree(web.apiBody("prosecutor", "/api/transfers/" + id));
        assertThat(t.get("reference").asText()).isEqualTo(known[2]);
        assertThat(t.get("source").get("row").get("line").asLong()).isEqualTo(Long.parseLong(known[1]));
        assertThat(t.get("rawText").asText()).isEqualTo(Files.readAllLines(file, Charset.forName("windows-1252"))
                .get(Integer.parseInt(known[1]) - 1));
        assertThat(t.get("parties").get(0).get("side").asText()).isEqualTo("S");
        assertThat(t.get("parties").get(0).get("entityId").asText()).isEqualTo(known[7]);
        assertThat(t.get("parties").get(1).get("entityId").asText()).isEqualTo(known[8]);
        var events = web.auditEvents("prosecutor", "transfer.view");
        assertThat(events).hasSize(before + 1);
        assertThat(events.getFirst().object()).isEqualTo("transfer:" + id);
        assertThat(events.getFirst().detail()).endsWith(":" + known[1]);
    }

    @Test
    void anUnknownTransferIsNotFoundOnThePageAndTheApiAndNothingIsAudited() {
        int before = web.auditEvents("analyst", "transfer.view").size();
        var s = web.signIn("analyst");
        assertThat(s.get("/transfers/999999999").statusCode()).isEqualTo(404);
        assertThat(s.get("/transfers/abc").statusCode()).isEqualTo(404);
        HttpResponse<String> api = web.send(web.api("analyst", "/api/transfers/999999999").GET().build());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(web.auditEvents("analyst", "transfer.view")).hasSize(before);
    }

    @Test
    void theEntityPageLinksEachTransferToItsPage() {
        String html = web.signIn("analyst").get("/entities/" + known[7] + "?transfer=" + known[2]).body();
        assertThat(html).contains("href=\"/transfers/" + id + "\"");
    }

    /** As Thymeleaf escapes text (markup characters only). */
    static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) n++;
        return n;
    }

    static String[] row(String sql) throws SQLException {
        try (Connection c = web.database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new AssertionError("no row for " + sql);
            String[] out = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) out[i] = rs.getString(i + 1);
            return out;
        }
    }
}
