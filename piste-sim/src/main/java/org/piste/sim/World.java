package org.piste.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** What every behaviour needs: the configuration, the window, the population, the clock and the exchange rate. */
final class World {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    final SimConfig cfg;
    final People people;
    final Population population;
    final Rates rates;
    final LocalDate first;
    /** The day after the window. */
    final LocalDate end;
    final int days;

    World(SimConfig cfg) {
        this.cfg = cfg;
        this.people = new People(cfg);
        this.population = new Population(cfg, people);
        this.first = cfg.start().atDay(1);
        this.end = cfg.start().plusMonths(cfg.months()).atDay(1);
        this.days = (int) (end.toEpochDay() - first.toEpochDay());
        this.rates = new Rates(cfg, first, days);
    }

    LocalDate monthStart(int m) {
        return first.plusMonths(m);
    }

    boolean inWindow(LocalDateTime t) {
        LocalDate d = t.toLocalDate();
        return !d.isBefore(first) && d.isBefore(end);
    }
}
