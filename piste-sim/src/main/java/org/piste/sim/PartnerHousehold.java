package org.piste.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * Someone in France supporting a Filipino partner (no shared surname, often a large age gap): monthly support,
 * small gifts in the evening, now and then the partner's mother or a larger bill.
 */
final class PartnerHousehold extends Household {
    private final Person sender, partner, mother;
    private final double monthlyEur, nightShare, agency, app;
    private final int rounding, from, to;

    PartnerHousehold(World w, Population.Head head) {
        super(w, head);
        SplittableRandom r = traits(1);
        boolean male = Draw.chance(r, 0.85);
        sender = w.people.make(r, new People.Spec(senderId(0), Role.PARTNER_SUPPORTER, "", !male, filipinoNamed(r), "", "",
                30, 72, 1, false));
        partner = w.people.make(r, new People.Spec(recipientId(0), Role.PARTNER, "", male, true, "", "", 20, 42, 1, false));
        mother = Draw.chance(r, 0.2) ? w.people.make(r, new People.Spec(recipientId(1), Role.RELATIVE, "", true, true,
                partner.surname(), "", 45, 75, 1, false)) : null;
        monthlyEur = Math.max(80, Math.min(900, Draw.logNormal(r, w.cfg.others().partnerMonthlyEur(), 0.35)));
        nightShare = 0.1 + 0.25 * r.nextDouble();
        double c = r.nextDouble();
        agency = c < 0.15 ? 0.7 : 0.03;
        app = c < 0.6 ? 0.7 : 0.2;
        rounding = roundingStyle(r, 0.65, 0.25);
        int[] active = activeMonths(r, w.cfg.months(), 0.3, 0.15);
        from = active[0];
        to = active[1];
    }

    @Override
    List<Person> persons() {
        List<Person> list = new ArrayList<>(List.of(sender, partner));
        if (mother != null) list.add(mother);
        return list;
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        if (m < from || m > to) return;
        if (Draw.chance(r, 0.8)) {
            LocalDate d = payday(r, m, 0);
            out.add(send(r, partner, d, amount(r, rounding, monthlyEur * Draw.logNormal(r, 1, 0.1), 10, 1000, d),
                    Draw.chance(r, 0.6) ? SUPPORT : NONE));
        }
        int gifts = Draw.poisson(r, w.cfg.others().partnerGiftsPerMonth());
        for (int i = 0; i < gifts; i++) {
            LocalDate d = day(r, m, 1, 31);
            out.add(send(r, partner, d, amount(r, rounding, 20 + r.nextInt(101), 10, 500, d),
                    Draw.pick(r, new String[] {GIFT, NONE, SUPPORT, HOUSING})));
        }
        if (Draw.chance(r, 0.04)) {
            LocalDate d = day(r, m, 1, 31);
            out.add(send(r, partner, d, amount(r, rounding, 300 + r.nextInt(1200), 50, 5000, d),
                    Draw.chance(r, 0.5) ? MEDICAL : HOUSING));
        }
        if (mother != null && Draw.chance(r, 0.15)) {
            LocalDate d = day(r, m, 1, 31);
            out.add(send(r, mother, d, amount(r, rounding, 50 + r.nextInt(200), 10, 500, d), SUPPORT));
        }
    }

    private Event send(SplittableRandom r, Person recipient, LocalDate d, long cents, String purpose) {
        Channel ch = channel(r, agency, app);
        return event(r, sender, recipient, d, ch, Clock.nightOr(r, nightShare, Clock.Hours.EVENING), cents, purpose);
    }
}
