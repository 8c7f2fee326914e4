package org.piste.app.web.requisitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Lateness;
import org.piste.app.web.WebFixture;

/** Requisitions over the web: drafted by the API, shown and sent on the pages, the deadlines card per team. */
class RequisitionPagesTest {
    static WebFixture web;
    static long ours;
    static long theirs;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
        CaseService cases = new CaseService(web.database.dataSource());
        ours = cases.create(Actor.user("investigator", Role.INVESTIGATOR, Optional.empty()),
                new CaseService.NewCase("PARQ-WEB-1", "Nôtre")).summary().id();
        theirs = cases.create(Actor.user("investigator2", Role.INVESTIGATOR, Optional.empty()),
                new CaseService.NewCase("PARQ-WEB-2", "Leur")).summary().id();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void draftedByTheApiSentOnThePageAndShownOnTheDeadlinesOfItsTeamOnly() {
        LocalDate today = Lateness.today(java.time.Clock.systemUTC());
        long rid = draft("investigator", ours, "REQ-WEB-OURS");
        long other = draft("investigator2", theirs, "REQ-WEB-THEIRS");
        assertThat(post("investigator2", "/api/cases/" + theirs + "/requisitions/" + other + "/sent",
                "{\"dueOn\":\"" + today.plusDays(2) + "\"}").statusCode()).isEqualTo(200);

        WebFixture.Session s = web.signIn("investigator");
        HttpResponse<String> page = s.get("/cases/" + ours + "/requisitions/" + rid);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Vu l&#39;article 99-3 du code de procédure pénale", "/css/requisitions.css")
                .contains("data-state=\"DRAFT\"");
        HttpResponse<String> sent = s.postForm("/cases/" + ours + "/requisitions/" + rid + "/sent",
                Map.of("sentOn", today.minusDays(10).toString(), "dueOn", today.minusDays(1).toString()));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(s.get("/cases/" + ours + "/requisitions/" + rid).body()).contains("data-state=\"LATE\"");

        String dashboard = s.get("/").body();
        assertThat(dashboard).contains("Échéances", "1 en retard", "0 à échéance sous 7 jours", "REQ-WEB-OURS · MTO-FICTIF · le "
                + today.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (en retard)")
                .doesNotContain("REQ-WEB-THEIRS");
        assertThat(web.apiBody("investigator", "/api/deadlines")).contains("REQ-WEB-OURS").doesNotContain("REQ-WEB-THEIRS");
        assertThat(web.signIn("investigator2").get("/").body()).contains("REQ-WEB-THEIRS").doesNotContain("REQ-WEB-OURS");
        assertThat(web.apiBody("prosecutor", "/api/deadlines")).contains("REQ-WEB-OURS", "REQ-WEB-THEIRS");
        assertThat(web.signIn("admin").get("/").body()).doesNotContain("REQ-WEB");
    }

    @Test
    void anInvestigatorOutsideTheTeamGets404OnThePageAndTheApi() {
        long rid = draft("investigator", ours, "REQ-WEB-NTK");
        WebFixture.Session outsider = web.signIn("investigator2");
        for (String path : new String[] {"/cases/" + ours + "/requisitions", "/cases/" + ours + "/requisitions/" + rid}) {
            HttpResponse<String> r = outsider.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("REQ-WEB-NTK");
            HttpResponse<String> api = web.send(web.api("investigator2", "/api" + path).GET().build());
            assertThat(api.statusCode()).as("/api" + path).isEqualTo(404);
            assertThat(api.body()).doesNotContain("REQ-WEB-NTK");
            assertThat(web.send(web.api("admin", "/api" + path).GET().build()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void datesAreWrittenInThePageLanguageOnTheRequisitionPagesTheDeadlinesAndTheCard() {
        long rid = draft("investigator2", theirs, "REQ-WEB-DATES");
        WebFixture.Session s = web.signIn("investigator2");
        String show = "/cases/" + theirs + "/requisitions/" + rid;
        s.get(show);
        assertThat(s.postForm(show + "/sent", Map.of("sentOn", "2024-01-02", "dueOn", "2024-01-31")).statusCode())
                .isEqualTo(302);
        assertThat(s.get(show + "?lang=en").body()).contains("Sent on 2024-01-02, due on 2024-01-31.");
        assertThat(s.get(show + "?lang=fr").body()).contains("Envoyée le 02/01/2024, échéance le 31/01/2024.");
        for (String list : new String[] {"/cases/" + theirs + "/requisitions", "/deadlines"}) {
            assertThat(s.get(list + "?lang=en").body()).as(list).contains("<td>2024-01-31</td>").doesNotContain("31/01/2024");
            assertThat(s.get(list + "?lang=fr").body()).as(list).contains("<td>31/01/2024</td>").doesNotContain("<td>2024-01-31</td>");
        }
        assertThat(s.get("/?lang=en").body()).contains("REQ-WEB-DATES · MTO-FICTIF · on 2024-01-31 (late)");
        assertThat(s.get("/?lang=fr").body()).contains("REQ-WEB-DATES · MTO-FICTIF · le 31/01/2024 (en retard)");
    }

    private static long draft(String user, long caseId, String number) {
        HttpResponse<String> r = post(user, "/api/cases/" + caseId + "/requisitions", "{\"number\":\"" + number
                + "\",\"addressee\":\"MTO-FICTIF\",\"kind\":\"operator\",\"basis\":\"99-3\",\"from\":\"2024-01-01\","
                + "\"to\":\"2024-03-31\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"requisition\":\\{\"id\":(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> post(String user, String path, String json) {
        return web.send(web.api(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
