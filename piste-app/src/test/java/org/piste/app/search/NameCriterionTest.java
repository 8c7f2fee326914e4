package org.piste.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The name look-up only ever gives PostgreSQL patterns its trigram index can use: a pattern of under 3 letters
 * ("%ed%", "%12%") would read every party record of the table (a review found "n° 12" doing that at 10M transfers).
 */
class NameCriterionTest {
    @Test
    void aNumberWithoutAWordOfThreeLettersIsNoNameLookUp() {
        assertThat(PartyMatches.Criterion.name(NameQuery.of("n° 12"))).isEmpty();
        assertThat(PartyMatches.Criterion.name(NameQuery.of("Li Wu"))).isEmpty();
    }

    @Test
    void everyPatternHasATrigram() {
        for (String typed : List.of("Edward", "Ed Santos", "Maria Santos", "Bob", "José de la Cruz")) {
            List<String> patterns = patterns(typed);
            assertThat(patterns).as(typed).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.replace("%", "")).as(typed).hasSizeGreaterThanOrEqualTo(3));
        }
    }

    @Test
    void aWordWithAShortNicknameStillNarrowsByItsLongSpellings() {
        assertThat(patterns("Edward")).contains("%edward%");
    }

    private static List<String> patterns(String typed) {
        PartyMatches.Criterion c = PartyMatches.Criterion.name(NameQuery.of(typed)).orElseThrow();
        return c.params().stream().flatMap(p -> Arrays.stream((String[]) p)).toList();
    }
}
