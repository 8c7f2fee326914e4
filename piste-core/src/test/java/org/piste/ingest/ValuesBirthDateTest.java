package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Birth dates read on a fixed day, 12 March 2025 (fr-operator reads dd/MM/yyyy, then dd/MM/yy with years 2000-2099). */
class ValuesBirthDateTest {
    private static final Clock MARCH_12_2025 = Clock.fixed(Instant.parse("2025-03-12T12:00:00Z"), ZoneOffset.UTC);
    private final Values fr = new Values(Profiles.load("fr-operator"), MARCH_12_2025);

    /** "85" reads as 2085, which has not happened yet: the person was born in 1985. */
    @Test
    void twoDigitYearInTheFutureMovesBackACentury() {
        assertThat(fr.birthDate("12/03/85").date()).contains(LocalDate.of(1985, 3, 12));
        assertThat(fr.birthDate("13/03/25").date()).as("tomorrow in 2025 is 1925").contains(LocalDate.of(1925, 3, 13));
    }

    @Test
    void twoDigitYearUpToTodayStays() {
        assertThat(fr.birthDate("12/03/25").date()).as("born today").contains(LocalDate.of(2025, 3, 12));
        assertThat(fr.birthDate("11/03/25").date()).contains(LocalDate.of(2025, 3, 11));
        assertThat(fr.birthDate("01/01/00").date()).contains(LocalDate.of(2000, 1, 1));
    }

    /** A year written in full is taken as written: a future one is a typo, not a date of birth. */
    @Test
    void fourDigitYearInTheFutureIsNoBirthDate() {
        assertThat(fr.birthDate("12/03/2025").date()).as("born today").contains(LocalDate.of(2025, 3, 12));
        assertThat(fr.birthDate("13/03/2025").setAside()).contains(ValueSetAside.BIRTH_DATE_IN_FUTURE);
        assertThat(fr.birthDate("12/03/2085").setAside()).contains(ValueSetAside.BIRTH_DATE_IN_FUTURE);
        assertThat(fr.birthDate("2085-03-12").setAside()).as("ISO").contains(ValueSetAside.BIRTH_DATE_IN_FUTURE);
        assertThat(fr.birthDate("12/03/1985").date()).contains(LocalDate.of(1985, 3, 12));
    }

    /** Only known placeholders say "unknown"; an old date is a date (person lists hold people born before 1900). */
    @Test
    void placeholdersAreSetAsideAndSaidSoOldDatesAreKept() {
        for (String placeholder : new String[] {"01/01/1900", "01/01/0001", "31/12/1899", "30/12/1899", "01/01/1800", "31/12/9999"}) {
            assertThat(fr.birthDate(placeholder)).as(placeholder)
                    .isEqualTo(new Values.BirthDate(java.util.Optional.empty(), java.util.Optional.of(ValueSetAside.BIRTH_DATE_PLACEHOLDER)));
        }
        assertThat(fr.birthDate("02/01/1900").date()).contains(LocalDate.of(1900, 1, 2));
        assertThat(fr.birthDate("17/05/1885").date()).as("a date of 1885").contains(LocalDate.of(1885, 5, 17));
        assertThat(fr.birthDate("12/03/0985").setAside()).contains(ValueSetAside.BIRTH_DATE_BEFORE_1000);
        assertThat(fr.birthDate("31/02/1985").setAside()).contains(ValueSetAside.BIRTH_DATE_UNREADABLE);
        assertThat(fr.birthDate("")).isEqualTo(new Values.BirthDate(java.util.Optional.empty(), java.util.Optional.empty()));
    }
}
