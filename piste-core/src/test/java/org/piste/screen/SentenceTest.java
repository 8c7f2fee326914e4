package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sentences keep the CLI's English and write numbers the reader's way in another language (issue 17, item 1). */
class SentenceTest {
    private static final Map<Wording, String> FRENCH = Map.of(
            Wording.FREQUENCY, "intervalle médian de {0} jours sur {1} virements",
            Wording.UNRELATED_LEFT_OUT, "{0} ; {1} autres écartés",
            Wording.UNRELATED_BENEFICIARIES, "{0} bénéficiaires sans lien",
            Wording.ESCALATION, "montants {0}, intervalles {1}",
            Wording.FAMILY_MONEY, "{0} en médiane sur {1} virements, tous les {2} jours");

    private static String french(Sentence s) {
        return s.render(Locale.FRENCH, FRENCH::get);
    }

    @Test
    void englishIsTheCliTextAndFrenchHasDecimalCommaAndNarrowNoBreakThousands() {
        Sentence s = Sentence.of(Wording.FREQUENCY, Sentence.decimal(3.5, 1), Sentence.count(12));
        assertThat(s.english()).isEqualTo("median interval 3.5 days over 12 transfers");
        assertThat(french(s)).isEqualTo("intervalle médian de 3,5 jours sur 12 virements");
        // Thousands: none in English (as the CLI always printed), a narrow no-break space (U+202F) in French.
        Sentence big = Sentence.of(Wording.FREQUENCY, Sentence.decimal(1234.25, 1), Sentence.count(12345));
        assertThat(big.english()).isEqualTo("median interval 1234.3 days over 12345 transfers");
        assertThat(french(big)).isEqualTo("intervalle médian de 1\u202f234,3 jours sur 12\u202f345 virements");
    }

    @Test
    void nestedSentencesSignsAmountsAndInfinityAreWrittenPerLanguage() {
        Sentence nested = Sentence.of(Wording.UNRELATED_LEFT_OUT,
                Sentence.part(Sentence.of(Wording.UNRELATED_BENEFICIARIES, Sentence.count(4))), Sentence.count(2));
        assertThat(nested.english()).isEqualTo("4 recipients sharing no surname or middle name with the sender; "
                + "2 more left out as family through a home or family money");
        assertThat(french(nested)).isEqualTo("4 bénéficiaires sans lien ; 2 autres écartés");
        Sentence trend = Sentence.of(Wording.ESCALATION, new Sentence.Decimal(0.8, 2, true), new Sentence.Decimal(-0.875, 2, true));
        assertThat(trend.english()).isEqualTo("amounts trend +0.80 and intervals trend -0.88 (rank correlations with time)");
        assertThat(french(trend)).isEqualTo("montants +0,80, intervalles -0,88");
        Sentence money = Sentence.of(Wording.FAMILY_MONEY, new Sentence.Amount(new BigDecimal("5000.50")), Sentence.count(7),
                Sentence.decimal(Double.POSITIVE_INFINITY, 0));
        assertThat(money.english()).isEqualTo("5000.5 at the median over 7 transfers, every Infinity days at the median");
        assertThat(french(money)).isEqualTo("5\u202f000,5 en médiane sur 7 virements, tous les ∞ jours");
    }

    /** Only braces around digits are arguments: a translator's other braces stay as written. */
    @Test
    void bracesAroundAnythingButDigitsAreText() {
        Sentence s = Sentence.of(Wording.FREQUENCY, Sentence.decimal(3.5, 1), Sentence.count(12));
        assertThat(s.render(Locale.FRENCH, w -> "{a} {} {0x} {1}{0} {"))
                .isEqualTo("{a} {} {0x} 123,5 {");
    }

    /** The bundle key's last part is the wording's name in lower case (messages alerts.explain.<key>). */
    @Test
    void aWordingsKeyIsItsNameInLowerCase() {
        assertThat(Wording.FREQUENCY.key()).isEqualTo("frequency");
        assertThat(Wording.UNRELATED_LEFT_OUT.key()).isEqualTo("unrelated_left_out");
        assertThat(Wording.FREQUENCY.arity()).isEqualTo(2);
    }

    @Test
    void storedTextWithoutWordingIsShownAsWrittenAndArgumentCountsAreChecked() {
        Sentence old = Sentence.verbatim("median interval 3.5 days over 12 transfers");
        assertThat(old.render(Locale.FRENCH, w -> "never asked")).isEqualTo("median interval 3.5 days over 12 transfers");
        assertThatThrownBy(() -> Sentence.of(Wording.FREQUENCY, Sentence.count(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
