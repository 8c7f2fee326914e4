package org.piste.app.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.alerts.Explanations;
import org.piste.app.web.WebFixture;
import org.piste.model.Side;
import org.piste.screen.Contribution;
import org.springframework.web.util.HtmlUtils;

/**
 * The explanation page on the demo: French sentences on the French page, the CLI's English on the English one, and a
 * run stored before sentences had wordings still shows its stored text (issue 17, item 1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the second rewrites the stored run
class ExplanationLanguagesWebTest {
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
    @Order(1)
    void frenchPageSaysEachSentenceInFrenchAndEnglishPageSaysWhatTheCliPrints() throws Exception {
        String entity = topSender();
        List<Contribution> parts = contributions(entity);
        assertThat(parts).anyMatch(k -> !k.sentence().isVerbatim());
        Sentences sentences = new Sentences(ExplanationSentencesTest.messages());
        var s = web.signIn("investigator");
        String french = s.get("/alerts/SENDER/" + entity).body();
        for (Contribution k : parts) {
            // The stored sentence reads back as the English the screening printed (ScreenCommand prints explanation()).
            assertThat(k.sentence().english()).isEqualTo(k.explanation());
            assertThat(french).contains(">" + html(sentences.text(k.sentence(), Locale.FRENCH)) + "</td>");
            assertThat(french).doesNotContain(html(k.explanation()));
        }
        String english = s.get("/alerts/SENDER/" + entity + "?lang=en").body();
        for (Contribution k : parts) assertThat(english).contains(">" + html(k.explanation()) + "</td>");
    }

    @Test
    @Order(2)
    void aRunStoredWithoutWordingsShowsItsStoredText() throws Exception {
        String entity = topSender();
        List<Contribution> before = contributions(entity);
        // As results were stored before this change: the English text only.
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement("UPDATE score_contributions SET "
                + "contributions = (SELECT jsonb_agg(e - 'sentence' ORDER BY o) FROM jsonb_array_elements(contributions) "
                + "WITH ORDINALITY x(e, o))")) {
            ps.executeUpdate();
        }
        List<Contribution> after = contributions(entity);
        assertThat(after).allMatch(k -> k.sentence().isVerbatim());
        String page = web.signIn("investigator").get("/alerts/SENDER/" + entity).body();
        for (Contribution k : before) assertThat(page).contains(">" + html(k.explanation()) + "</td>");
    }

    /** As Thymeleaf escapes text (the five special characters only, the page being UTF-8). */
    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String topSender() throws Exception {
        try (Connection c = web.database.connect(); PreparedStatement ps = c.prepareStatement("SELECT entity_id FROM "
                + "entity_score WHERE side = 'SENDER' AND run_id = (SELECT max(id) FROM screening_run) ORDER BY position LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Contribution> contributions(String entity) throws Exception {
        try (Connection c = web.database.connect()) {
            return Explanations.explain(c, Side.SENDER, entity).orElseThrow().parts().stream()
                    .map(Explanations.Part::contribution).toList();
        }
    }
}
