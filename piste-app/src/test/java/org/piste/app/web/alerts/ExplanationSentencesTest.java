package org.piste.app.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.piste.app.screen.SentenceJson;
import org.piste.screen.Sentence;
import org.piste.screen.Wording;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Explanation sentences on French pages are French, with French numbers; on English pages they are the core's English,
 * what the CLI prints; both survive being stored (issue 17, item 1).
 */
class ExplanationSentencesTest {
    private static final Sentences SENTENCES = new Sentences(messages());

    /** As the application reads its bundles (application.properties: UTF-8, no fallback to the machine's locale). */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/messages", "i18n/alerts");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    /** Stored as screening stores it, read back as the pages read it. */
    private static Sentence stored(Sentence s) {
        return SentenceJson.read(SentenceJson.write(new StringBuilder(), s).toString()).orElseThrow();
    }

    @Test
    void frequencyOfTwelveTransfersAtAMedianOfThreeAndAHalfDaysReadsInEachLanguage() {
        // Twelve transfers, eleven intervals whose median (the sixth) is 3.5 days: Indicators.frequency's sentence.
        Sentence s = stored(Sentence.of(Wording.FREQUENCY, new Sentence.Decimal(3.5, 1, false), new Sentence.Count(12)));
        assertThat(SENTENCES.text(s, Locale.FRENCH)).isEqualTo("intervalle médian de 3,5 jours sur 12 transferts");
        assertThat(SENTENCES.text(s, Locale.ENGLISH)).isEqualTo("median interval 3.5 days over 12 transfers")
                .isEqualTo(s.english());
    }

    @Test
    void aNetworkSentenceWithNestedReasonsAmountsAndThousandsReadsInFrench() {
        Sentence reasons = Sentence.of(Wording.REASON_NEXT,
                new Sentence.Part(Sentence.of(Wording.REASON_FIRST, new Sentence.Part(Sentence.of(Wording.OTHERS_LOW_VALUE,
                        new Sentence.Count(1200), new Sentence.Count(1500), new Sentence.Amount(new java.math.BigDecimal("10.00")),
                        new Sentence.Amount(new java.math.BigDecimal("1250.50")))), new Sentence.Decimal(4, 1, false))),
                new Sentence.Part(Sentence.of(Wording.OTHERS_UNRELATED, new Sentence.Count(3))), new Sentence.Decimal(2.25, 1, false));
        Sentence s = stored(Sentence.of(Wording.PAYS_UNRELATED, new Sentence.Count(2), new Sentence.AsWritten("5637:R"),
                new Sentence.Decimal(0.566, 2, false), new Sentence.Part(reasons), new Sentence.Count(0)));
        String nnbsp = "\u202f";
        assertThat(SENTENCES.text(s, Locale.FRENCH)).isEqualTo("envoie à 2 bénéficiaire(s) sans lien familial ; le plus suspect, "
                + "5637:R, est soupçonné à 0,57 sans cet expéditeur : 1" + nnbsp + "200 transferts sur 1" + nnbsp + "500 des autres "
                + "expéditeurs entre 10 et 1" + nnbsp + "250,5 (+4,0), 3 autre(s) expéditeur(s) sans lien familial (+2,3) ; et reçoit "
                + "de 0 autre(s) expéditeur(s) au score élevé");
        assertThat(SENTENCES.text(s, Locale.ENGLISH)).isEqualTo("pays 2 unrelated recipient(s); the most suspicious, 5637:R, is "
                + "suspected at 0.57 without this sender: 1200 of 1500 transfers from others between 10 and 1250.5 (+4.0), "
                + "3 other unrelated sender(s) (+2.3); and receives from 0 other high-scoring sender(s)");
    }

    @Test
    void textStoredBeforeSentencesHadWordingsIsShownAsStored() {
        assertThat(SentenceJson.read(null)).isEmpty();
        assertThat(SentenceJson.read("{\"w\":\"no_such_wording\",\"a\":[]}")).isEmpty();
        Sentence old = Sentence.verbatim("median interval 3.5 days over 12 transfers");
        assertThat(SENTENCES.text(old, Locale.FRENCH)).isEqualTo("median interval 3.5 days over 12 transfers");
    }

    /**
     * Every wording the core can produce has its French in the alerts bundle, with the same arguments as its English;
     * the English is the core's own, written once, so the English bundle has none (a second copy could drift from the CLI).
     */
    @Test
    void everyWordingHasItsFrenchWithTheSameArgumentsAndNoSecondEnglish() {
        ResourceBundle fr = IndicatorNamesTest.bundle(Locale.FRENCH);
        for (Wording w : Wording.values()) {
            if (w == Wording.VERBATIM) continue;
            String key = Sentences.PREFIX + w.key();
            assertThat(fr.containsKey(key)).as(key).isTrue();
            assertThat(placeholders(fr.getString(key))).as(key).isEqualTo(placeholders(w.english()));
            assertThat(fr.getString(key)).as(key).doesNotContain("'"); // filled by Sentence, not MessageFormat: no quoting
        }
        assertThat(englishFile().stringPropertyNames()).noneMatch(k -> k.startsWith(Sentences.PREFIX));
        Set<String> known = new TreeSet<>();
        for (Wording w : Wording.values()) known.add(Sentences.PREFIX + w.key());
        assertThat(Collections.list(fr.getKeys())).filteredOn(k -> k.startsWith(Sentences.PREFIX)).allMatch(known::contains);
    }

    /** The English file alone (a bundle would also show its French parent's keys). */
    private static java.util.Properties englishFile() {
        java.util.Properties p = new java.util.Properties();
        try (var in = ExplanationSentencesTest.class.getResourceAsStream("/i18n/alerts_en.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
        while (m.find()) out.add(m.group());
        return out;
    }
}
