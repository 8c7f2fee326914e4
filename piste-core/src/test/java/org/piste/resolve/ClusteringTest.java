package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What clustering refuses to put in one entity, and what a strong enough link may override. */
class ClusteringTest {
    private static final double WEAK = 5, STRONG = 12, OVERWHELMING = 25;

    private static Features person(String id, String given, String dob) {
        return new Features(new PersonRecord(id, given, "", "Santos", "",
                dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob)), "", "", "", "", "", "", ""));
    }

    @Test
    void onlyDatesOfBirthFurtherApartThanATypoOrAYearAreAContradiction() {
        Clustering c = new Clustering(new Features[] {person("a", "Maria", "1975-04-12"), person("b", "Maria", "1975-11-30"),
            person("c", "Maria", "1980-01-01"), person("d", "Maria", "")});
        assertThat(c.mergeScored(0, 1, WEAK, WEAK)).as("within a year").isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(0, 2, STRONG, STRONG)).isEqualTo(Clustering.Refusal.BIRTH_DATES_CONFLICT);
        assertThat(c.mergeScored(3, 2, STRONG, STRONG)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(1, 3, STRONG, STRONG)).as("d joined c: the chain would hold a and c").isEqualTo(Clustering.Refusal.BIRTH_DATES_CONFLICT);
        assertThat(c.together(0, 2)).isFalse();
    }

    @Test
    void twoLinkedRecordsOwnContradictingDatesGiveWayOnlyToAnOverwhelmingLink() {
        Clustering c = new Clustering(new Features[] {person("a", "Maria", "1975-04-12"), person("b", "Maria", "1980-01-01")});
        assertThat(c.mergeScored(0, 1, Resolver.OVERWHELMING - 0.01, Resolver.OVERWHELMING - 0.01)).isEqualTo(Clustering.Refusal.BIRTH_DATES_CONFLICT);
        assertThat(c.mergeScored(0, 1, Resolver.OVERWHELMING, Resolver.OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
    }

    /** Siblings sharing an address and a phone, no date of birth to tell them apart. */
    @Test
    void givenNamesThatDisagreeOutrightAreNotMergedUnlessOverwhelmed() {
        Features[] f = {person("a", "Jose", ""), person("b", "Rowena", "")};
        assertThat(new Clustering(f).mergeScored(0, 1, WEAK, WEAK)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
        assertThat(new Clustering(f).mergeScored(0, 1, STRONG, STRONG)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
        assertThat(new Clustering(f).mergeScored(0, 1, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
    }

    /** A father and son of one name: the agency they use and the relative they pay say "one household". */
    @Test
    void theContextCannotOutweighAContradiction() {
        Features[] f = {person("a", "Kenneth", "1962-09-09"), person("b", "Kenneth", "1984-08-16"), person("c", "Rowena", "")};
        assertThat(new Clustering(f).mergeScored(0, 1, 40, 19)).isEqualTo(Clustering.Refusal.BIRTH_DATES_CONFLICT);
        assertThat(new Clustering(f).mergeScored(0, 1, 40, 20)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(new Clustering(f).mergeScored(0, 2, 40, 19)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
        assertThat(new Clustering(f).mergeScored(0, 2, 40, 20)).isEqualTo(Clustering.Refusal.NONE);
    }

    /** A given name replaced in data entry: the dates of birth vouch for one person. */
    @Test
    void datesOfBirthAlikeToATypoVouchForRecordsWhoseGivenNamesDisagree() {
        Features[] f = {person("a", "Jose", "1975-04-12"), person("b", "Rowena", "1975-04-21"), person("c", "Rowena", "1975-10-30")};
        Clustering c = new Clustering(f);
        assertThat(c.mergeScored(0, 1, WEAK, WEAK)).as("one digit off").isEqualTo(Clustering.Refusal.NONE);
        assertThat(new Clustering(f).mergeScored(0, 2, WEAK, WEAK)).as("within a year, not a typo").isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
    }

    /** "Maria Luz" is compatible with "Maria" and with "Luz", but "Maria" and "Luz" are two people. */
    @Test
    void aWeakLinkCannotBringAGivenNameThatClashesWithAnotherMemberButAStrongOneCan() {
        Features[] f = {person("k", "Maria Luz", ""), person("l", "Maria", ""), person("m", "Luz", "")};
        Clustering weak = new Clustering(f);
        assertThat(weak.mergeScored(0, 1, WEAK, WEAK)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(weak.mergeScored(0, 2, WEAK, WEAK)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
        Clustering strong = new Clustering(f);
        assertThat(strong.mergeScored(0, 1, WEAK, WEAK)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(strong.mergeScored(0, 2, STRONG, STRONG)).isEqualTo(Clustering.Refusal.NONE);
    }

    @Test
    void anAnalystsRulingsComeFirstBothWays() {
        Features[] f = {person("a", "Jose", "1975-04-12"), person("b", "Rowena", "1990-01-01"), person("c", "Jose", "1975-04-12")};
        Clustering c = new Clustering(f);
        assertThat(c.mergeDecided(0, 1)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeDecided(1, 0)).as("already together").isEqualTo(Clustering.Refusal.NONE);
        c.notSame(1, 2);
        assertThat(c.mergeScored(0, 2, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.ANALYST_NOT_SAME);
    }

    /** A link of exactly STRONG is not weak: its groups' given names are not checked against each other. */
    @Test
    void aLinkOfExactlyStrongIsNotWeak() {
        Features[] f = {person("k", "Maria Luz", ""), person("l", "Maria", ""), person("m", "Luz", "")};
        Clustering c = new Clustering(f);
        c.mergeScored(0, 1, WEAK, WEAK);
        assertThat(c.mergeScored(0, 2, Clustering.STRONG - 0.001, Clustering.STRONG - 0.001)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
        assertThat(c.mergeScored(0, 2, Clustering.STRONG, Clustering.STRONG)).isEqualTo(Clustering.Refusal.NONE);
    }

    /** A group keeps each given name once: eight rows of one name leave room for another. */
    @Test
    void aGroupKeepsDistinctGivenNames() {
        Features[] f = new Features[11];
        for (int i = 0; i < 9; i++) f[i] = person("r" + i, "Maria Luz", "");
        f[9] = person("maria", "Maria", "");
        f[10] = person("luz", "Luz", "");
        Clustering c = new Clustering(f);
        for (int i = 1; i < 9; i++) assertThat(c.mergeScored(0, i, STRONG, STRONG)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(0, 9, STRONG, STRONG)).isEqualTo(Clustering.Refusal.NONE);
        // Luz links to a Maria Luz (compatible) but the group also holds Maria, which Luz clashes with
        assertThat(c.mergeScored(10, 1, WEAK, WEAK)).isEqualTo(Clustering.Refusal.GIVEN_NAMES_CONFLICT);
    }

    /** Another surname with given names only similar: two persons; with a first name in common: a married name. */
    @Test
    void aSurnameThatDiffersClashesUnlessTheGivenNamesAgreeBetterThanSimilar() {
        Features maricel = new Features(new PersonRecord("a", "Maricel", "", "Santos", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features marivic = new Features(new PersonRecord("b", "Marivic", "", "Reyes", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features mariaLuz = new Features(new PersonRecord("c", "Maria Luz", "", "Santos", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features maria = new Features(new PersonRecord("d", "Maria", "", "Reyes", "", Optional.empty(), "", "", "", "", "", "", ""));
        assertThat(Comparison.names(maricel, marivic)).startsWith(3, 5);
        assertThat(Clustering.namesClash(maricel, marivic)).isTrue();
        assertThat(Comparison.names(mariaLuz, maria)).startsWith(2, 5);
        assertThat(Clustering.namesClash(mariaLuz, maria)).isFalse();
    }

    /** An overwhelming link vouches for its own two dates only, not for a third date of the groups. */
    @Test
    void anOverwhelmingLinkVouchesOnlyForItsOwnTwoDates() {
        Features[] f = {person("a", "Maria", "1975-04-12"), person("b", "Maria", "1980-01-01"), person("c", "Maria", "1980-01-05")};
        Clustering c = new Clustering(f);
        assertThat(c.mergeScored(1, 2, WEAK, WEAK)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(0, 1, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.BIRTH_DATES_CONFLICT);
        Clustering pair = new Clustering(f);
        assertThat(pair.mergeScored(1, 0, OVERWHELMING, OVERWHELMING)).as("either way round").isEqualTo(Clustering.Refusal.NONE);
    }

    /**
     * Two groups each joined by an overwhelming link over the same two dates, A (1970) and B (1990): a third
     * overwhelming link between a record of A and one of B meets the pair (A, B) both ways round across the groups
     * (A of the first with B of the second, B of the first with A of the second), each time its own two dates.
     */
    @Test
    void anOverwhelmingLinkVouchesForItsTwoDatesWhicheverGroupHoldsWhich() {
        Features[] f = {person("a", "Maria", "1970-01-01"), person("b", "Maria", "1990-06-15"), person("c", "Maria", "1990-06-15"),
            person("d", "Maria", "1970-01-01")};
        Clustering c = new Clustering(f);
        assertThat(c.mergeScored(0, 1, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(2, 3, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(0, 2, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.together(1, 3)).isTrue();
    }

    /**
     * A group checks at most NAMES_KEPT (8) given names: eight spellings with Maria in them, then Zenaida by an
     * overwhelming link, are checked as the eight; a weak link from another Maria then meets no clash (Zenaida, the
     * ninth, was not kept).
     */
    @Test
    void aGroupChecksNoMoreThanEightGivenNames() {
        String[] given = {"Maria", "Maria Luz", "Maria Elena", "Maria Clara", "Maria Cristina", "Maria Teresa", "Maria Fe",
            "Maria Rosa", "Zenaida", "Maria"};
        Features[] f = new Features[given.length];
        for (int i = 0; i < given.length; i++) f[i] = person("r" + i, given[i], "");
        Clustering c = new Clustering(f);
        assertThat(Clustering.NAMES_KEPT).isEqualTo(8);
        for (int i = 1; i < 8; i++) assertThat(c.mergeScored(0, i, STRONG, STRONG)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(c.mergeScored(0, 8, OVERWHELMING, OVERWHELMING)).isEqualTo(Clustering.Refusal.NONE);
        assertThat(Clustering.namesClash(f[8], f[9])).as("Zenaida and Maria").isTrue();
        assertThat(c.mergeScored(9, 0, WEAK, WEAK)).isEqualTo(Clustering.Refusal.NONE);
    }
}
