package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * English reasons write their decimals without the formatter, and must write them exactly as it did: stored
 * explanations are keyed by their text, so one changed digit would store every explanation again (and show a number
 * other than the one the CLI printed). The oracle is the formatter call the sentences used before.
 */
class SentenceProperties {
    private static String formatter(double v, int digits, boolean signed) {
        return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + digits + "f", v);
    }

    @Property(tries = 5000)
    void aDecimalIsWrittenAsTheFormatterWroteIt(@ForAll("decimals") double v, @ForAll @IntRange(max = 4) int digits,
            @ForAll boolean signed) {
        assertThat(Sentence.plain(new Sentence.Decimal(v, digits, signed))).isEqualTo(formatter(v, digits, signed));
    }

    /** Any bits at all, not only the values a screening measures: subnormals, huge values, negative zero. */
    @Property(tries = 5000)
    void anyFiniteDoubleIsWrittenAsTheFormatterWroteIt(@ForAll long bits, @ForAll @IntRange(max = 4) int digits,
            @ForAll boolean signed) {
        double v = Double.longBitsToDouble(bits);
        if (!Double.isFinite(v)) v = bits % 1000 / 7.0;
        assertThat(Sentence.plain(new Sentence.Decimal(v, digits, signed))).isEqualTo(formatter(v, digits, signed));
    }

    /** Hand-checked: halves round up from the shortest decimal (0.15 is 0.1499... in binary, still "0.2"). */
    @Example
    void halvesRoundUpAndNegativeZeroKeepsItsSign() {
        assertThat(Sentence.plain(new Sentence.Decimal(0.15, 1, false))).isEqualTo("0.2");
        assertThat(Sentence.plain(new Sentence.Decimal(2.5, 0, false))).isEqualTo("3");
        assertThat(Sentence.plain(new Sentence.Decimal(-0.875, 2, true))).isEqualTo("-0.88");
        assertThat(Sentence.plain(new Sentence.Decimal(-0.0, 2, false))).isEqualTo("-0.00");
        assertThat(Sentence.plain(new Sentence.Decimal(0.0, 2, true))).isEqualTo("+0.00");
        assertThat(Sentence.plain(new Sentence.Decimal(1e20, 1, false))).isEqualTo("100000000000000000000.0");
    }

    /** Values as indicators measure them: ratios, halves and thirds, medians of amounts, near the rounding edges. */
    @Provide
    Arbitrary<Double> decimals() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1000, 1000),
                Arbitraries.integers().between(-20_000, 20_000).map(n -> n / 8.0),
                Arbitraries.integers().between(-20_000, 20_000).map(n -> n / 1000.0 + 0.0005),
                Arbitraries.integers().between(1, 400).flatMap(d -> Arbitraries.integers().between(0, d).map(n -> n / (double) d)),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 0.005, 0.015, 0.125, 1.005));
    }
}
