package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 2 and 6 on the case and alert pages (demo data): an entity is named beside its number, with the
 * side that number stands for, and linked; a case's evidence shows a transfer's time where it was sent and in Paris;
 * amounts are written the French way; the timeline speaks French; an unknown number is said beside the field.
 */
class NamesBesideIdsTest {
    static WebFixture web;
    static WebFixture.Session investigator;

    @BeforeAll
    static void start(@TempDir Path dir) {
        web = WebFixture.start();
        web.withDemoData(300, dir);
        investigator = web.signIn("investigator");
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aSubjectIsNamedBesideItsNumberWithItsSideAndLinked() {
        // An entity whose records all carry one name as written: that name is the one it is shown under.
        String written = "coalesce(nullif(concat_ws(' ', nullif(p.given_names, ''), nullif(p.middle_name, ''),"
                + " nullif(p.surname, '')), ''), p.full_name)";
        List<String> found = rows("SELECT m.entity_id || '|' || min(" + written + ") FROM entity_member m"
                + " JOIN party_record p ON p.transfer_id = m.transfer_id AND p.side = m.side WHERE m.entity_id LIKE '%:S'"
                + " GROUP BY m.entity_id HAVING count(DISTINCT " + written + ") = 1 ORDER BY m.entity_id LIMIT 1");
        String entity = found.getFirst().substring(0, found.getFirst().indexOf('|'));
        String name = found.getFirst().substring(found.getFirst().indexOf('|') + 1);
        long id = createCase("PARQ-NAMES-1");
        HttpResponse<String> added = post("/cases/" + id + "/subjects", Map.of("recordId", entity, "kind", "BUYER"));
        assertThat(added.statusCode()).isEqualTo(302);
        String html = investigator.get("/cases/" + id).body();

        String named = "<a data-testid=\"entity-link\" href=\"/entities/" + entity + "\">" + escaped(name) + "</a>";
        String number = "(n° " + entity + ", expéditeur)";
        assertThat(section(html, "id=\"case-subjects\"", "</table>")).contains(named).contains(number);
        // The page names whom was added, with the number and the side.
        assertThat(section(html, "id=\"case-subject-added\"", "</p>")).contains(named).contains(number)
                .contains("qualité : acheteur");
    }

    @Test
    void theTimelineSaysTheKindInFrenchAndInEnglish() {
        String record = rows("SELECT m.record_id FROM entity_member m WHERE m.side = 'R' ORDER BY m.record_id DESC LIMIT 1")
                .getFirst();
        long id = createCase("PARQ-NAMES-2");
        post("/cases/" + id + "/subjects", Map.of("recordId", record, "kind", "BUYER"));
        post("/cases/" + id + "/status", Map.of("status", "suspended"));
        String french = section(investigator.get("/cases/" + id).body(), "id=\"case-timeline\"", "</table>");
        assertThat(french).contains("<span>acheteur</span>").contains("(n° " + record + ", bénéficiaire)")
                .contains("personne concernée ajoutée").contains("ouvert → suspendu")
                .doesNotContain("BUYER").doesNotContain("OPEN");
        String english = section(investigator.get("/cases/" + id + "?lang=en").body(), "id=\"case-timeline\"", "</table>");
        investigator.get("/cases?lang=fr");
        assertThat(english).contains("<span>buyer</span>").contains("(no. " + record + ", recipient)")
                .contains("open → suspended").doesNotContain("BUYER");
    }

    @Test
    void evidenceShowsTheTimeWhereItWasSentAndInParisAndAFrenchAmount() throws SQLException {
        List<String> two = rows("SELECT id::text FROM transfer ORDER BY id OFFSET 20 LIMIT 2");
        // Hand-set: both sent at 22:01 UTC on 19 October 2023, one in Paris (00:01 on the 20th, summer time,
        // UTC+2), one in Manila (06:01 on the 20th, UTC+8).
        update("UPDATE transfer SET send_at = '2023-10-19 22:01:00+00', send_zone = 'Europe/Paris', sent_amount = 1234.5,"
                + " sent_currency = 'EUR' WHERE id = ?", Long.parseLong(two.get(0)));
        update("UPDATE transfer SET send_at = '2023-10-19 22:01:00+00', send_zone = 'Asia/Manila' WHERE id = ?",
                Long.parseLong(two.get(1)));
        long id = createCase("PARQ-NAMES-3");
        for (String t : two) post("/cases/" + id + "/evidence", Map.of("transfer", t, "note", ""));
        String html = investigator.get("/cases/" + id).body();

        String paris = row(html, two.get(0));
        assertThat(paris).contains("le 20/10/2023 à 00:01 (Europe/Paris), soit le 20/10/2023 à 00:01 (heure de Paris)")
                .doesNotContain("22:01").doesNotContain("UTC");
        assertThat(paris).contains(">1\u202F234,50 EUR<");
        assertThat(row(html, two.get(1)))
                .contains("le 20/10/2023 à 06:01 (Asia/Manila), soit le 20/10/2023 à 00:01 (heure de Paris)");
        // Both parties named, numbered with their side, linked.
        assertThat(paris).contains(", expéditeur)").contains(", bénéficiaire)")
                .containsPattern("href=\"/entities/\\d+:[SR]\">[^<]+</a>");
        // The timeline names the transfer in French: "ligne source", not "line".
        assertThat(section(html, "id=\"case-timeline\"", "</table>")).contains("ligne source")
                .doesNotContain("sha256").doesNotContain(" line ");
    }

    @Test
    void anUnknownNumberIsSaidBesideTheFieldAndKept() {
        long id = createCase("PARQ-NAMES-4");
        post("/cases/" + id + "/subjects", Map.of("recordId", "999999999:S", "kind", "OTHER"));
        String form = section(investigator.get("/cases/" + id).body(), "id=\"case-subject-form\"", "</form>");
        assertThat(form).contains("data-testid=\"form-error\"")
                .contains("Aucune fiche ni entité n° « 999999999:S »").contains("value=\"999999999:S\"");

        // The same person twice, through the same number: said beside the field too, in French.
        String record = rows("SELECT record_id FROM entity_member ORDER BY record_id OFFSET 5 LIMIT 1").getFirst();
        post("/cases/" + id + "/subjects", Map.of("recordId", record, "kind", "VICTIM"));
        investigator.get("/cases/" + id); // as a browser follows the redirect (the flash is read there)
        post("/cases/" + id + "/subjects", Map.of("recordId", record, "kind", "OTHER"));
        assertThat(section(investigator.get("/cases/" + id).body(), "id=\"case-subject-form\"", "</form>"))
                .contains("data-testid=\"form-error\"").contains("Cette personne est déjà concernée par le dossier")
                .contains("qualité : victime").doesNotContain("already");
    }

    @Test
    void theFormSaysWhomANumberNamesBeforeAddingAndTheReadIsAudited() {
        // A record that is not its entity's number: the form names the entity it belongs to now.
        List<String> found = rows("SELECT record_id || '|' || entity_id FROM entity_member WHERE record_id <> entity_id"
                + " ORDER BY record_id LIMIT 1");
        String record = found.getFirst().substring(0, found.getFirst().indexOf('|'));
        String entity = found.getFirst().substring(found.getFirst().indexOf('|') + 1);
        long id = createCase("PARQ-NAMES-5");
        assertThat(investigator.get("/cases/" + id).body()).contains("hx-get=\"/cases/" + id + "/subject-preview\"");
        String preview = investigator.get("/cases/" + id + "/subject-preview?recordId=" + record).body();
        assertThat(preview).contains("Ce n° désigne").contains("href=\"/entities/" + entity + "\"")
                .contains("(n° " + entity + ", " + (entity.endsWith(":S") ? "expéditeur" : "bénéficiaire") + ")");
        assertThat(web.auditEvents("investigator", "case.subject.preview"))
                .anySatisfy(e -> assertThat(e.object()).isEqualTo("entity:" + entity));
        assertThat(investigator.get("/cases/" + id + "/subject-preview?recordId=999999999:R").body())
                .contains("Aucune fiche ni entité n° « 999999999:R »");
        // Need-to-know: someone outside the case learns nothing, not even that the case exists.
        assertThat(web.signIn("analyst2").get("/cases/" + id + "/subject-preview?recordId=" + record).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAlertRowNamesItsEntityWithItsNumberAndSide() {
        String html = web.signIn("analyst").get("/alerts?side=SENDER&status=all").body();
        Matcher m = Pattern.compile("data-testid=\"alert-row\" data-entity=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        String entity = m.group(1);
        String row = html.substring(m.start(), html.indexOf("</tr>", m.start()));
        Matcher link = Pattern.compile("<a data-testid=\"entity-link\" href=\"/entities/" + Pattern.quote(entity)
                + "\">([^<]+)</a>").matcher(row);
        assertThat(link.find()).isTrue();
        assertThat(namesAsWritten(entity)).contains(unescaped(link.group(1)));
        String side = entity.endsWith(":S") ? "expéditeur" : "bénéficiaire";
        assertThat(row).contains("(n° " + entity + ", " + side + ")");
    }

    @Test
    void conflictsAndNoticesNameTheSubjectsTheyAreAbout() {
        String entity = rows("SELECT entity_id FROM entity_member WHERE entity_id LIKE '%:R' AND entity_id NOT IN"
                + " (SELECT record_id FROM case_subject) ORDER BY entity_id DESC LIMIT 1").getFirst();
        long first = createCase("PARQ-NAMES-6");
        post("/cases/" + first + "/subjects", Map.of("recordId", entity, "kind", "VICTIM"));
        WebFixture.Session other = web.signIn("investigator2");
        other.get("/cases");
        String location = other.postForm("/cases", Map.of("reference", "PARQ-NAMES-7", "title", "Autre"))
                .headers().firstValue("Location").orElseThrow();
        String second = location.substring(location.lastIndexOf('/') + 1);
        other.get("/cases/" + second);
        other.postForm("/cases/" + second + "/subjects", Map.of("recordId", entity, "kind", "BUYER"));

        String number = "(n° " + entity + ", bénéficiaire)";
        String link = "href=\"/entities/" + entity + "\"";
        // The second team learns whom to contact about which of its own subjects; the first, in a notice.
        assertThat(section(other.get("/cases/" + second).body(), "data-testid=\"case-conflict\"", "</tr>"))
                .contains(link).contains(number);
        assertThat(section(investigator.get("/cases/" + first).body(), "data-testid=\"case-notice\"", "</tr>"))
                .contains(link).contains(number);
    }

    @Test
    void aReferralsMatchesAreNamedBesideTheirNumbers() {
        List<String> found = rows("SELECT r.ref || '|' || s.subject_index || '|' || m.entity_id FROM referral_match m"
                + " JOIN referral_subject s ON s.id = m.subject_id JOIN referral r ON r.id = s.referral_id"
                + " WHERE EXISTS (SELECT 1 FROM entity_member e WHERE e.entity_id = m.entity_id)"
                + " ORDER BY r.ref, s.subject_index, m.entity_id LIMIT 1");
        String[] f = found.getFirst().split("\\|");
        String html = investigator.get("/referrals/" + f[0]).body();
        String row = section(html, "data-testid=\"match-" + f[1] + "-" + f[2] + "\"", "</tr>");
        Matcher link = Pattern.compile("<a data-testid=\"entity-link\" href=\"/entities/" + Pattern.quote(f[2])
                + "\">([^<]+)</a>").matcher(row);
        assertThat(link.find()).isTrue();
        assertThat(namesAsWritten(f[2])).contains(unescaped(link.group(1)));
        assertThat(row).contains("(n° " + f[2] + ", " + (f[2].endsWith(":S") ? "expéditeur" : "bénéficiaire") + ")");
    }

    // --- helpers

    /** Every name the entity's records were written with. */
    static List<String> namesAsWritten(String entity) {
        return rows("SELECT DISTINCT coalesce(nullif(concat_ws(' ', nullif(p.given_names, ''),"
                + " nullif(p.middle_name, ''), nullif(p.surname, '')), ''), p.full_name) FROM entity_member m"
                + " JOIN party_record p ON p.transfer_id = m.transfer_id AND p.side = m.side WHERE m.entity_id = ?", entity);
    }

    static long createCase(String reference) {
        HttpResponse<String> r = post("/cases", Map.of("reference", reference, "title", "Noms"));
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static HttpResponse<String> post(String path, Map<String, String> fields) {
        investigator.get("/cases");
        return investigator.postForm(path, fields);
    }

    /** The evidence row of a transfer. */
    static String row(String html, String transferId) {
        return section(html, "data-transfer-id=\"" + transferId + "\"", "</tr>");
    }

    static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from));
    }

    static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String unescaped(String s) {
        return s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static List<String> rows(String sql, Object... params) {
        try (Connection c = web.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
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
