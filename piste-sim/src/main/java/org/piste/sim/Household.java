package org.piste.sim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * One household of senders in France with its own recipients, and how it sends money. Its fixed traits come
 * from its own seed; each month's transfers come from a seed of (household, month), so months can be generated
 * one after the other across all households without keeping any state.
 */
abstract class Household {
    static final String SUPPORT = "SOUTIEN FAMILIAL", SCHOOL = "FRAIS SCOLAIRES", MEDICAL = "FRAIS MEDICAUX",
            GIFT = "CADEAU", HOUSING = "LOGEMENT", SALARY = "SALAIRE", DONATION = "DON", OTHER = "AUTRE", NONE = "";
    static final String[] COVER_PURPOSES = {NONE, SUPPORT, GIFT, SCHOOL, MEDICAL, HOUSING, OTHER};
    static final double[] COVER_WEIGHTS = Draw.cumulative(30, 25, 15, 10, 10, 5, 5);

    final World w;
    final Population.Head head;

    Household(World w, Population.Head head) {
        this.w = w;
        this.head = head;
    }

    static Household of(World w, Population.Head head) {
        return switch (head.kind()) {
            case DIASPORA_FAMILY -> new FamilyHousehold(w, head);
            case PARTNER_SUPPORTER -> new PartnerHousehold(w, head);
            case SPONSOR -> new SponsorHousehold(w, head);
            case EMPLOYER -> new EmployerHousehold(w, head);
            case ROMANCE_VICTIM -> new RomanceHousehold(w, head);
            case OCCASIONAL -> new OccasionalHousehold(w, head);
            case BUYER -> new BuyerHousehold(w, head);
            default -> throw new IllegalArgumentException("not a sender kind: " + head.kind());
        };
    }

    /** The household's own people, senders first (shared pool members are listed by the population). */
    abstract List<Person> persons();

    /** The household's transfers in month m (0-based), in any order. */
    abstract void month(int m, SplittableRandom r, List<Event> out);

    SplittableRandom traits(int part) {
        return Seeds.rng(w.cfg.seed(), Seeds.UNIT, head.index(), part);
    }

    String senderId(int j) {
        return "S" + (head.firstSlot() + j);
    }

    String recipientId(int k) {
        return "R" + head.index() + "-" + k;
    }

    boolean filipinoNamed(SplittableRandom r) {
        return Draw.chance(r, w.cfg.shares().filipinoNamedOthers());
    }

    YearMonth ym(int m) {
        return w.cfg.start().plusMonths(m);
    }

    /** A day of month m between two days of the month (clamped to the month's length). */
    LocalDate day(SplittableRandom r, int m, int from, int to) {
        YearMonth ym = ym(m);
        int last = ym.lengthOfMonth();
        int a = Math.min(from, last), b = Math.min(to, last);
        return ym.atDay(a + r.nextInt(b - a + 1));
    }

    /** Around a payday: the last days of the month or the first days, or mid-month. */
    LocalDate payday(SplittableRandom r, int m, int style) {
        int last = ym(m).lengthOfMonth();
        return switch (style) {
            case 0 -> Draw.chance(r, 0.6) ? day(r, m, last - 4, last) : day(r, m, 1, 5);
            case 1 -> day(r, m, 14, 19);
            default -> day(r, m, 1, last);
        };
    }

    static Channel channel(SplittableRandom r, double agency, double app) {
        double x = r.nextDouble();
        return x < agency ? Channel.AGENCY : x < agency + app ? Channel.MOBILE : Channel.ONLINE;
    }

    Event event(SplittableRandom r, Person from, Person to, LocalDate day, Channel ch, Clock.Hours hours, long cents,
            String purpose) {
        return new Event(from, to, Clock.at(r, day, ch, hours, w.cfg.operations()), ch, cents, purpose);
    }

    /** Whole euros rounded to a step (10, 50...). */
    static long roundEur(double eur, int step) {
        return Math.max(step, Math.round(eur / step) * step) * 100L;
    }

    static long exactCents(double eur) {
        return Math.max(100, Math.round(eur * 100));
    }

    /** How a sender rounds: 0 round euros, 1 round pesos, 2 exact. */
    long amount(SplittableRandom r, int style, double eur, int eurStep, long pesoStep, LocalDate day) {
        return switch (style) {
            case 0 -> roundEur(eur, eurStep);
            case 1 -> {
                long pesos = Math.max(pesoStep, Math.round(eur * w.rates.rate4(day) / 10_000.0 / pesoStep) * pesoStep);
                yield w.rates.centsForPesos(day, pesos);
            }
            default -> exactCents(eur);
        };
    }

    static int roundingStyle(SplittableRandom r, double roundEur, double roundPhp) {
        double x = r.nextDouble();
        return x < roundEur ? 0 : x < roundEur + roundPhp ? 1 : 2;
    }

    /** First and last active month: most households span the window, some start late or stop early. */
    static int[] activeMonths(SplittableRandom r, int months, double startLate, double stopEarly) {
        int from = Draw.chance(r, startLate) ? r.nextInt(months) : 0;
        int to = Draw.chance(r, stopEarly) ? from + r.nextInt(months - from) : months - 1;
        return new int[] {from, to};
    }
}
