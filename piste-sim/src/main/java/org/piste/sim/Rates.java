package org.piste.sim;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** A daily EUR/PHP mid rate in units of 1/10,000: a mean-reverting random walk (assumption, around 61). */
final class Rates {
    private final long[] mid;
    private final LocalDate first;
    private final double margin;

    Rates(SimConfig cfg, LocalDate first, int days) {
        this.first = first;
        this.margin = cfg.operations().rateMargin();
        SplittableRandom r = Seeds.rng(cfg.seed(), Seeds.RATES, 0, 0);
        long base = cfg.operations().eurPhpStart();
        mid = new long[days + 400];
        double x = base;
        for (int i = 0; i < mid.length; i++) {
            x += Draw.gaussian(r) * cfg.operations().eurPhpDailySigma() - 0.02 * (x - base);
            mid[i] = Math.round(x);
        }
    }

    /** The operator's customer rate on a day (mid minus margin), 1/10,000. */
    long rate4(LocalDate day) {
        int i = (int) Draw.clamp(day.toEpochDay() - first.toEpochDay() + 200, 0, mid.length - 1);
        return Math.round(mid[i] * (1 - margin));
    }

    /** Euro cents that buy a round amount of pesos on a day. */
    long centsForPesos(LocalDate day, long pesos) {
        long rate = rate4(day);
        return (pesos * 1_000_000 + rate / 2) / rate;
    }
}
