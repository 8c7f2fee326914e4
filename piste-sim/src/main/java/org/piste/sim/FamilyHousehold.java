package org.piste.sim;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * Filipino diaspora siblings in France supporting a parent (their common beneficiary) and sometimes a second
 * relative: monthly around payday, extras in December and June, some weekly small sums, a few emergencies.
 */
final class FamilyHousehold extends Household {
    private record Sibling(Person person, Person second, double monthlyEur, boolean smallFrequent, int paydayStyle,
            Clock.Hours hours, double agency, double app, int rounding, String purpose, int from, int to) {
        Sibling with(Person newPerson, Person newSecond) {
            return new Sibling(newPerson, newSecond, monthlyEur, smallFrequent, paydayStyle, hours, agency, app,
                    rounding, purpose, from, to);
        }
    }

    private Person parent;
    /** False when the parent is a facilitator: a pooled person, listed once in the truth with her operation. */
    private final boolean ownParent;
    private final List<Sibling> siblings = new ArrayList<>();
    private final List<Person> persons = new ArrayList<>();

    FamilyHousehold(World w, Population.Head head) {
        super(w, head);
        SimConfig.Others o = w.cfg.others();
        SplittableRandom r = traits(1);
        // With the switch on, some families' parent is a facilitator: her relatives abroad send her family money (a
        // stream of its own, so that the families' other draws stay as they are when it is off).
        double toFacilitator = w.cfg.buyers().facilitatorFamilyShare();
        SplittableRandom f = traits(3);
        Person facilitator = toFacilitator > 0 && Draw.chance(f, toFacilitator)
                ? w.population.facilitator(w.population.popularOperation(f), 0) : null;
        String surname = People.surname(r, true);
        if (facilitator != null) surname = facilitator.surname();
        String maiden = People.otherSurname(r, surname);
        String group = "FAM" + head.index();
        boolean mother = Draw.chance(r, 0.7);
        parent = w.people.make(r, new People.Spec(recipientId(0), Role.RELATIVE, group, mother, true, surname,
                mother ? maiden : "", 50, 80, 1, false));
        if (facilitator != null) parent = facilitator;
        ownParent = facilitator == null;
        for (int j = 0; j < head.size(); j++) {
            SplittableRandom s = traits(10 + j);
            boolean female = Draw.chance(s, 0.7);
            boolean married = female && Draw.chance(s, o.marriedSurnameShare());
            // A married daughter carries her French husband's surname; her maiden surname becomes her middle name.
            Person sender = w.people.make(s, new People.Spec(senderId(j), Role.DIASPORA_FAMILY, group, female, true,
                    married ? People.surname(s, false) : surname, married ? surname : maiden, 25, 60,
                    1 + s.nextInt(2), false));
            Person second = null;
            if (Draw.chance(s, 0.45)) {
                boolean related = Draw.chance(s, 0.7);
                second = w.people.make(s, new People.Spec(recipientId(j + 1), Role.RELATIVE, related ? group : "",
                        Draw.chance(s, 0.5), true, related ? surname : "", related ? maiden : "", 16, 45, 1, false));
            }
            double monthly = Math.max(150, Math.min(700, Draw.logNormal(s, o.familyMonthlyEur(), 0.2)));
            double x = s.nextDouble();
            int paydayStyle = x < 0.7 ? 0 : x < 0.9 ? 1 : 2;
            double h = s.nextDouble();
            Clock.Hours hours = h < o.familyNightShare() ? Clock.Hours.NIGHT : h < 0.6 ? Clock.Hours.EVENING : Clock.Hours.DAY;
            double c = s.nextDouble();
            double agency = c < 0.45 ? 0.85 : 0.08, app = c < 0.45 ? 0.05 : c < 0.7 ? 0.72 : 0.15;
            String purpose = Draw.chance(s, 0.5) ? SUPPORT : Draw.chance(s, 0.5) ? NONE : Draw.pick(s, COVER_PURPOSES);
            int[] active = activeMonths(s, w.cfg.months(), 0.2, 0.1);
            siblings.add(new Sibling(sender, second, monthly, Draw.chance(s, o.familySmallFrequent()), paydayStyle,
                    hours, agency, app, roundingStyle(s, 0.6, 0.25), purpose, active[0], active[1]));
        }
        // A stream of its own, so that the household's other draws stay as they are.
        if (w.cfg.patterns().kinship()) kinship(traits(2), surname, maiden, group);
        siblings.forEach(sib -> persons.add(sib.person()));
        if (ownParent) persons.add(parent);
        siblings.forEach(sib -> {
            if (sib.second() != null) persons.add(sib.second());
        });
    }

