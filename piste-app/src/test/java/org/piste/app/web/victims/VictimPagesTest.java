package org.piste.app.web.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.piste.app.cases.CaseService;
import org.piste.app.victims.VictimFixture;
import org.piste.app.web.WebFixture;

/** The register over the web: forms, what each buyer paid with source rows, the schedule's CSV, need-to-know, audit. */
class VictimPagesTest {
    @TempDir static Path dir;
    static WebFixture web;
    static long caseId;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        VictimFixture.load(web.database, dir);
        Actor lead = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());
        caseId = new CaseService(web.database.dataSource()).create(lead, new CaseService.NewCase("PARQ-WEB-V", "Web"))
                .summary().id();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void theTeamRegistersAVictimSeesWhatEachBuyerPaidAndDownloadsTheSchedule() {
        WebFixture.Session s = web.signIn("investigator");
        s.get("/cases/" + caseId + "/victims");
        String f1 = VictimFixture.recipient(web.database, "V-1");
        Map<String, String> form = new LinkedHashMap<>(Map.of("pseudonym", "PNP-WCPC-2026-0100", "authority", "PNP WCPC",
                "country", "ph", "ageBracket", "12-14", "periodFrom", "2024-01-01", "periodTo", "2024-06-30",
                "record", f1));
        assertThat(s.postForm("/cases/" + caseId + "/victims", form).statusCode()).isEqualTo(302);
        String list = s.get("/cases/" + caseId + "/victims").body();
        assertThat(list).contains("PNP-WCPC-2026-0100").contains("12-14").contains("Lorna Testado").doesNotContain("??");
        long vid = Long.parseLong(list.replaceFirst("(?s).*data-victim-id=\"(\\d+)\".*", "$1"));

        String page = s.get("/cases/" + caseId + "/victims/" + vid).body();
        // F1 in the period: B1 100.00 + 50.50 EUR (V-1, V-2), B2 200.00 USD (V-4); V-6 (2023) is out of it.
        assertThat(page).contains("150,50 EUR").contains("200,00 USD")
                .contains("data-transfer-id=\"" + VictimFixture.transferId(web.database, "V-2") + "\"")
                .doesNotContain("data-transfer-id=\"" + VictimFixture.transferId(web.database, "V-6") + "\"")
                .contains("Oriane Fictival").doesNotContain("??");
        assertThat(withoutTokens(s.get("/cases/" + caseId + "/victims/" + vid + "?lang=en").body())).contains("What each buyer paid")
                .contains("150.50 EUR").doesNotContain("??").contains("month sent (sender").doesNotContain("UTC");
        assertThat(withoutTokens(page)).as("PaidFor groups by the month sent, in the sender's zone").contains("mois d")
                .contains("envoi (fuseau de l").doesNotContain("UTC");
        form.put("pseudonym", "Maria.Santos");
        s.postForm("/cases/" + caseId + "/victims", form);
        assertThat(s.get("/cases/" + caseId + "/victims").body()).as("a name is refused").doesNotContain("Maria.Santos");

        String b1 = VictimFixture.sender(web.database, "V-1");
        s.postForm("/cases/" + caseId + "/victims/" + vid + "/awards", Map.of("buyer", b1, "amount", "500,00",
                "currency", "EUR", "decidedOn", "2026-03-02", "decision", "TJ Paris 26/1"));
        String withAward = s.get("/cases/" + caseId + "/victims/" + vid).body();
        long award = Long.parseLong(withAward.replaceFirst("(?s).*data-award-id=\"(\\d+)\".*", "$1"));
        s.postForm("/cases/" + caseId + "/victims/" + vid + "/awards/" + award + "/payments", Map.of("amount", "120.25",
                "currency", "EUR", "receivedOn", "2026-04-01"));
        assertThat(s.get("/cases/" + caseId + "/victims/" + vid + "?lang=fr").body()).contains("379,75 EUR");
        assertThat(s.get("/cases/" + caseId + "/compensation").body()).contains("PNP-WCPC-2026-0100").contains("379,75 EUR");

        HttpResponse<String> csv = web.send(web.api("prosecutor", "/api/cases/" + caseId + "/compensation.csv")
                .header("Accept", "text/csv").build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).containsExactly(String.join(",", CompensationCsv.HEADER),
                "PARQ-WEB-V," + vid + ",PNP-WCPC-2026-0100," + VictimFixture.entityOf(web.database, b1)
                        + ",Oriane Fictival,EUR,0,500.00,120.25,379.75");
        assertThat(web.apiBody("prosecutor", "/api/cases/" + caseId + "/victims/" + vid + "/paid"))
                .contains("\"sha256\"").contains("\"line\"");
        assertThat(s.get("/cases/" + caseId).body()).contains("data-kind=\"victim.add\"").contains("victime inscrite")
                .contains("id=\"case-victims\"");
    }

    @Test
    void outsidersGet404AdminsAreRefusedAndEveryReadIsAudited() {
        String v = "/cases/" + caseId + "/victims";
        String vid = String.valueOf(new org.piste.app.victims.VictimService(web.database.dataSource()).add(
                Actor.user("investigator", Role.INVESTIGATOR, Optional.empty()), caseId,
                new org.piste.app.victims.Victim.NewVictim("NCA-0200", "NCA", "GB",
                        org.piste.app.victims.Victim.AgeBracket.FROM_6_TO_11, Optional.empty(), Optional.empty(), "",
                        List.of())).id());
        List<String> pages = List.of(v, v + "/" + vid, "/cases/" + caseId + "/compensation",
                "/cases/" + caseId + "/compensation.csv");
        List<String> apis = List.of("/api" + v, "/api" + v + "/" + vid, "/api" + v + "/" + vid + "/paid",
                "/api" + v + "/" + vid + "/compensation", "/api/cases/" + caseId + "/compensation",
                "/api/cases/" + caseId + "/compensation.csv");
        WebFixture.Session outsider = web.signIn("investigator2");
        WebFixture.Session admin = web.signIn("admin");
        for (String p : pages) {
            HttpResponse<String> r = outsider.get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(404);
            assertThat(r.body()).doesNotContain("NCA-0200");
            assertThat(admin.get(p).statusCode()).as(p).isEqualTo(403);
        }
        for (String p : apis) {
            String accept = p.endsWith(".csv") ? "text/csv" : "application/json";
            HttpResponse<String> r = web.send(web.api("investigator2", p).setHeader("Accept", accept).build());
            assertThat(r.statusCode()).as(p).isEqualTo(404);
            assertThat(r.body()).doesNotContain("NCA-0200");
            assertThat(web.send(web.api("admin", p).setHeader("Accept", accept).build()).statusCode()).as(p).isEqualTo(403);
        }
        WebFixture.Session prosecutor = web.signIn("prosecutor");
        for (String p : pages) assertThat(prosecutor.get(p).statusCode()).as(p).isEqualTo(200);
        assertThat(prosecutor.get(v + "/" + vid).body()).as("a prosecutor records decisions, the team links facilitators")
                .contains("id=\"award-form\"").doesNotContain("id=\"victim-link-form\"");
        List<AuditEvent> trail = new AuditLog(web.database.dataSource()).search(new AuditLog.Query("prosecutor", "", "",
                Optional.of(caseId), Long.MAX_VALUE, 1000));
        assertThat(trail).extracting(AuditEvent::action).contains("victim.list", "victim.paid", "compensation.ledger",
                "compensation.schedule");
    }

    /** The page without its random CSRF tokens, which can spell "UTC" by chance. */
    private static String withoutTokens(String html) {
        return html.replaceAll("(name=\"csrf-token\" content=\"|name=\"_csrf\" value=\")[^\"]*", "$1");
    }
}
