package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small parts: references, number formats, name variants, name lists. */
class PartsTest {
    @Test
    void referencesAreTenDigitsAndNeverRepeat() {
        References refs = new References(42);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 1_000_000; i++) {
            String r = refs.of(i);
            assertThat(r).hasSize(10);
            assertThat(seen.add(r)).as("reference %s repeated at %d", r, i).isTrue();
        }
        assertThat(new References(43).of(0)).isNotEqualTo(refs.of(0));
    }

    @Test
    void amountsAreWrittenExactly() {
        assertThat(Fmt.cents(4550, '.', (char) 0)).isEqualTo("45.50");
        assertThat(Fmt.cents(305215, ',', '.')).isEqualTo("3.052,15");
        assertThat(Fmt.cents(123456789, ',', '.')).isEqualTo("1.234.567,89");
        assertThat(Fmt.cents(99900, ',', '.')).isEqualTo("999,00");
        assertThat(Fmt.cents(5, '.', (char) 0)).isEqualTo("0.05");
        assertThat(Fmt.rate(612345, ',')).isEqualTo("61,2345");
        assertThat(Fmt.rate(610005, '.')).isEqualTo("61.0005");
    }

    @Test
    void particlesVary() {
        SplittableRandom r = new SplittableRandom(1);
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < 200; i++) variants.add(Noise.particle(r, "Dela Cruz"));
        assertThat(variants).containsExactlyInAnyOrder("Delacruz", "Dela-Cruz", "De La Cruz");
        variants.clear();
        for (int i = 0; i < 200; i++) variants.add(Noise.particle(r, "De Los Reyes"));
        assertThat(variants).contains("Delos Reyes", "Delosreyes");
        assertThat(Noise.particle(r, "Santos")).isEqualTo("Santos");
    }

    @Test
    void phonesAreWrittenSeveralWays() {
        SplittableRandom r = new SplittableRandom(3);
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < 100; i++) variants.add(Noise.phone(r, "+33612345678"));
        assertThat(variants).containsExactlyInAnyOrder("+33612345678", "0612345678", "06 12 34 56 78", "33612345678");
    }

    @Test
    void everyBuiltInNameFitsWindows1252() throws IllegalAccessException {
        CharsetEncoder cp1252 = Charset.forName("windows-1252").newEncoder();
        for (Field f : Names.class.getDeclaredFields()) {
            f.setAccessible(true);
            if (f.getType() == String[].class) {
                for (String s : (String[]) f.get(null)) {
                    assertThat(cp1252.canEncode(s)).as(s).isTrue();
                    assertThat(cp1252.canEncode(s.toUpperCase(java.util.Locale.ROOT))).as(s).isTrue();
                }
            }
        }
    }
}
