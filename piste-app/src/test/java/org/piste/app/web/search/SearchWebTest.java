package org.piste.app.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.web.WebFixture;
import org.piste.normal.Text;
import org.piste.resolve.Nicknames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search box on the demo data: every kind of query, need-to-know on cases, admins refused, the audit line. */
class SearchWebTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static WebFixture web;

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
    void aNameFindsItsEntityWithOrWithoutAccentsAndByANickname() throws Exception {
        // A resolved record whose name has accents: typed without them, it is found.
        String[] accented = row("SELECT m.entity_id, t.sender_given_names, t.sender_surname FROM transfer t "
                + "JOIN entity_member m ON m.transfer_id = t.id AND m.side = 'S' WHERE t.sender_given_names <> '' "
                + "AND t.sender_surname <> '' AND t.sender_given_names || t.sender_surname ~ '[À-ÿ]' ORDER BY t.id LIMIT 1");
        assertThat(people(stripAccents(accented[1] + " " + accented[2]))).contains(accented[0]);
        // A record without accents: typed with some, upper case, it is found.
        String[] plain = row("SELECT m.entity_id, t.recipient_given_names, t.recipient_surname FROM transfer t "
                + "JOIN entity_member m ON m.transfer_id = t.id AND m.side = 'R' WHERE t.recipient_given_names ~ '^[A-Za-z]+$' "
                + "AND t.recipient_surname ~ '[aeAE]' AND t.recipient_surname ~ '^[A-Za-z ]+$' ORDER BY t.id LIMIT 1");
        String withAccents = plain[2].replace('e', 'é').replace('a', 'à').replace('E', 'É').toUpperCase();
        assertThat(withAccents).isNotEqualTo(plain[2].toUpperCase());
        assertThat(people(plain[1] + " " + withAccents)).contains(plain[0]);
        // A given name with a nickname: the nickname and the surname find the entity.
        String[] nick = null;
        String other = null;
        for (String[] r : rows("SELECT m.entity_id, t.recipient_given_names, t.recipient_surname FROM transfer t "
                + "JOIN entity_member m ON m.transfer_id = t.id AND m.side = 'R' WHERE t.recipient_given_names ~ '^[A-Za-z]+$' "
                + "AND t.recipient_surname ~ '^[A-Za-z]+$' ORDER BY t.id LIMIT 500")) {
            String given = Text.fold(r[1]);
            Optional<String> variant = Nicknames.variants(given).stream().filter(v -> !v.equals(given)
                    && !v.startsWith(given) && !given.startsWith(v)).sorted().findFirst();
            if (variant.isPresent()) {
                nick = r;
                other = variant.get();
                break;
            }
        }
        assertThat(nick).as("a demo recipient whose given name has a nickname").isNotNull();
        assertThat(people(other + " " + nick[2])).contains(nick[0]);
        // A name nobody has finds no one.
        assertThat(people("Zzyzxqw Qwxyzz")).isEmpty();
    }

    @Test
    void aPhoneInAnyFormatFindsTheSameEntity() throws Exception {
        String[] r = row("SELECT m.entity_id, t.recipient_phone_e164 FROM transfer t JOIN entity_member m "
                + "ON m.transfer_id = t.id AND m.side = 'R' WHERE t.recipient_phone_e164 ~ '^\\+639[0-9]{9}$' ORDER BY t.id LIMIT 1");
        String national = r[1].substring(3); // 9171234567
        String spaced = "+63 " + national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
        String dashed = "0" + national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6);
        String bare = r[1].substring(1);
        for (String written : List.of(spaced, dashed, bare)) {
            JsonNode found = api("analyst", written);
            assertThat(ids(found.get("people"))).as(written).contains(r[0]);
            assertThat(found.get("query").get("kind").asString()).isEqualTo("NUMBER");
        }
        String html = page("analyst", dashed);
        assertThat(html).contains("href=\"/entities/" + r[0] + "\"");
    }

    @Test
    void anMtcnFindsItsTransferAndLinksItsPage() throws Exception {
        String[] r = row("SELECT id, reference FROM transfer ORDER BY id DESC LIMIT 1");
        JsonNode found = api("prosecutor", r[1]);
        List<String> transfers = new ArrayList<>();
        found.get("transfers").get("shown").forEach(t -> transfers.add(t.get("id").asString()));
        assertThat(transfers).containsExactly(r[0]);
        assertThat(page("investigator", r[1])).contains("href=\"/transfers/" + r[0] + "\"");
    }

    @Test
    void aCaseIsFoundOnlyByThoseWhoMaySeeIt() throws Exception {
        CaseService cases = web.context.getBean(CaseService.class);
        CaseFile theirs = cases.create(Actor.user("investigator", Role.INVESTIGATOR, Optional.empty()), "PV-SEARCH-4417",
                "Réquisition Manille");
        CaseFile mine = cases.create(Actor.user("analyst", Role.ANALYST, Optional.empty()), "PV-SEARCH-5528", "Autre");
        long theirsId = theirs.summary().id(), mineId = mine.summary().id();
        assertThat(caseIds(api("analyst", "PV-SEARCH-4417"))).isEmpty();
        assertThat(caseIds(api("analyst", "pv-search-5528"))).containsExactly(String.valueOf(mineId));
        assertThat(caseIds(api("analyst", "n° " + theirsId))).isEmpty();
        assertThat(caseIds(api("investigator", "n° " + theirsId))).containsExactly(String.valueOf(theirsId));
        assertThat(caseIds(api("prosecutor", "PV-SEARCH"))).contains(String.valueOf(theirsId), String.valueOf(mineId));
        assertThat(page("analyst", "PV-SEARCH")).contains("href=\"/cases/" + mineId + "\"").doesNotContain("PV-SEARCH-4417");
    }

    @Test
    void adminsAreRefusedAndEverySearchIsAudited() throws Exception {
        assertThat(web.signIn("admin").get("/search?q=santos").statusCode()).isEqualTo(403);
        assertThat(web.send(web.api("admin", "/api/search?q=santos").GET().build()).statusCode()).isEqualTo(403);
        assertThat(web.signIn("admin").get("/admin/users").body()).doesNotContain("header-search");
        assertThat(web.signIn("analyst").get("/cases").body()).contains("id=\"header-search\"");

        String[] r = row("SELECT reference FROM transfer ORDER BY id LIMIT 1");
        int before = web.auditEvents("investigator2", "search").size();
        api("investigator2", r[0]);
        var events = web.auditEvents("investigator2", "search");
        assertThat(events).hasSize(before + 1);
        assertThat(events.getFirst().detail()).isEqualTo("kind=NUMBER q=" + r[0] + " found people=0 transfers=1 cases=0");
    }

    @Test
    void aQueryTooShortSaysSoAndReadsNothing() throws Exception {
        int before = web.auditEvents("analyst2", "search").size();
        String html = web.signIn("analyst2").get("/search?q=ab").body();
        assertThat(html).contains("id=\"search-too-short\"").contains("Tapez au moins 3 caractères");
        assertThat(api("analyst2", " a ").get("query").get("kind").asString()).isEqualTo("TOO_SHORT");
        assertThat(web.auditEvents("analyst2", "search")).hasSize(before);
    }

    // --- helpers

    static List<String> people(String q) throws Exception {
        return ids(api("analyst", q).get("people"));
    }

    static List<String> ids(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.get("shown").forEach(p -> out.add(p.get("id").asString()));
        return out;
    }

    static List<String> caseIds(JsonNode found) {
        List<String> out = new ArrayList<>();
        found.get("cases").get("shown").forEach(c -> out.add(c.get("id").asString()));
        return out;
    }

    static JsonNode api(String user, String q) throws Exception {
        return JSON.readTree(web.apiBody(user, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }

    static String page(String user, String q) {
        var r = web.signIn(user).get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static String[] row(String sql) throws SQLException {
        List<String[]> all = rows(sql);
        assertThat(all).as(sql).isNotEmpty();
        return all.getFirst();
    }

    static List<String[]> rows(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = web.database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) r[i] = rs.getString(i + 1);
                out.add(r);
            }
        }
        return out;
    }
}