    /** Senders who share a home (siblings, a couple, a same-name father and son), and a same-name son receiving. */
    private void kinship(SplittableRandom h, String surname, String maiden, String group) {
        SimConfig.Patterns p = w.cfg.patterns();
        Kinship.Home home = siblings.size() >= 2 ? Kinship.home(h, p) : Kinship.Home.APART;
        if (home != Kinship.Home.APART) {
            Person first = siblings.get(0).person(), second = siblings.get(1).person();
            int together = 2;
            switch (home) {
                case COUPLE -> {
                    String coupleSurname = Kinship.coupleSurname(h, first, surname);
                    second = Kinship.spouse(h, first, second, surname, coupleSurname);
                    first = Kinship.wifeOf(first, coupleSurname, surname);
                }
                case SAME_NAME -> {
                    Person[] pair = Kinship.sameName(h, first, second, w.first);
                    first = pair[0];
                    second = pair[1];
                }
                default -> together = siblings.size();
            }
            String email = Kinship.householdEmail(h, home == Kinship.Home.SIBLINGS_TOGETHER ? surname : first.surname(),
                    w.cfg.seed(), head.index());
            boolean onePhone = Draw.chance(h, p.sharedHouseholdPhone());
            for (int j = 0; j < together; j++) {
                Person m = j == 0 ? first : j == 1 ? second : siblings.get(j).person();
                // Siblings living together carry the family surname (no married daughter among them).
                if (home == Kinship.Home.SIBLINGS_TOGETHER && !m.surname().equals(surname)) {
                    m = m.renamed(m.female(), m.given(), maiden, surname, m.birth(), m.suffix());
                }
                if (j > 0) m = m.livingWith(first);
                m = m.withContact(email, j > 0 && onePhone ? first.phones() : m.phones());
                siblings.set(j, siblings.get(j).with(m, siblings.get(j).second()));
            }
        }
        if (p.sameNameRecipients() > 0 && Draw.chance(h, p.sameNameRecipients()) && ownParent) {
            // The receiving parent is a father; his son, named after him and living with him, receives too.
            String given = People.given(h, false, true);
            parent = parent.renamed(false, given, "", parent.surname(), parent.birth(), "");
            Person junior = w.people.make(h, new People.Spec(recipientId(1), Role.RELATIVE, group, false, true, surname,
                    maiden, 18, 30, 1, false));
            junior = junior.renamed(false, given, maiden, surname, Kinship.sonBirth(h, parent.birth(), w.first), "Jr.")
                    .livingWith(parent);
            siblings.set(0, siblings.get(0).with(siblings.get(0).person(), junior));
        }
    }

    @Override
    List<Person> persons() {
        return persons;
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        SimConfig.Others o = w.cfg.others();
        Month month = ym(m).getMonth();
        for (Sibling s : siblings) {
            if (m < s.from() || m > s.to()) continue;
            if (s.smallFrequent()) {
                Person to = s.second() != null ? s.second() : parent;
                int n = 2 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    LocalDate d = day(r, m, 1 + i * 7, 7 + i * 7);
                    long cents = amount(r, s.rounding(), 50 + r.nextInt(101), 10, 500, d);
                    out.add(send(r, s, to, d, cents, s.purpose()));
                }
                if (Draw.chance(r, o.familySendProbability() * 0.5)) {
                    LocalDate d = payday(r, m, s.paydayStyle());
                    out.add(send(r, s, parent, d, amount(r, s.rounding(), s.monthlyEur() * 0.6, 10, 1000, d), s.purpose()));
                }
            } else if (Draw.chance(r, o.familySendProbability())) {
                LocalDate d = payday(r, m, s.paydayStyle());
                double eur = s.monthlyEur() * Draw.logNormal(r, 1, 0.08);
                if (s.second() != null && Draw.chance(r, 0.35)) {
                    out.add(send(r, s, parent, d, amount(r, s.rounding(), eur * 0.7, 10, 1000, d), s.purpose()));
                    LocalDate d2 = d.plusDays(r.nextInt(2));
                    out.add(send(r, s, s.second(), d2, amount(r, s.rounding(), eur * 0.3, 10, 500, d2), s.purpose()));
                } else {
                    out.add(send(r, s, parent, d, amount(r, s.rounding(), eur, 10, 1000, d), s.purpose()));
                }
            }
            if (s.second() != null && !s.smallFrequent() && Draw.chance(r, 0.2)) {
                LocalDate d = day(r, m, 1, 28);
                out.add(send(r, s, s.second(), d, amount(r, s.rounding(), 50 + r.nextInt(151), 10, 500, d), s.purpose()));
            }
            if (month == Month.DECEMBER && Draw.chance(r, o.decemberExtra())) {
                LocalDate d = day(r, m, 5, 22);
                out.add(send(r, s, parent, d, amount(r, s.rounding(), s.monthlyEur() * (0.5 + r.nextDouble()), 50, 1000, d),
                        Draw.chance(r, 0.5) ? GIFT : s.purpose()));
            }
            if (month == Month.JUNE && Draw.chance(r, o.juneExtra())) {
                Person to = s.second() != null ? s.second() : parent;
                LocalDate d = day(r, m, 1, 25);
                out.add(send(r, s, to, d, amount(r, s.rounding(), s.monthlyEur() * (0.3 + 0.7 * r.nextDouble()), 10, 1000, d),
                        Draw.chance(r, 0.6) ? SCHOOL : s.purpose()));
            }
            if (Draw.chance(r, 0.03)) {
                LocalDate d = day(r, m, 1, 31);
                out.add(send(r, s, parent, d, amount(r, s.rounding(), 100 + r.nextInt(900), 50, 1000, d), MEDICAL));
            }
        }
    }

    private Event send(SplittableRandom r, Sibling s, Person to, LocalDate d, long cents, String purpose) {
        Channel ch = channel(r, s.agency(), s.app());
        return event(r, s.person(), to, d, ch, s.hours(), cents, purpose);
    }
}
