package org.piste.app.web.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.web.WebFixture;

/**
 * A request abroad's page and the case's timeline, in French, on the simulator's data: a transfer is shown where it
 * was sent (zone named), and the timeline words the request's lines in the page's language.
 */
class RequestPagesTest {
    static WebFixture web;
    static long transfer;
    static String zone;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        web = WebFixture.start();
        web.withDemoData(20, dir);
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, send_zone FROM transfer ORDER BY id LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            transfer = rs.getLong(1);
            zone = rs.getString(2);
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void theRequestPageShowsWhereATransferWasSentAndTheTimelineSpeaksFrench() {
        WebFixture.Session s = web.signIn("investigator");
        s.get("/cases");
        String at = s.postForm("/cases", Map.of("reference", "PARQ-EAI-WEB", "title", "Entraide"))
                .headers().firstValue("Location").orElseThrow();
        String casePath = URI.create(web.url("/")).resolve(at).getRawPath();
        s.get(casePath);
        s.postForm(casePath + "/subjects", Map.of("recordId", transfer + ":S", "kind", "BUYER"));
        s.get(casePath + "/requests");
        HttpResponse<String> drafted = s.postForm(casePath + "/requests", Map.of("channel", "police", "country", "PH",
                "authority", "PNP", "question", "Titulaires des comptes ?"));
        String requestPath = URI.create(web.url("/")).resolve(drafted.headers().firstValue("Location").orElseThrow())
                .getRawPath();
        s.get(requestPath);
        s.postForm(requestPath + "/selection", Map.of("subject", transfer + ":S", "transfer", Long.toString(transfer)));

        String row = Jsoup.parse(s.get(requestPath).body()).select("tr[data-transfer-id=" + transfer + "]").text();
        assertThat(row).as("sent where it was sent, zone named, Paris beside").contains("(" + zone + ")")
                .contains("heure de Paris");

        assertThat(s.postForm(requestPath + "/package", Map.of()).statusCode()).isEqualTo(200);
        String timeline = Jsoup.parse(s.get(casePath).body()).select("[data-testid=case-event-detail]").text();
        assertThat(timeline).contains("1 personne(s), 1 transfert(s)").contains("PNP (PH)")
                .doesNotContain("persons").doesNotContain("transfers").doesNotContain("subjects");
    }
}
