package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class CountriesTest {
    @Test
    void everyIsoCodeReadsAsItself() {
        List<String> wrong = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            if (!Countries.toAlpha2(code).equals(java.util.Optional.of(code))) wrong.add(code);
            if (!Countries.toAlpha2(code.toLowerCase(Locale.ROOT)).equals(java.util.Optional.of(code))) wrong.add(code + " lower-case");
            String alpha3;
            try {
                alpha3 = Locale.of("", code).getISO3Country();
            } catch (MissingResourceException none) {
                continue;
            }
            if (!alpha3.isEmpty() && !Countries.toAlpha2(alpha3).equals(java.util.Optional.of(code))) wrong.add(alpha3);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCountrysEnglishAndFrenchNameReadsAsItsCode() {
        List<String> wrong = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
                String name = Locale.of("", code).getDisplayCountry(language);
                for (String written : new String[] {name, name.toUpperCase(Locale.ROOT), " " + name.toLowerCase(Locale.ROOT) + " "}) {
                    var got = Countries.toAlpha2(written);
                    if (!got.equals(java.util.Optional.of(code))) wrong.add("'" + written + "' -> " + got + ", expected " + code);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void commonSpellingsOfExportsAreRecognised() {
        assertThat(Countries.toAlpha2("Philippines")).contains("PH");
        assertThat(Countries.toAlpha2("PHILIPPINES (LES)")).contains("PH");
        assertThat(Countries.toAlpha2("phl")).contains("PH");
        assertThat(Countries.toAlpha2("Pilipinas")).contains("PH");
        assertThat(Countries.toAlpha2("FRANCE")).contains("FR");
        assertThat(Countries.toAlpha2("Etats-Unis")).contains("US");
        assertThat(Countries.toAlpha2("Sénégal")).contains("SN");
        assertThat(Countries.toAlpha2("UK")).contains("GB");
    }

    /** The JDK spells it with a typographic apostrophe; exports typed on a keyboard use the straight one. */
    @Test
    void straightAndTypographicApostrophesAreTheSame() {
        assertThat(Countries.toAlpha2("Côte d’Ivoire")).contains("CI");
        assertThat(Countries.toAlpha2("Côte d'Ivoire")).contains("CI");
        assertThat(Countries.toAlpha2("COTE D'IVOIRE")).contains("CI");
    }

    @Test
    void unknownOrEmptyIsEmpty() {
        assertThat(Countries.toAlpha2("")).isEmpty();
        assertThat(Countries.toAlpha2("   ")).isEmpty();
        assertThat(Countries.toAlpha2("Atlantide")).isEmpty();
        assertThat(Countries.toAlpha2("ZZ")).isEmpty();
    }
}
