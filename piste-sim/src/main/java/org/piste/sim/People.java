package org.piste.sim;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Makes synthetic people: names drawn from the built-in lists, documents, phones, addresses, agencies. */
final class People {
    /** What is fixed about a person before the random parts are drawn. Empty surname or middle: draw one. */
    record Spec(String id, Role role, String group, boolean female, boolean filipinoName, String surname,
            String middle, int minAge, int maxAge, int agencies, boolean multiIdentity) {}

    private final SimConfig.Noise noise;
    private final LocalDate windowStart;
    private final int windowDays;
    private final long seed;
    private final double oldBirthDates;

    People(SimConfig cfg) {
        this.noise = cfg.noise();
        this.seed = cfg.seed();
        this.oldBirthDates = cfg.patterns().oldBirthDates();
        this.windowStart = cfg.start().atDay(1);
        this.windowDays = (int) (cfg.start().plusMonths(cfg.months()).atDay(1).toEpochDay() - windowStart.toEpochDay());
    }

    Person make(SplittableRandom r, Spec s) {
        boolean inFrance = s.role().side() == Role.Side.SENDER;
        String given = given(r, s.female(), s.filipinoName());
        String surname = s.surname().isEmpty() ? surname(r, s.filipinoName()) : s.surname();
        String middle = !s.middle().isEmpty() ? s.middle()
                : s.filipinoName() ? otherSurname(r, surname) : "";
        int age = s.minAge() + r.nextInt(s.maxAge() - s.minAge() + 1);
        LocalDate birth = windowStart.minusYears(age).minusDays(r.nextInt(365));
        Names.City city = inFrance ? Names.FRENCH_CITIES[Draw.weighted(r, Names.FRENCH_CITY_WEIGHTS)]
                : Names.PH_CITIES[Draw.weighted(r, Names.PH_CITY_WEIGHTS)];
        String address = inFrance ? frenchAddress(r, city) : philippineAddress(r);

        List<Person.Doc> docs = new ArrayList<>();
        LocalDate longAgo = LocalDate.of(1900, 1, 1);
        docs.add(doc(r, inFrance, s.filipinoName(), longAgo));
        if (s.multiIdentity()) docs.add(doc(r, inFrance, s.filipinoName(), longAgo));
        if (Draw.chance(r, noise.renewDocument())) docs.add(doc(r, inFrance, s.filipinoName(), laterDay(r)));
        List<Person.Phone> phones = new ArrayList<>();
        phones.add(new Person.Phone(phone(r, inFrance), longAgo));
        if (s.multiIdentity()) {
            int extra = 1 + r.nextInt(3);
            for (int i = 0; i < extra; i++) phones.add(new Person.Phone(phone(r, inFrance), longAgo));
        }
        if (Draw.chance(r, noise.renewPhone())) phones.add(new Person.Phone(phone(r, inFrance), laterDay(r)));
        String email = inFrance ? email(r, given, surname) : "";
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < s.agencies(); i++) agencies.add(agency(r, city));
        Person p = new Person(s.id(), s.role(), s.group(), s.female(), given, middle, surname, birth, city, address,
                List.copyOf(docs), List.copyOf(phones), email, List.copyOf(agencies), s.multiIdentity(), "");
        return oldBirthDates > 0 ? historical(p) : p;
    }

    /**
     * A share of persons born before 1900, drawn from the person's own stream so that nothing else changes
     * (a pattern of person lists, such as genealogical or sanctions lists, not of transfers).
     */
    private Person historical(Person p) {
        SplittableRandom x = Seeds.rng(seed, Seeds.PERSON, Seeds.hash(p.id()), 0);
        if (!Draw.chance(x, oldBirthDates)) return p;
        return p.withBirth(LocalDate.of(1800 + x.nextInt(100), 1, 1).plusDays(x.nextInt(365)));
    }

    static String given(SplittableRandom r, boolean female, boolean filipino) {
        String g = filipino ? Draw.pick(r, female ? Names.FILIPINO_FEMALE : Names.FILIPINO_MALE)
                : Draw.pick(r, female ? Names.FRENCH_FEMALE : Names.FRENCH_MALE);
        return g.startsWith("Ma. ") ? "Maria " + g.substring(4) : g;
    }

    static String surname(SplittableRandom r, boolean filipino) {
        return Draw.pick(r, filipino ? Names.FILIPINO_SURNAMES : Names.FRENCH_SURNAMES);
    }

    static String otherSurname(SplittableRandom r, String not) {
        String s;
        do s = Draw.pick(r, Names.FILIPINO_SURNAMES); while (s.equals(not));
        return s;
    }

    private LocalDate laterDay(SplittableRandom r) {
        return windowStart.plusDays(r.nextInt(Math.max(1, windowDays)));
    }

    static Person.Doc doc(SplittableRandom r, boolean inFrance, boolean filipino, LocalDate from) {
        if (inFrance) {
            double x = r.nextDouble();
            if (filipino && x < 0.5) return new Person.Doc("TITRE SEJOUR", digits(r, 10), from);
            if (filipino && x < 0.8) return new Person.Doc("PASSEPORT", "P" + digits(r, 7) + letters(r, 1), from);
            if (x < 0.65 || filipino) {
                String number = Draw.chance(r, 0.5) ? digits(r, 12) : letters(r, 1) + alnum(r, 8);
                return new Person.Doc("CNI", number, from);
            }
            return new Person.Doc("PASSEPORT", digits(r, 2) + letters(r, 2) + digits(r, 5), from);
        }
        return switch (r.nextInt(4)) {
            case 0 -> new Person.Doc("PASSEPORT", "P" + digits(r, 7) + letters(r, 1), from);
            case 1 -> new Person.Doc("PHILID", digits(r, 4) + "-" + digits(r, 4) + "-" + digits(r, 4) + "-" + digits(r, 4), from);
            case 2 -> new Person.Doc("UMID", digits(r, 4) + "-" + digits(r, 7) + "-" + digits(r, 1), from);
            default -> new Person.Doc("PERMIS", letters(r, 1) + digits(r, 2) + "-" + digits(r, 2) + "-" + digits(r, 6), from);
        };
    }

    private static String phone(SplittableRandom r, boolean inFrance) {
        return inFrance ? "+33" + (Draw.chance(r, 0.8) ? "6" : "7") + digits(r, 8)
                : "+639" + Draw.pick(r, new String[] {"17", "18", "19", "20", "27", "28", "47", "55", "56", "66", "77", "95", "98"})
                        + digits(r, 7);
    }

    private static String email(SplittableRandom r, String given, String surname) {
        String local = ascii(firstPart(given)) + (Draw.chance(r, 0.5) ? "." : "") + ascii(surname).replace(" ", "");
        if (Draw.chance(r, 0.6)) local += r.nextInt(100);
        return local.toLowerCase(Locale.ROOT) + "@"
                + Draw.pick(r, new String[] {"mail.example", "courriel.example", "webmail.example", "boite.example"});
    }

    private static String frenchAddress(SplittableRandom r, Names.City city) {
        String pc = city.postcode();
        if (pc.length() < 5) {
            pc = switch (city.code()) {
                case "PAR" -> pc + pad(1 + r.nextInt(20), 2);
                case "MRS" -> pc + pad(1 + r.nextInt(16), 2);
                case "LYO" -> pc + (1 + r.nextInt(9));
                default -> pc + "00".substring(0, 5 - pc.length());
            };
        }
        return (1 + r.nextInt(120)) + " " + Draw.pick(r, Names.FRENCH_STREETS) + " " + pc;
    }

    private static String philippineAddress(SplittableRandom r) {
        String street = Draw.chance(r, 0.5) ? "Purok " + (1 + r.nextInt(9))
                : "Blk " + (1 + r.nextInt(40)) + " Lot " + (1 + r.nextInt(30));
        return street + ", Brgy. " + Draw.pick(r, Names.PH_BARANGAYS);
    }

    /** Agency codes are shared: each city has a fixed number of agencies, proportional to its weight. */
    static String agency(SplittableRandom r, Names.City city) {
        int n = (int) Math.max(4, city.weight() * 12);
        return city.code() + "-" + pad(r.nextInt(n), 4);
    }

    static String digits(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('0' + r.nextInt(10));
        return new String(c);
    }

    static String letters(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('A' + r.nextInt(26));
        return new String(c);
    }

    private static String alnum(SplittableRandom r, int n) {
        String a = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = a.charAt(r.nextInt(a.length()));
        return new String(c);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** Without accents: "Hélène Ibañez" -> "Helene Ibanez". */
    static String ascii(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) plain = s.charAt(i) < 0x80;
        if (plain) return s;
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The first part of a compound name ("Jean-Pierre" -> "Jean", "Mary Grace" -> "Mary"). */
    static String firstPart(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ' || s.charAt(i) == '-') return s.substring(0, i);
        return s;
    }

    static String pad(int value, int width) {
        String v = Integer.toString(value);
        return v.length() >= width ? v : "0000000000".substring(0, width - v.length()) + v;
    }
}
