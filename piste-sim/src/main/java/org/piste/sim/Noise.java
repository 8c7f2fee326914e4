package org.piste.sim;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How identities are written on each row: capitals, dropped accents, shortened compound names, particle
 * variants (Dela Cruz / De La Cruz / Delacruz), "Ma." for "Maria", typing errors, swapped name order,
 * empty dates of birth and phones, and the document and phone valid on the day.
 */
final class Noise {
    private final SimConfig.Noise n;
    private final RowPatterns patterns;

    Noise(SimConfig cfg) {
        this.n = cfg.noise();
        this.patterns = new RowPatterns(cfg);
    }

    /** The sender as the row writes it; {@code x} is the row patterns' stream (see {@link RowPatterns}). */
    Written sender(SplittableRandom r, SplittableRandom x, Person p, LocalDate day) {
        double f = p.multiIdentity() ? n.buyerFactor() : 1;
        Name name = name(r, p, f);
        Person.Doc doc = p.doc(day, r);
        Optional<LocalDate> birth = Draw.chance(r, n.missingBirthDate() * f) ? Optional.empty() : Optional.of(p.birth());
        Optional<Offices.Contact> office = patterns.office(p);
        String phone = Draw.chance(r, n.missingPhone() * f) ? ""
                : phone(r, officeOr(office.map(Offices.Contact::phone), p.phone(day, r).e164()));
        String email = officeOr(office.map(Offices.Contact::email), p.email());
        return new Written(patterns.given(x, p, name.given), p.middle().isEmpty() || Draw.chance(r, 0.6) ? "" : name.middle,
                name.surname, patterns.birth(x, birth), doc.type(), doc.number(), phone, email,
                cased(r, p.address(), 0.5), cased(r, p.city().name(), 0.7));
    }

    private static String officeOr(Optional<String> office, String own) {
        return office.filter(s -> !s.isEmpty()).orElse(own);
    }

    /** The recipient as the row writes it: names only (and no draw of its own) when beneficiaries are NAME_AND_PLACE. */
    Written recipient(SplittableRandom r, SplittableRandom x, Person p, LocalDate day, boolean paidOut) {
        Name name = name(r, p, 1);
        Optional<LocalDate> birth = paidOut && Draw.chance(r, n.recipientBirthDate()) ? Optional.of(p.birth()) : Optional.empty();
        String phone = Draw.chance(r, n.missingPhone()) ? "" : phone(r, p.phone(day, r).e164());
        Person.Doc doc = p.doc(day, r);
        String middle = Draw.chance(r, n.recipientMiddle()) ? name.middle : "";
        String address = cased(r, p.address(), 0.5), city = cased(r, p.city().name(), 0.7);
        String given = patterns.given(x, p, name.given);
        // The same draws either way, so that the rest of the file is the same as with full identities.
        if (patterns.namesOnly()) return new Written(given, middle, name.surname, Optional.empty(), "", "", "", "", "", "");
        return new Written(given, middle, name.surname, patterns.birth(x, birth), paidOut ? doc.type() : "",
                paidOut ? doc.number() : "", phone, "", address, city);
    }

    private record Name(String given, String middle, String surname) {}

    private Name name(SplittableRandom r, Person p, double f) {
        String given = p.given(), middle = p.middle(), surname = p.surname();
        if (given.startsWith("Maria ") && Draw.chance(r, n.maAbbreviation())) {
            given = (Draw.chance(r, 0.8) ? "Ma. " : "Ma ") + given.substring(6);
        }
        if (given.indexOf(' ') > 0 || given.indexOf('-') > 0) {
            if (Draw.chance(r, n.compoundShort() * f)) given = People.firstPart(given);
            else if (Draw.chance(r, 0.2)) given = given.indexOf('-') > 0 ? given.replace('-', ' ') : given.replace(' ', '-');
        }
        if (Draw.chance(r, n.particleVariant())) surname = particle(r, surname);
        if (Draw.chance(r, n.stripAccents())) {
            given = People.ascii(given);
            surname = People.ascii(surname);
            middle = People.ascii(middle);
        }
        if (Draw.chance(r, n.typo() * f)) {
            if (r.nextBoolean()) given = typo(r, given); else surname = typo(r, surname);
        }
        if (Draw.chance(r, n.swapNames() * f)) {
            String t = given;
            given = surname;
            surname = t;
        }
        double x = r.nextDouble();
        if (x < n.upperCase()) {
            given = given.toUpperCase(Locale.ROOT);
            middle = middle.toUpperCase(Locale.ROOT);
            surname = surname.toUpperCase(Locale.ROOT);
        } else if (x < n.upperCase() + n.lowerCase()) {
            given = given.toLowerCase(Locale.ROOT);
            middle = middle.toLowerCase(Locale.ROOT);
            surname = surname.toLowerCase(Locale.ROOT);
        }
        return new Name(given, middle, surname);
    }

    /** Dela Cruz -> De La Cruz / Delacruz / Dela-Cruz; Delos Santos -> De Los Santos; De Guzman -> Deguzman. */
    static String particle(SplittableRandom r, String surname) {
        String[] parts = surname.split(" ");
        if (parts.length < 2) return surname;
        String head = parts[0], rest = surname.substring(head.length() + 1);
        int v = r.nextInt(3);
        if (v == 0) return head + rest.replace(" ", "").toLowerCase(Locale.ROOT); // Delacruz
        if (v == 1) return head + "-" + rest; // Dela-Cruz
        return switch (head) { // De La Cruz, De Los Santos, or "Dela Cruz" from "De La Cruz"
            case "Dela" -> "De La " + rest;
            case "Delos" -> "De Los " + rest;
            case "De" -> parts.length > 2 ? "De" + parts[1].toLowerCase(Locale.ROOT) + " " + parts[2] : surname;
            default -> surname;
        };
    }

    static String typo(SplittableRandom r, String s) {
        if (s.length() < 3) return s;
        int i = 1 + r.nextInt(s.length() - 2);
        StringBuilder b = new StringBuilder(s);
        switch (r.nextInt(4)) {
            case 0 -> b.deleteCharAt(i);
            case 1 -> b.insert(i, s.charAt(i));
            case 2 -> {
                char c = b.charAt(i);
                b.setCharAt(i, b.charAt(i + 1));
                b.setCharAt(i + 1, c);
            }
            default -> b.setCharAt(i, Character.isUpperCase(s.charAt(i)) ? (char) ('A' + r.nextInt(26)) : (char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** The same number written several ways: +33612345678, 0612345678, 06 12 34 56 78, 33612345678. */
    static String phone(SplittableRandom r, String e164) {
        boolean fr = e164.startsWith("+33");
        String national = "0" + e164.substring(3);
        return switch (r.nextInt(4)) {
            case 0 -> e164;
            case 1 -> national;
            case 2 -> fr ? spaced(national) : national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
            default -> e164.substring(1);
        };
    }

    private static String spaced(String national) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < national.length(); i += 2) {
            if (i > 0) b.append(' ');
            b.append(national, i, Math.min(i + 2, national.length()));
        }
        return b.toString();
    }

    private static String cased(SplittableRandom r, String s, double upper) {
        return Draw.chance(r, upper) ? s.toUpperCase(Locale.ROOT) : s;
    }
}
