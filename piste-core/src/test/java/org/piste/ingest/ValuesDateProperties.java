package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ValuesDateProperties {
    private static final Values FR = new Values(Profiles.load("fr-operator"));
    private static final Values CANONICAL = new Values(Profiles.load("canonical"));

    private static String two(int n) {
        return (n < 10 ? "0" : "") + n;
    }

    @Property
    void everyRealDayWrittenDayFirstReadsBack(@ForAll @IntRange(min = 1900, max = 2099) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 31) int day) throws RowProblem {
        if (day > YearMonth.of(year, month).lengthOfMonth()) return;
        String written = two(day) + "/" + two(month) + "/" + year;
        assertThat(FR.date("send_date", written)).isEqualTo(LocalDate.of(year, month, day));
        assertThat(FR.date("send_date", LocalDate.of(year, month, day).toString()))
                .as("ISO dates always work").isEqualTo(LocalDate.of(year, month, day));
    }

    @Property
    void daysPastTheEndOfTheMonthAreRejectedNotRolledOver(@ForAll @IntRange(min = 1900, max = 2099) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 28, max = 31) int day) {
        if (day <= YearMonth.of(year, month).lengthOfMonth()) return;
        for (String written : new String[] {two(day) + "/" + two(month) + "/" + year,
                year + "-" + two(month) + "-" + two(day)}) {
            assertThatThrownBy(() -> FR.date("send_date", written)).as(written)
                    .isInstanceOfSatisfying(RowProblem.class,
                            p -> assertThat(p.reason).isEqualTo(RejectReason.UNPARSEABLE_DATE));
        }
    }

    @Example
    void thirtyFirstOfFebruaryIsRejectedAndLeapDaysAreExact() throws RowProblem {
        assertThatThrownBy(() -> FR.date("send_date", "31/02/2024")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.date("send_date", "29/02/2023")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.date("send_date", "29/02/1900")).isInstanceOf(RowProblem.class);
        assertThat(FR.date("send_date", "29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(FR.date("send_date", "29/02/2000")).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Example
    void monthFirstDatesAreNotSilentlyAccepted() {
        assertThatThrownBy(() -> FR.date("send_date", "01/13/2024")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.date("send_date", "2024/01/15")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.date("send_date", "15.01.2024")).isInstanceOf(RowProblem.class);
    }

    @Property
    void everyTimeOfDayReadsBack(@ForAll @IntRange(min = 0, max = 23) int h, @ForAll @IntRange(min = 0, max = 59) int m,
            @ForAll @IntRange(min = 0, max = 59) int s) throws RowProblem {
        assertThat(FR.time("send_time", two(h) + ":" + two(m) + ":" + two(s))).isEqualTo(LocalTime.of(h, m, s));
        assertThat(FR.time("send_time", two(h) + ":" + two(m))).isEqualTo(LocalTime.of(h, m));
    }

    /** A spreadsheet time cell arrives as a date-time on Excel's day zero, 1899-12-31. */
    @Example
    void spreadsheetTimeCellIsItsTimeOfDay() throws RowProblem {
        assertThat(FR.time("send_time", "1899-12-31T23:30")).isEqualTo(LocalTime.of(23, 30));
    }

    @Example
    void impossibleTimesAreRejected() {
        for (String t : new String[] {"24:00", "23:60", "12:30:60", "25:00", "midi"}) {
            assertThatThrownBy(() -> FR.time("send_time", t)).as(t).isInstanceOf(RowProblem.class);
        }
    }

    @Example
    void dateTimeWithAnOffsetIsExactAndWithoutIsLocal() throws RowProblem {
        assertThat(CANONICAL.dateTime("send_datetime", "2024-01-15T23:30:00+01:00"))
                .isEqualTo(new Values.Exact(OffsetDateTime.parse("2024-01-15T23:30:00+01:00")));
        assertThat(CANONICAL.dateTime("send_datetime", "2024-01-15T23:30:00"))
                .isEqualTo(new Values.Local(LocalDateTime.of(2024, 1, 15, 23, 30)));
        assertThat(FR.dateTime("send_datetime", "15/01/2024 23:30"))
                .isEqualTo(new Values.Local(LocalDateTime.of(2024, 1, 15, 23, 30)));
        assertThatThrownBy(() -> FR.dateTime("send_datetime", "31/02/2024 23:30")).isInstanceOf(RowProblem.class);
        // Offsets in shapes the fast path leaves to java.time: no seconds, a fraction.
        assertThat(CANONICAL.dateTime("send_datetime", "2024-01-15T23:30+01:00"))
                .isEqualTo(new Values.Exact(OffsetDateTime.of(2024, 1, 15, 23, 30, 0, 0, ZoneOffset.ofHours(1))));
        assertThat(CANONICAL.dateTime("send_datetime", "2024-01-15T23:30:00.5Z"))
                .isEqualTo(new Values.Exact(OffsetDateTime.of(2024, 1, 15, 23, 30, 0, 500_000_000, ZoneOffset.UTC)));
        assertThatThrownBy(() -> CANONICAL.dateTime("send_datetime", "2024-02-30T10:00:00+01:00")).isInstanceOf(RowProblem.class);
    }

    @Example
    void unreadableBirthDateIsEmptyNotAnError() {
        assertThat(FR.birthDate("31/02/1985").date()).isEmpty();
        assertThat(FR.birthDate("31/02/1985").setAside()).contains(ValueSetAside.BIRTH_DATE_UNREADABLE);
        assertThat(FR.birthDate("").date()).isEmpty();
        assertThat(FR.birthDate("").setAside()).isEmpty();
        assertThat(FR.birthDate("12/03/1985").date()).contains(LocalDate.of(1985, 3, 12));
    }
}
