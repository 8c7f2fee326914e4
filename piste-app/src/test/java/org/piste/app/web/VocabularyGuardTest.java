package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The words docs/glossary.md rules out of French pages, because in a court document a second word reads as a second
 * thing: a transfer is a transfert (a virement is only the bank channel), a sender an expéditeur, a party record a
 * fiche (an enregistrement is also a recording), a seed a point de départ, a recipient a bénéficiaire, a requisition or
 * a request abroad not yet sent a projet (both features read the same).
 */
class VocabularyGuardTest {
    private static final Pattern RULED_OUT = Pattern.compile(
            "virement(?!s? bancaires?)|[ée]metteur|enregistrement|semence|destinataire|brouillon",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void frenchBundlesUseTheGlossarysWords() {
        List<String> found = new ArrayList<>();
        BundleFiles.french().forEach((file, values) -> values.stringPropertyNames().forEach(key -> {
            Matcher m = RULED_OUT.matcher(values.getProperty(key));
            while (m.find()) found.add(file + ":" + key + " uses \"" + m.group() + "\"");
        }));
        assertThat(found).isEmpty();
    }

    @Test
    void theGuardSeesTheRuledOutWordsAndSparesTheBankChannel() {
        assertThat(RULED_OUT.matcher("Exporter les virements (CSV)").find()).isTrue();
        assertThat(RULED_OUT.matcher("Émetteurs").find()).isTrue();
        assertThat(RULED_OUT.matcher("ajoutée par l''enregistrement {0}").find()).isTrue();
        assertThat(RULED_OUT.matcher("canal : virement bancaire").find()).isFalse();
        assertThat(RULED_OUT.matcher("Décision enregistrée").find()).isFalse();
        assertThat(RULED_OUT.matcher("brouillon").find()).isTrue();
    }

    /** A requisition and a request abroad not yet sent are the same kind of thing: one word, one column title. */
    @Test
    void requisitionsAndRequestsAbroadNameADraftAndTheStatusColumnAlike() {
        var bundles = BundleFiles.all();
        for (String suffix : new String[] {"", "_en"}) {
            var requisitions = bundles.get("requisitions" + suffix + ".properties");
            var requests = bundles.get("requests" + suffix + ".properties");
            assertThat(requisitions.getProperty("requisitions.state.DRAFT")).as(suffix)
                    .isEqualTo(requests.getProperty("requests.status.DRAFT"));
            assertThat(requisitions.getProperty("requisitions.status")).as(suffix)
                    .isEqualTo(requests.getProperty("requests.status"));
        }
        assertThat(bundles.get("requisitions.properties").getProperty("requisitions.status")).isEqualTo("Statut");
        assertThat(bundles.get("requests.properties").getProperty("requests.status.DRAFT")).isEqualTo("projet");
    }
}
