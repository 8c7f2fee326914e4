package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.piste.normal.Text;

class NamesTest {
    @Test
    void filipinoParticleSpellingsShareOneKey() {
        String a = Names.surnameKey(Names.surnameTokens("Dela Cruz"));
        assertThat(Names.surnameKey(Names.surnameTokens("DE LA CRUZ"))).isEqualTo(a);
        assertThat(Names.surnameKey(Names.surnameTokens("Delacruz"))).isEqualTo(a);
        assertThat(Names.surnameKey(Names.surnameTokens("dela-Cruz"))).isEqualTo(a);
        assertThat(Names.surnameCore(Names.surnameTokens("De los Santos"))).isEqualTo("santos");
    }

    @Test
    void santaAndSantoAbbreviationsAreExpanded() {
        assertThat(Names.surnameKey(Names.surnameTokens("Sta. Maria"))).isEqualTo(Names.surnameKey(Names.surnameTokens("Santa Maria")));
        assertThat(Names.surnameKey(Names.surnameTokens("Sto. Tomas"))).isEqualTo("santotomas");
    }

    @Test
    void maIsMariaAndTitlesAndSuffixesAreDropped() {
        assertThat(Names.givenTokens("Ma. Luz")).containsExactly("maria", "luz");
        assertThat(Names.givenTokens("Mme Jean-Pierre")).containsExactly("jean", "pierre");
        assertThat(Names.surnameTokens("Reyes Jr.")).containsExactly("reyes");
    }

    @Test
    void titlesOfNobilityAndGenerationalOrdinalsAreNotNames() {
        assertThat(Names.givenTokens("Sir John")).containsExactly("john");
        assertThat(Names.surnameTokens("Smith, 2nd Baronet")).containsExactly("smith");
        assertThat(Names.surnameTokens("Viscount Falkland")).containsExactly("falkland");
        assertThat(Names.surnameCore(Names.surnameTokens("Earl of Derby"))).isEqualTo("derby");
        assertThat(Names.givenTokens("John V")).as("an initial is not an ordinal").containsExactly("john", "v");
    }

    @Test
    void otherScriptsAndAccentsFoldToLatinLowerCase() {
        assertThat(Text.fold("Élodie LEFÈVRE")).isEqualTo("elodie lefevre");
        assertThat(Text.fold("Иван Петров")).isEqualTo("ivan petrov");
        assertThat(Text.fold("Ibañez")).isEqualTo("ibanez");
    }

    @Test
    void aNameInOnePieceIsSplitWithItsParticles() {
        assertThat(Names.splitFullName("Juan dela Cruz")).containsExactly("Juan", "dela Cruz");
        assertThat(Names.splitFullName("MARTIN, Jean-Pierre")).containsExactly("Jean-Pierre", "MARTIN");
        assertThat(Names.splitFullName("Analyn")).containsExactly("", "Analyn");
    }

    @Test
    void nicknamesShareAFormalName() {
        assertThat(Nicknames.compatible("bill", "william")).isTrue();
        assertThat(Nicknames.compatible("bill", "will")).isTrue();
        assertThat(Nicknames.compatible("pepe", "jose")).isTrue();
        assertThat(Nicknames.compatible("jean", "paul")).isFalse();
    }

    @Test
    void foldKeepsLettersAndDigitsAtTheEndsOfTheirRangesAndTransliteratesWholeWords() {
        assertThat(Text.fold("az-AZ 09/90")).isEqualTo("az az 09 90");
        assertThat(Text.fold("  O'Hara  ")).isEqualTo("o hara");
        assertThat(Text.fold("Иван")).isEqualTo("ivan");
        assertThat(Text.fold("")).isEmpty();
    }

    @Test
    void aSurnameOfParticlesOnlyKeepsThem() {
        assertThat(Names.surnameCore(Names.surnameTokens("De La"))).isEqualTo("dela");
        assertThat(Names.isParticle("cruz")).isFalse();
        assertThat(Names.isParticle("dela")).isTrue();
    }

    @Test
    void aNameInOnePieceOfTwoWordsIsGivenNameAndSurnameAndOnlyParticlesJoinTheSurname() {
        assertThat(Names.splitFullName("Juan Cruz")).containsExactly("Juan", "Cruz");
        assertThat(Names.splitFullName("Dela Cruz")).as("the first word is a given name").containsExactly("Dela", "Cruz");
        assertThat(Names.splitFullName("Juan Carlos Santos")).containsExactly("Juan Carlos", "Santos");
        assertThat(Names.splitFullName(",Juan")).containsExactly("Juan", "");
    }

    @Test
    void theSurnameAsWrittenComesFromTheFullNameOnlyWhenThereIsNone() {
        assertThat(Names.surnameAsWritten("Reyes", "Juan dela Cruz")).isEqualTo("Reyes");
        assertThat(Names.surnameAsWritten(" ", "Juan dela Cruz")).isEqualTo("dela Cruz");
        assertThat(Names.surnameAsWritten("", "")).isEmpty();
    }

    @Test
    void twoShortFormsOfOneFormalNameAreCompatible() {
        assertThat(Nicknames.compatible("beth", "liz")).as("both of elizabeth").isTrue();
        assertThat(Nicknames.compatible("zenaida", "zenaida")).isTrue();
        assertThat(Nicknames.compatible("beth", "bill")).isFalse();
    }

    /** How the comparators rate two names written in one piece, for evaluation against labelled pairs. */
    @Test
    void namesInOnePieceAreRatedAsTheResolverRatesThem() {
        assertThat(NameMatch.level("Juan dela Cruz", "CRUZ, Juan")).isEqualTo(new NameMatch.Levels(1, "exact", 2, "same without particles"));
        assertThat(NameMatch.level("Cruz Juan", "Juan Cruz")).as("read swapped").isEqualTo(new NameMatch.Levels(1, "exact", 1, "exact"));
        assertThat(NameMatch.level("Analyn", "Juan Cruz").given()).as("no given name in one piece of one word").isZero();
    }
}
