package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agreement level of every field on a pair chosen to fall clearly inside that level. Jaro-Winkler values in the
 * comments were computed with an independent implementation (the textbook definition, prefix scale 0.1 up to 4).
 */
class ComparisonLevelsTest {

    /** A record with one field set (dates as yyyy-MM-dd), every other field empty. */
    static Features one(Comparison field, String value) {
        String given = "", middle = "", surname = "", id = "", phone = "", email = "", address = "", postcode = "", city = "",
                agency = "";
        Optional<LocalDate> birth = Optional.empty();
        switch (field) {
            case GIVEN -> given = value;
            case SURNAME -> surname = value;
            case MIDDLE -> middle = value;
            case BIRTH_DATE -> birth = value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
            case ID_NUMBER -> id = value;
            case PHONE -> phone = value;
            case EMAIL -> email = value;
            case ADDRESS -> address = value;
            case POSTCODE -> postcode = value;
            case CITY -> city = value;
            case AGENCY -> agency = value;
            case COUNTERPARTY -> throw new IllegalArgumentException("the counterparty is compared by Counterparties");
        }
        return new Features(new PersonRecord("r", given, middle, surname, "", birth, id, phone, email, address, postcode,
                city, "", agency, ""));
    }

    /**
     * Edges: 31 days apart (31 March to 1 May) is within a month, 366 (29 February 1976 to 1 March 1977) within a year;
     * two adjacent digits swapped next to a repeated one (1995 / 1959, 1915 / 1195) and the first digit changed
     * (1975 / 2975) are one digit off, a year of five digits ending like a four-digit one is not; two words of four
     * in common (12 rue pasteur / pasteur 7 rue) is a similar address; an e-mail without a user name has none to share.
     * A first name written as its initial is a weak agreement even where the names are far apart (J Paolo / Jose Maria:
     * Jaro-Winkler 0.53); Cruz and Kruse sound alike (both KRS) though they are spelt far apart (0.63).
     */
    @ParameterizedTest(name = "{0}: ''{1}'' vs ''{2}'' is {3}")
    @CsvSource(delimiter = ';', textBlock = """
            GIVEN;        ;              Maria;          missing
            GIVEN;        Maria Luz;     MARIA LUZ;      exact
            GIVEN;        Maria Luz;     Maria;          nickname or first name
            GIVEN;        Bill;          William;        nickname or first name
            GIVEN;        Maricel;       Marivic;        similar
            GIVEN;        Marites;       Marivic;        weak
            GIVEN;        J;             Jose;           weak
            GIVEN;        Arnel;         Claire;         different
            GIVEN;        J Paolo;       Jose Maria;     weak
            GIVEN;        Jose Maria;    J Paolo;        weak
            GIVEN;        J Paolo;       Marites;        different
            SURNAME;      ;              Reyes;          missing
            SURNAME;      Dela Cruz;     DE LA CRUZ;     exact
            SURNAME;      De Guzman;     Guzman;         same without particles
            SURNAME;      Villanueva;    Vilanueva;      similar
            SURNAME;      Santos;        Santiago;       sounds alike
            SURNAME;      Reyes;         Bautista;       different
            SURNAME;      Cruz;          Kruse;          sounds alike
            MIDDLE;       Santos;        SANTOS;         exact
            MIDDLE;       S;             Santos;         initial
            MIDDLE;       Santos;        Reyes;          different
            MIDDLE;       Santos;        S;              initial
            MIDDLE;       S;             Reyes;          different
            BIRTH_DATE;   ;              1975-04-12;     missing
            BIRTH_DATE;   1975-04-12;    1975-04-12;     exact
            BIRTH_DATE;   1975-04-12;    1975-12-04;     day and month swapped
            BIRTH_DATE;   1975-04-12;    1975-04-13;     one digit off
            BIRTH_DATE;   1975-04-12;    1957-04-12;     one digit off
            BIRTH_DATE;   1975-04-12;    1975-04-21;     one digit off
            BIRTH_DATE;   1975-04-12;    1976-04-12;     year off by 1, 10 or 100
            BIRTH_DATE;   1979-04-12;    1980-04-12;     year off by 1, 10 or 100
            BIRTH_DATE;   1975-04-12;    1995-04-12;     one digit off
            BIRTH_DATE;   2009-04-12;    1999-04-12;     year off by 1, 10 or 100
            BIRTH_DATE;   1975-04-12;    1975-04-30;     within a month
            BIRTH_DATE;   1975-12-20;    1976-01-03;     within a month
            BIRTH_DATE;   1975-04-12;    1975-11-30;     within a year
            BIRTH_DATE;   1975-04-12;    1976-05-12;     different
            BIRTH_DATE;   1975-04-12;    1982-07-01;     different
            BIRTH_DATE;   1975-03-31;    1975-05-01;     within a month
            BIRTH_DATE;   1976-02-29;    1977-03-01;     within a year
            BIRTH_DATE;   1995-04-12;    1959-04-12;     one digit off
            BIRTH_DATE;   1915-04-12;    1195-04-12;     one digit off
            BIRTH_DATE;   1975-04-12;    2975-04-12;     one digit off
            BIRTH_DATE;   1975-04-12;    +11975-04-12;   different
            BIRTH_DATE;   1975-04-12;    1985-04-13;     different
            ID_NUMBER;    P1234567A;     P1234567A;      exact
            ID_NUMBER;    P1234567A;     P1234567B;      one character off
            ID_NUMBER;    P1234567A;     X9999999Z;      different
            ID_NUMBER;    ABC;           ABC;            missing
            PHONE;        +33612345678;  33612345678;    exact
            PHONE;        +33612345678;  +33612345679;   one digit off
            PHONE;        +33612345678;  +33699999999;   different
            PHONE;        +3361;         +3361;          missing
            EMAIL;        Ana@Mail.example; ana@mail.example; exact
            EMAIL;        ana@mail.example; ana@webmail.example; same user name
            EMAIL;        ana@mail.example; rey@mail.example; different
            EMAIL;        @mail.example; @webmail.example; different
            ADDRESS;      12 rue Pasteur; 12 RUE PASTEUR; exact
            ADDRESS;      12 rue Pasteur; 12 rue Pasteur Lyon; similar
            ADDRESS;      12 rue Pasteur; 5 avenue Foch; different
            ADDRESS;      12 rue Pasteur; Pasteur 7 rue; similar
            POSTCODE;     75011;         75 011;         exact
            POSTCODE;     75011;         75012;          one character off
            POSTCODE;     75011;         13001;          different
            CITY;         Quezon City;   QUEZON CITY;    exact
            CITY;         Quezon City;   Quezon Cty;     similar
            CITY;         Manila;        Cebu;           different
            AGENCY;       MNL-0012;      mnl-0012;       exact
            AGENCY;       MNL-0012;      MNL-0013;       different
            AGENCY;       ;              MNL-0013;       missing
            """)
    void eachFieldRatesAPairAtItsLevel(Comparison field, String a, String b, String level) {
        long pattern = Comparison.pattern(one(field, a == null ? "" : a), one(field, b == null ? "" : b));
        assertThat(field.levels[Comparison.level(pattern, field)]).isEqualTo(level);
        for (Comparison other : Comparison.ALL) {
            if (other != field) assertThat(Comparison.level(pattern, other)).as(other.label).isEqualTo(Comparison.MISSING);
        }
    }

