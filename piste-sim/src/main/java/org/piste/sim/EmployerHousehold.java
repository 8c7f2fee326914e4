package org.piste.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * An employer of Filipino freelancers: a fixed monthly pay per worker, or several small payments per task
 * (several beneficiaries with no family tie; a worker may have several clients).
 */
final class EmployerHousehold extends Household {
    private final Person sender;
    private final List<Person> workers = new ArrayList<>();
    private final List<Long> salaries = new ArrayList<>();
    private final boolean perTask;
    private final int from, to;

    EmployerHousehold(World w, Population.Head head) {
        super(w, head);
        SimConfig.Others o = w.cfg.others();
        SplittableRandom r = traits(1);
        sender = w.people.make(r, new People.Spec(senderId(0), Role.EMPLOYER, "", Draw.chance(r, 0.4), filipinoNamed(r), "",
                "", 28, 65, 1, false));
        int n = 1 + r.nextInt(o.workersPerEmployerMax());
        for (int i = 0; i < n; i++) {
            workers.add(w.population.worker(r.nextInt(w.population.workers)));
            double eur = Math.max(200, Math.min(1200, Draw.logNormal(r, o.employerSalaryEur(), 0.35)));
            salaries.add(Draw.chance(r, 0.5) ? roundEur(eur, 10) : exactCents(eur));
        }
        perTask = Draw.chance(r, o.employerPerTaskShare());
        int[] active = activeMonths(r, w.cfg.months(), 0.25, 0.15);
        from = active[0];
        to = active[1];
    }

    @Override
    List<Person> persons() {
        return List.of(sender);
    }

    @Override
    void month(int m, SplittableRandom r, List<Event> out) {
        if (m < from || m > to) return;
        for (int i = 0; i < workers.size(); i++) {
            Person worker = workers.get(i);
            if (perTask) {
                int n = 2 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    LocalDate d = weekday(day(r, m, 1, 31));
                    Clock.Hours h = Draw.chance(r, 0.25) ? Clock.Hours.EVENING : Clock.Hours.DAY;
                    out.add(event(r, sender, worker, d, channel(r, 0.05, 0.2), h, exactCents(30 + r.nextInt(121)),
                            Draw.chance(r, 0.6) ? SALARY : NONE));
                }
            } else if (Draw.chance(r, 0.97)) {
                LocalDate d = weekday(payday(r, m, 0));
                Channel ch = channel(r, 0.05, 0.15);
                out.add(event(r, sender, worker, d, ch, Clock.Hours.DAY, salaries.get(i), Draw.chance(r, 0.8) ? SALARY : NONE));
            }
        }
    }

    private static LocalDate weekday(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) return d.minusDays(1);
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) return d.plusDays(1);
        return d;
    }
}
