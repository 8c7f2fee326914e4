package org.piste.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * A buyer: a career of small payments (most buyers pay a few times, a few pay hundreds of times) in bursts
 * separated by dormancy, mostly at night Paris time, to one or several facilitator operations shared with
 * other buyers; the more a buyer pays, the higher the amounts and the shorter the intervals. Buyers use
 * several documents, phones and agencies. A careful buyer (a share set by the configuration, none by default) pays
 * one facilitator 2 to 10 times, in the daytime, without bursts: few of the typology's red flags. A buyer may
 * also pay a facilitator of his own first (a share set by the configuration), whom no other buyer makes suspect,
 * and may support a relative or a partner as well (another share): a buyer who looks partly like a family sender.
 */
final class BuyerHousehold extends Household {
    private final Person sender;
    final int payments;
    final boolean careful;
    /** The relative or partner a buyer also supports (none unless the switch is on), and the monthly sum. */
    private final Person family;
    private final double familyEur;
    final List<Integer> operations = new ArrayList<>();
    private final List<Event> career = new ArrayList<>();

    BuyerHousehold(World w, Population.Head head) {
        super(w, head);
        SimConfig.Buyers b = w.cfg.buyers();
        SplittableRandom r = traits(1);
        boolean female = !Draw.chance(r, 0.95), filipino = filipinoNamed(r); // in this order: the draws of before
        sender = w.people.make(r, new People.Spec(senderId(0), Role.BUYER, "", female, filipino, "", "", 25, 70,
                2 + r.nextInt(4), true));
        // Drawn only when the switch is on, so that the default data stays what it was.
        careful = b.carefulShare() > 0 && Draw.chance(r, b.carefulShare());
        payments = careful ? 2 + r.nextInt(9) : Draw.paretoCount(r, b.careerParetoAlpha(), b.careerMaxPayments());
        int nOps = careful ? 1 : Math.min(b.maxOperationsPerBuyer(), 1 + Draw.poisson(r, Math.log(payments) / 2));
        // Drawn only when the switch is on; a lone facilitator comes first, so a careful buyer pays only her.
        boolean lone = b.loneFacilitatorShare() > 0 && Draw.chance(r, b.loneFacilitatorShare());
        if (lone) operations.add(w.population.loneOperation(r));
        for (int i = lone ? 1 : 0; i < nOps; i++) {
            int op = w.population.popularOperation(r);
            if (!operations.contains(op)) operations.add(op);
        }
        double meanInterval = b.intervalScaleDays() * Math.pow(payments, -b.intervalExponent());
        double heavy = Math.min(1, Math.log10(payments) / Math.log10(300));
        double price = Math.max(10, Math.min(300, Draw.logNormal(r, b.priceMedianEur(), b.priceSigma())));
        double nightShare = b.nightShareMin() + (b.nightShareMax() - b.nightShareMin()) * r.nextDouble();
        double app = Draw.chance(r, 0.4) ? 0.6 : 0.2;
        int rounding = roundingStyle(r, 0.55, 0.25);
        String usual = COVER_PURPOSES[Draw.weighted(r, COVER_WEIGHTS)];
        double escalation = b.amountEscalationMax() * heavy * r.nextDouble();

        // Events in days from the career's start; the career is then placed so that it overlaps the window.
        List<Double> at = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < payments; i++) {
            at.add(t);
            double progress = payments == 1 ? 0 : (double) i / (payments - 1);
            double shrink = 1 + b.intervalEscalation() * heavy * (0.5 - progress);
            double burstGap = b.burstGapHours() / 24.0;
            double dormant = Math.max(1, (meanInterval * shrink - b.burstShare() * burstGap) / (1 - b.burstShare()));
            t += !careful && Draw.chance(r, b.burstShare()) ? Draw.exponential(r, burstGap) : Draw.exponential(r, dormant);
        }
        double length = at.get(payments - 1);
        long startDay = w.first.toEpochDay() - Math.round(length * 0.8 * r.nextDouble()) + r.nextInt(w.days);
        if (startDay + Math.round(length) < w.first.toEpochDay()) startDay = w.first.toEpochDay() + r.nextInt(w.days);
        int member = r.nextInt(8);
        int op = operations.get(0);
        for (int i = 0; i < payments; i++) {
            double progress = payments == 1 ? 0 : (double) i / (payments - 1);
            double dayOffset = at.get(i);
            LocalDate day = LocalDate.ofEpochDay(startDay + (long) Math.floor(dayOffset));
            if (i > 0 && at.get(i) - at.get(i - 1) > 2) op = operations.get(r.nextInt(operations.size()));
            int size = w.population.operationSize(op);
            if (careful) member %= size;
            else member = Draw.chance(r, 0.7) ? (member + 1) % size : r.nextInt(size);
            Channel ch = channel(r, b.agencyShare(), app);
            Clock.Hours hours = careful ? Clock.Hours.DAY
                    : Clock.nightOr(r, nightShare, Draw.chance(r, 0.6) ? Clock.Hours.EVENING : Clock.Hours.ANY);
            LocalDateTime when = Clock.at(r, day, ch, hours, w.cfg.operations());
            double eur = price * (1 + escalation * progress) * Draw.logNormal(r, 1, b.paymentSigma());
            eur = Math.min(Draw.chance(r, 0.99) ? 495 : 900, Math.max(10, eur));
            long cents = amount(r, rounding, eur, 5, 500, day);
            String purpose = Draw.chance(r, 0.75) ? usual : COVER_PURPOSES[Draw.weighted(r, COVER_WEIGHTS)];
            career.add(new Event(sender, w.population.facilitator(op, member), when, ch, cents, purpose));
        }
        // Drawn last and only when the switch is on: a buyer who also supports a relative (his surname) or, with a
        // French name, a partner, every month or so, like any diaspora sender.
        if (b.familyShare() > 0 && Draw.chance(r, b.familyShare())) {
            family = w.people.make(r, new People.Spec(recipientId(0), filipino ? Role.RELATIVE : Role.PARTNER, "",
                    Draw.chance(r, 0.7), true, filipino ? sender.surname() : "", "", 20, 75, 1, false));
            familyEur = Math.max(50, Math.min(900, Draw.logNormal(r, w.cfg.others().familyMonthlyEur(), 0.4)));
        } else {
            family = null;
            familyEur = 0;
        }
    }

    Person sender() {
        return sender;
    }

    @Override
    List<Person> persons() {
        return family == null ? List.of(sender) : List.of(sender, family);
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        YearMonth ym = ym(m);
        for (Event e : career) if (YearMonth.from(e.when()).equals(ym)) out.add(e);
        if (family != null && Draw.chance(r, w.cfg.others().familySendProbability())) {
            LocalDate d = payday(r, m, 0);
            out.add(event(r, sender, family, d, channel(r, 0.1, 0.5), Clock.Hours.EVENING,
                    amount(r, 0, familyEur * Draw.logNormal(r, 1, 0.1), 10, 500, d), SUPPORT));
        }
    }
}