    /**
     * Pairs whose Jaro-Winkler value is exactly a level's threshold fall into that level. Jaro = (m/|a| + m/|b| + (m -
     * t)/m) / 3 with m matching characters and t transpositions (none here); Winkler adds 0.1 * p * (1 - Jaro) for a
     * common prefix of p letters (up to 4), from a Jaro of 0.7.
     * <ul>
     * <li>Edwin / Erwin: m = 4 of 5 and 5, Jaro (0.8 + 0.8 + 1) / 3 = 13/15, p = 1: 13/15 + 0.1 * 2/15 = 0.88 (the given
     *     names' "similar"); Paris / Poris as cities alike (the city's "similar" is from 0.88 too).
     * <li>Jonas Miguel / Jonah: the whole names 0.827, under 0.88, but the first names Jonas / Jonah m = 4 of 5 and 5,
     *     p = 4: 13/15 + 0.4 * 2/15 = 0.92, the first names' threshold for "similar".
     * <li>Santos / Sentos: m = 5 of 6 and 6, Jaro (5/6 + 5/6 + 1) / 3 = 8/9, p = 1: 8/9 + 0.1 / 9 = 0.9 (the surname's
     *     "similar").
     * <li>De Ramos / Ramon: the keys deramos / ramon 0.790, under 0.9; without the particle ramos / ramon m = 4, p = 4:
     *     0.92, the threshold for the surname's core.
     * <li>Durand / Juan: u, a, n match (window 2), m = 3: (3/6 + 3/4 + 1) / 3 = 0.75, no common prefix: "sounds alike"
     *     from 0.75 though they do not (TRNT, JN).
     * <li>Rizal St / Rizal Rd: one word of three in common (under one half), m = 6 of 8 and 8: (0.75 + 0.75 + 1) / 3 =
     *     5/6, p = 4: 5/6 + 0.4 / 6 = 0.9, the address's threshold.
     * </ul>
     * (No Jaro value of strings up to 60 characters is exactly 0.7 in double arithmetic: the given names' "weak" from 0.70
     * has no edge case to test.)
     */
    @ParameterizedTest(name = "{0}: ''{1}'' vs ''{2}'' is {3}")
    @CsvSource(delimiter = ';', textBlock = """
            GIVEN;        Edwin;         Erwin;          similar
            GIVEN;        Jonas Miguel;  Jonah;          similar
            SURNAME;      Santos;        Sentos;         similar
            SURNAME;      De Ramos;      Ramon;          similar
            SURNAME;      Durand;        Juan;           sounds alike
            CITY;         Paris;         Poris;          similar
            ADDRESS;      Rizal St;      Rizal Rd;       similar
            """)
    void aPairExactlyAtAThresholdIsAtThatLevel(Comparison field, String a, String b, String level) {
        eachFieldRatesAPairAtItsLevel(field, a, b, level);
    }

