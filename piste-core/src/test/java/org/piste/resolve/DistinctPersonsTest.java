package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Counting the persons behind one identifier: the cap, the range of members, dates of birth. */
class DistinctPersonsTest {
    private static final String[] GIVEN = {"arnel", "claire", "hugo", "lorna", "joel", "manon", "yves", "rowena", "didier",
            "camille", "analyn", "ramon", "sophie", "thomas", "lucas", "nathalie", "marites", "jonalyn", "gerald", "pilar",
            "ofelia", "xavier", "ursula", "victor", "wendy"};
    private static final String[] SURNAME = {"aquino", "durand", "petit", "reyes", "ramos", "robert", "garcia", "torres",
            "martin", "dubois", "bautista", "ocampo", "mendoza", "bernard", "richard", "lefevre", "villanueva", "santos",
            "quiambao", "zamora", "ilagan", "fontaine", "kowalski", "nakamura", "yilmaz"};

    private static Features person(String given, String surname, String dob) {
        return new Features(new PersonRecord("r:" + given + surname + dob, given, "", surname, "",
                dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob)), "", "", "", "", "", "", ""));
    }

    private static int[] all(Features[] f) {
        return IntStream.range(0, f.length).toArray();
    }

    @Test
    void countingStopsAtMax() {
        Features[] strangers = IntStream.range(0, 25).mapToObj(i -> person(GIVEN[i], SURNAME[i], "")).toArray(Features[]::new);
        assertThat(DistinctPersons.count(strangers, all(strangers), 0, 25, true)).isEqualTo(DistinctPersons.MAX);
        assertThat(DistinctPersons.count(strangers, all(strangers), 0, 19, true)).isEqualTo(19);
        assertThat(DistinctPersons.count(strangers, all(strangers), 5, 8, true)).as("members 5 to 7").isEqualTo(3);
    }

    @Test
    void recordsWithoutAnyNameAreNotCountedButAValueIsAlwaysSomeonesOwn() {
        Features[] f = {person("", "", "1980-01-01"), person("", "", "1991-06-15"), person("Joel", "", "")}; // dates apart
        assertThat(DistinctPersons.count(f, all(f), 0, 2, true)).isEqualTo(1);
        assertThat(DistinctPersons.count(f, all(f), 0, 3, true)).isEqualTo(1);
        Features[] surnameOnly = {person("", "Ramos", ""), person("", "Garcia", "")};
        assertThat(DistinctPersons.count(surnameOnly, all(surnameOnly), 0, 2, true)).isEqualTo(2);
    }

    /**
     * Dates alike to a typing error (one digit off: level 4) vouch for one person whatever the names; dates within a
     * month (level 5) do not, so the names decide.
     */
    @Test
    void datesAlikeToATypoMakeOnePersonAndDatesMerelyCloseLeaveItToTheNames() {
        Features a = person("Jose", "Reyes", "1975-04-12"), typo = person("Rowena", "Garcia", "1975-04-13");
        Features close = person("Rowena", "Garcia", "1975-04-30");
        assertThat(Comparison.birthDate(a.birthDate, typo.birthDate)).isEqualTo(Comparison.TYPO);
        assertThat(DistinctPersons.samePerson(a, typo, true)).isTrue();
        assertThat(DistinctPersons.samePerson(a, close, true)).isFalse();
        assertThat(DistinctPersons.samePerson(a, typo, false)).as("dates not read").isFalse();
        Features again = person("JOSE", "REYES", "1975-04-30");
        assertThat(DistinctPersons.samePerson(a, again, true)).as("close dates, one name").isTrue();
    }

    @Test
    void namesThatDisagreeOutrightOnEitherPartAreTwoPersons() {
        Features a = person("Maria Luz", "Dela Cruz", "");
        assertThat(DistinctPersons.samePerson(a, person("Maria", "Dela Cruz", ""), true)).as("first name").isTrue();
        assertThat(DistinctPersons.samePerson(a, person("Maria Luz", "Delacruz", ""), true)).isTrue();
        assertThat(DistinctPersons.samePerson(a, person("Arnel", "Dela Cruz", ""), true)).as("given names").isFalse();
        assertThat(DistinctPersons.samePerson(a, person("Maria Luz", "Bautista", ""), true)).as("surname").isFalse();
    }
}
