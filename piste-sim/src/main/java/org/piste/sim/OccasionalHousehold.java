package org.piste.sim;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Someone who sends once to three times in the whole period, to a friend or acquaintance, at any hour. */
final class OccasionalHousehold extends Household {
    private final Person sender, friend;
    private final int[] months;

    OccasionalHousehold(World w, Population.Head head) {
        super(w, head);
        SplittableRandom r = traits(1);
        sender = w.people.make(r, new People.Spec(senderId(0), Role.OCCASIONAL, "", Draw.chance(r, 0.5), filipinoNamed(r),
                "", "", 20, 80, 1, false));
        friend = w.people.make(r, new People.Spec(recipientId(0), Role.FRIEND, "", Draw.chance(r, 0.6), true, "", "", 18,
                70, 1, false));
        double x = r.nextDouble();
        months = new int[x < 0.55 ? 1 : x < 0.85 ? 2 : 3];
        for (int i = 0; i < months.length; i++) months[i] = r.nextInt(w.cfg.months());
    }

    @Override
    List<Person> persons() {
        return List.of(sender, friend);
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        for (int mm : months) {
            if (mm != m) continue;
            LocalDate d = day(r, m, 1, 31);
            double eur = Math.max(20, Math.min(2000, Draw.logNormal(r, 150, 0.7)));
            out.add(event(r, sender, friend, d, channel(r, 0.5, 0.2), Clock.Hours.ANY,
                    amount(r, roundingStyle(r, 0.7, 0.1), eur, 10, 500, d), Draw.pick(r, COVER_PURPOSES)));
        }
    }
}