    @Test
    void aLevelReplacedLeavesTheOtherFieldsAsTheyWere() {
        long p = Comparison.withLevel(Comparison.withLevel(Comparison.withLevel(0, Comparison.AGENCY, 2), Comparison.COUNTERPARTY, 3),
                Comparison.GIVEN, 5);
        long q = Comparison.withLevel(p, Comparison.COUNTERPARTY, 1);
        assertThat(Comparison.level(q, Comparison.COUNTERPARTY)).isEqualTo(1);
        assertThat(Comparison.level(q, Comparison.AGENCY)).isEqualTo(2);
        assertThat(Comparison.level(q, Comparison.GIVEN)).isEqualTo(5);
        assertThat(Comparison.level(Comparison.withLevel(q, Comparison.AGENCY, 0), Comparison.COUNTERPARTY)).isEqualTo(1);
    }

    /** Strangers read swapped disagree as much as read straight: the straight reading is kept, and not said swapped. */
    @Test
    void namesAreReadSwappedOnlyWhenThatAgreesStrictlyBetter() {
        Features a = new Features(new PersonRecord("a", "Arnel", "", "Aquino", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features b = new Features(new PersonRecord("b", "Claire", "", "Durand", "", Optional.empty(), "", "", "", "", "", "", ""));
        assertThat(Comparison.names(a, b)).containsExactly(5, 5, 0);
        assertThat(Comparison.levelText(Comparison.pattern(a, b), Comparison.GIVEN)).isEqualTo("different");
        Features swapped = new Features(new PersonRecord("c", "Aquino", "", "Arnel", "", Optional.empty(), "", "", "", "", "", "", ""));
        assertThat(Comparison.names(a, swapped)).containsExactly(1, 1, 1);
        // Written the other way round with the surname misspelt: read swapped, Cruz and Kruse sound alike (KRS)
        Features anaCruz = new Features(new PersonRecord("d", "Ana", "", "Cruz", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features kruseAna = new Features(new PersonRecord("e", "Kruse", "", "Ana", "", Optional.empty(), "", "", "", "", "", "", ""));
        assertThat(Comparison.names(anaCruz, kruseAna)).containsExactly(1, 4, 1);
    }

    /**
     * Names that agree read straight, given names and surname each at "nickname or first name" / "same without
     * particles" or better, are kept straight: Cruz Dela Cruz and Dela Cruz Cruz (given names then surname) compare
     * Cruz with Dela Cruz both ways (2, 2), though read swapped they would be exact twice.
     */
    @Test
    void namesThatAgreeReadStraightAreNotReadSwapped() {
        Features a = new Features(new PersonRecord("a", "Cruz", "", "Dela Cruz", "", Optional.empty(), "", "", "", "", "", "", ""));
        Features b = new Features(new PersonRecord("b", "Dela Cruz", "", "Cruz", "", Optional.empty(), "", "", "", "", "", "", ""));
        assertThat(Comparison.names(a, b)).containsExactly(2, 2, 0);
    }
}
