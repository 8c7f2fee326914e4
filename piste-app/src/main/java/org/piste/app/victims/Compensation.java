package org.piste.app.victims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.cases.TypedDays;
import org.piste.app.refusals.Refused;

/** The compensation ledger's entries: claims filed, awards decided against convicted buyers, payments received. */
public final class Compensation {
    private Compensation() {}

    /** Who claims: the victim as civil party, the CIVI (commission d'indemnisation des victimes d'infractions), the FGTI. */
    public enum Claimant {
        CIVIL_PARTY, CIVI, FGTI, OTHER_AUTHORITY;

        public static Claimant parse(String text) {
            String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Claimant c : values()) if (c.name().equals(t)) return c;
            throw new Refused("compensation.claimant", t);
        }
    }

    /** A buyer as the ledger names them: the record kept, its entity now, that entity's name. */
    public record Buyer(String recordId, String entityId, String name) {}

    public record Claim(long id, long victimId, Claimant claimant, Optional<Buyer> buyer, BigDecimal amount,
            String currency, LocalDate filedOn) {}

    public record Award(long id, long victimId, Buyer buyer, BigDecimal amount, String currency, LocalDate decidedOn,
            String decisionReference, List<Payment> payments) {
        /** What the buyer still owes on this award: the award less the payments received (derived, never stored). */
        public BigDecimal outstanding() {
            return payments.stream().map(Payment::amount).reduce(amount, BigDecimal::subtract);
        }
    }

    public record Payment(long id, long awardId, BigDecimal amount, String currency, LocalDate receivedOn) {}

    /** One victim's ledger. */
    public record Ledger(List<Claim> claims, List<Award> awards) {}

    /** A court decision's reference ("TJ Paris 2026/123"): letters, digits, - / . _ and spaces (V29 checks the same). */
    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9 ./_-]{0,59}";
    static final int MAX_REFERENCE = 60;

    /** A date as the forms, the API and the console give it (YYYY-MM-DD). */
    public static LocalDate date(String typed) {
        return TypedDays.parse(typed, "compensation.date");
    }

    public static Optional<LocalDate> optionalDate(String typed) {
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(date(typed));
    }

    /** An amount as typed: a decimal point or comma, spaces between thousands allowed. */
    public static BigDecimal amount(String typed) {
        String t = (typed == null ? "" : typed).strip().replace(',', '.').replaceAll("[\\s\u00a0\u202f]", "");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Refused("compensation.amount", t, "");
        }
    }

    static String decisionReference(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (!t.matches(REFERENCE)) throw new Refused("compensation.decision", MAX_REFERENCE);
        return t;
    }
}
