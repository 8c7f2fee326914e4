package org.piste.sim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Relatives who share identifiers: a spouse or a same-name father or son living with a diaspora sender, a
 * household e-mail, a son named after his father. Each is a distinct person in the ground truth.
 */
final class Kinship {
    private Kinship() {}

    /** How the senders of a diaspora family with two or more senders live (shares in SimConfig.Patterns). */
    enum Home { APART, SIBLINGS_TOGETHER, COUPLE, SAME_NAME }

    static Home home(SplittableRandom h, SimConfig.Patterns p) {
        double x = h.nextDouble();
        if (x < p.couple()) return Home.COUPLE;
        if (x < p.couple() + p.sameNameSenders()) return Home.SAME_NAME;
        if (x < p.couple() + p.sameNameSenders() + p.sharedHousehold()) return Home.SIBLINGS_TOGETHER;
        return Home.APART;
    }

    /**
     * The spouse of a diaspora sender, with the couple's surname: a wife who took his surname (her maiden surname
     * as middle name); the French husband of a married daughter; or, for an unmarried daughter, a Filipino
     * husband whose surname she now carries ({@code first} is renamed by the caller, see {@link #wifeOf}).
     */
    static Person spouse(SplittableRandom h, Person first, Person spouse, String familySurname, String coupleSurname) {
        boolean female = !first.female();
        boolean frenchHusband = !female && !first.surname().equals(familySurname);
        String given;
        do given = People.given(h, female, !frenchHusband); while (given.equals(first.given()));
        String middle = frenchHusband ? "" : People.otherSurname(h, coupleSurname);
        Person p = spouse.renamed(female, given, middle, coupleSurname, distinctBirth(spouse.birth(), first.birth()), "");
        // A French husband carries a French identity card or passport, not a residence permit.
        return frenchHusband ? p.withDocs(List.of(People.doc(h, true, false, LocalDate.of(1900, 1, 1)))) : p;
    }

    /** The surname a couple carries: his, or the married daughter's, or a new one she takes from her husband. */
    static String coupleSurname(SplittableRandom h, Person first, String familySurname) {
        if (!first.female() || !first.surname().equals(familySurname)) return first.surname();
        return People.otherSurname(h, familySurname);
    }

    /** An unmarried daughter who married: her husband's surname, her maiden surname as middle name. */
    static Person wifeOf(Person first, String coupleSurname, String familySurname) {
        if (first.surname().equals(coupleSurname)) return first;
        return first.renamed(first.female(), first.given(), familySurname, coupleSurname, first.birth(), first.suffix());
    }

    /**
     * The father or son of {@code first}, with the same given name and surname, 22-30 years apart: a son when
     * first is old enough to have an adult son, else a father. The younger man carries "Jr." (not for women).
     * Returns {first, relative}, both possibly renamed.
     */
    static Person[] sameName(SplittableRandom h, Person first, Person relative, LocalDate windowStart) {
        int gap = 22 + h.nextInt(9);
        long age = ChronoUnit.YEARS.between(first.birth(), windowStart);
        boolean son = age - gap >= 18;
        LocalDate birth = son ? first.birth().plusYears(gap).minusDays(h.nextInt(300))
                : first.birth().minusYears(gap).minusDays(h.nextInt(300));
        String middle = first.middle().isEmpty() ? "" : People.otherSurname(h, first.surname());
        String jr = first.female() ? "" : "Jr.";
        Person other = relative.renamed(first.female(), first.given(), middle, first.surname(), birth, son ? jr : "");
        Person self = son ? first : first.renamed(first.female(), first.given(), first.middle(), first.surname(),
                first.birth(), jr);
        return new Person[] {self, other};
    }

    /** A son's date of birth: 22-40 years after his father's, and at least 18 years old at the window's start. */
    static LocalDate sonBirth(SplittableRandom h, LocalDate father, LocalDate windowStart) {
        long age = ChronoUnit.YEARS.between(father, windowStart);
        long gap = Math.max(22, Math.min(22 + h.nextInt(19), age - 18));
        return father.plusYears(gap).plusDays(h.nextInt(300));
    }

    /**
     * A household e-mail on the family's surname ("famille.delacruz482193@mail.example"). The number is a keyed
     * bijection of the household's index below a million, so two households never share an address.
     */
    static String householdEmail(SplittableRandom h, String surname, long seed, int household) {
        long a = 1 + Math.floorMod(Seeds.mix(seed ^ 0x5DEECE66DL), EMAIL_NUMBERS - 1);
        long b = Math.floorMod(Seeds.mix(seed + 0x5DEECE66DL), EMAIL_NUMBERS);
        long number = Math.floorMod(a * household + b, EMAIL_NUMBERS);
        String name = People.ascii(surname).replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
        return Draw.pick(h, new String[] {"famille.", "family.", "fam.", "les"}) + name + number + "@"
                + Draw.pick(h, new String[] {"mail.example", "courriel.example", "webmail.example", "boite.example"});
    }

    /** A prime: multiplying by a nonzero number modulo it is a bijection. */
    private static final long EMAIL_NUMBERS = 999_983;

    /** Two relatives never share a date of birth by accident: a coincidence moves the second by 400 days. */
    private static LocalDate distinctBirth(LocalDate birth, LocalDate other) {
        return birth.equals(other) ? birth.minusDays(400) : birth;
    }
}
