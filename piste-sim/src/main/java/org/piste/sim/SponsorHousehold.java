package org.piste.sim;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * A charity sponsor: a fixed small sum every month to one recipient for years, either the sponsored family
 * or a coordinator who receives from many unrelated sponsors (a common beneficiary that is not a facilitator).
 */
final class SponsorHousehold extends Household {
    private final Person sender, recipient;
    private final boolean ownRecipient;
    private final long cents;
    private final int payDay, from, to;
    private final Clock.Hours hours;
    private final double agency;
    private final String purpose;

    SponsorHousehold(World w, Population.Head head) {
        super(w, head);
        SimConfig.Others o = w.cfg.others();
        SplittableRandom r = traits(1);
        sender = w.people.make(r, new People.Spec(senderId(0), Role.SPONSOR, "", Draw.chance(r, 0.5), filipinoNamed(r), "",
                "", 35, 80, 1, false));
        ownRecipient = !Draw.chance(r, o.sponsorViaCoordinator());
        recipient = ownRecipient
                ? w.people.make(r, new People.Spec(recipientId(0), Role.SPONSORED_FAMILY, "", Draw.chance(r, 0.75), true,
                        "", "", 25, 55, 1, false))
                : w.population.coordinator(r.nextInt(w.population.coordinators));
        int steps = (o.sponsorMaxEur() - o.sponsorMinEur()) / 5;
        cents = (o.sponsorMinEur() + 5L * r.nextInt(steps + 1)) * 100;
        payDay = 1 + r.nextInt(28);
        hours = Draw.chance(r, 0.6) ? Clock.Hours.DAY : Clock.Hours.EVENING;
        agency = Draw.chance(r, 0.2) ? 0.9 : 0.02;
        purpose = Draw.pick(r, new String[] {DONATION, DONATION, SCHOOL, SCHOOL, SUPPORT, NONE});
        int[] active = activeMonths(r, w.cfg.months(), 0.1, 0.05);
        from = active[0];
        to = active[1];
    }

    @Override
    List<Person> persons() {
        List<Person> list = new ArrayList<>(List.of(sender));
        if (ownRecipient) list.add(recipient);
        return list;
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        if (m < from || m > to || !Draw.chance(r, 0.93)) return;
        LocalDate d = day(r, m, payDay, payDay + r.nextInt(2));
        boolean gift = ym(m).getMonth() == Month.DECEMBER && Draw.chance(r, 0.3);
        Channel ch = channel(r, agency, 0.3);
        out.add(event(r, sender, recipient, d, ch, hours, gift ? 2 * cents : cents, gift ? GIFT : purpose));
    }
}
