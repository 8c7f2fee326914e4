package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The string measures against jellyfish's reference values (src/test/resources/er/string-metrics, MIT). */
class StringMetricsTest {
    private static final String DIR = "/er/string-metrics/";

    @ParameterizedTest(name = "jaroWinkler({0}, {1}) = {2}")
    @CsvFileSource(resources = DIR + "jaro_winkler.csv", ignoreLeadingAndTrailingWhitespace = false)
    void jaroWinklerMatchesJellyfish(String a, String b, double expected) {
        assertThat(Strings.jaroWinkler(text(a), text(b))).isCloseTo(expected, within(0.001));
    }

    @ParameterizedTest(name = "withinOneEdit({0}, {1}) iff levenshtein {2} <= 1")
    @CsvFileSource(resources = DIR + "levenshtein.csv", ignoreLeadingAndTrailingWhitespace = false)
    void withinOneEditAgreesWithLevenshtein(String a, String b, int distance) {
        assertThat(Strings.withinOneEdit(text(a), text(b))).isEqualTo(distance <= 1);
    }

    @ParameterizedTest(name = "withinOneEdit({0}, {1}) iff damerau-levenshtein {2} <= 1")
    @CsvFileSource(resources = DIR + "damerau_levenshtein.csv", ignoreLeadingAndTrailingWhitespace = false)
    void withinOneEditAgreesWithDamerauLevenshtein(String a, String b, int distance) {
        assertThat(Strings.withinOneEdit(text(a), text(b))).isEqualTo(distance <= 1);
    }

    /** The CSV source reads an empty unquoted value as null. */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Test
    void twoEmptyStringsAreAlikeAndOneEmptyStringIsLikeNothing() {
        assertThat(Strings.jaroWinkler("", "")).isEqualTo(1.0);
        assertThat(Strings.jaroWinkler("abc", "")).isZero();
        assertThat(Strings.jaroWinkler("", "abc")).isZero();
    }

    /** Two substitutions of one length are one edit only as a transposition of neighbours, at the start too. */
    @Test
    void aTranspositionOfNeighboursIsOneEditAndTwoSubstitutionsAreNot() {
        assertThat(Strings.withinOneEdit("ab", "ba")).isTrue();
        assertThat(Strings.withinOneEdit("abcd", "bacd")).isTrue();
        assertThat(Strings.withinOneEdit("abcd", "abdc")).isTrue();
        assertThat(Strings.withinOneEdit("abcd", "xbcy")).isFalse();
        assertThat(Strings.withinOneEdit("abcd", "acbx")).as("swapped, then one more").isFalse();
        assertThat(Strings.withinOneEdit("abcd", "axyd")).isFalse();
    }

    @Test
    void tokenOverlapIsTheShareOfDistinctWordsInCommon() {
        assertThat(Strings.tokenOverlap("a b c", "b c d")).isEqualTo(0.5); // {b, c} of {a, b, c, d}
        assertThat(Strings.tokenOverlap("a a b", "b")).isEqualTo(0.5); // {b} of {a, b}
        assertThat(Strings.tokenOverlap("a", "b")).isZero();
    }
}
