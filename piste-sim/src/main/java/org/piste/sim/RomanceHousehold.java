package org.piste.sim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * A romance-scam victim: small first payments, then larger and more frequent ones to a ring whose members
 * carry unrelated names, until the victim stops. Escalates like a buyer, but with large sums.
 */
final class RomanceHousehold extends Household {
    private final Person sender;
    private final List<Event> career = new ArrayList<>();

    RomanceHousehold(World w, Population.Head head) {
        super(w, head);
        SimConfig.Others o = w.cfg.others();
        SplittableRandom r = traits(1);
        sender = w.people.make(r, new People.Spec(senderId(0), Role.ROMANCE_VICTIM, "", !Draw.chance(r, 0.55),
                filipinoNamed(r), "", "", 40, 75, 1 + r.nextInt(2), false));
        int ring = r.nextInt(w.population.scamRings);
        int members = w.population.ringSize(ring);
        int payments = 4 + Draw.poisson(r, 10);
        LocalDate d = w.first.plusDays(r.nextInt(Math.max(1, w.days - 30)) - 60L);
        double eur = Draw.logNormal(r, o.romanceStartEur(), 0.4);
        double gap = 10 + r.nextInt(15);
        double agency = Draw.chance(r, 0.55) ? 0.8 : 0.1;
        for (int i = 0; i < payments; i++) {
            int member = i < payments / 3 || members == 1 ? 0 : r.nextInt(members);
            Channel ch = channel(r, agency, 0.3);
            Clock.Hours h = Draw.chance(r, 0.6) ? Clock.Hours.DAY : Clock.Hours.EVENING;
            long cents = amount(r, roundingStyle(r, 0.7, 0.1), Math.min(8000, eur), 50, 1000, d);
            career.add(event(r, sender, w.population.scammer(ring, member), d, ch, h, cents,
                    Draw.pick(r, new String[] {MEDICAL, OTHER, HOUSING, GIFT, NONE, SUPPORT})));
            eur *= o.romanceGrowth() * Draw.logNormal(r, 1, 0.2);
            gap = Math.max(1, gap * 0.88);
            d = d.plusDays(Math.round(Draw.exponential(r, gap)));
        }
    }

    @Override
    List<Person> persons() {
        return List.of(sender);
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        YearMonth ym = ym(m);
        for (Event e : career) if (YearMonth.from(e.when()).equals(ym)) out.add(e);
    }
}
