package org.piste.app.victims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.refusals.Refused;
import org.piste.model.RecordId;

/**
 * A victim as the register holds it: the identifier the foreign authority gave (a short code, never a name), that
 * authority and its country, the age bracket at the time of the facts, the period the facts concern when the
 * authority gives one, an administrative note, and the facilitators linked (by record, followed to their entity).
 */
public record Victim(long id, long caseId, String pseudonym, String authority, String authorityCountry,
        AgeBracket ageBracket, Optional<LocalDate> periodFrom, Optional<LocalDate> periodTo, String note,
        List<Facilitator> facilitators, String createdBy, Instant createdAt) {

    /** A linked facilitator: the record kept, the entity it belongs to now, and that entity's name. */
    public record Facilitator(String recordId, String entityId, String name) {}

    /** Age at the time of the facts, in the brackets foreign authorities report. */
    public enum AgeBracket {
        UNDER_6("0-5"), FROM_6_TO_11("6-11"), FROM_12_TO_14("12-14"), FROM_15_TO_17("15-17"), ADULT("18+");

        private final String code;

        AgeBracket(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static AgeBracket parse(String text) {
            String t = text == null ? "" : text.strip();
            for (AgeBracket b : values()) if (b.code.equals(t) || b.name().equalsIgnoreCase(t)) return b;
            throw new Refused("victim.ageBracket", t);
        }
    }

    /**
     * The identifier's shape: letters, digits, - / . _ ; no space, and at least one digit: an authority's code carries
     * a number, a name ("Maria.Santos") has none. V29's CHECK is the backstop of the same rule.
     */
    static final String PSEUDONYM = "(?=[^0-9]*[0-9])[A-Za-z0-9][A-Za-z0-9./_-]{0,39}";
    static final int MAX_PSEUDONYM = 40;
    /** An agency's administrative name: letters (Latin, accented), digits, spaces, - . / ( ) ' ; no line break. */
    private static final String LETTER = "A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF";
    static final String AUTHORITY = "[" + LETTER + "][" + LETTER + " ./()'-]{0,79}";
    static final int MAX_AUTHORITY = 80;
    static final int MAX_NOTE = 200;

    /** What adding a victim needs, checked before it reaches the database (which checks the same). */
    public record NewVictim(String pseudonym, String authority, String country, AgeBracket ageBracket,
            Optional<LocalDate> periodFrom, Optional<LocalDate> periodTo, String note, List<String> facilitators) {
        public NewVictim {
            pseudonym = pseudonym == null ? "" : pseudonym.strip();
            if (!pseudonym.matches(PSEUDONYM)) throw new Refused("victim.pseudonym", MAX_PSEUDONYM);
            authority = authority == null ? "" : authority.strip();
            if (!authority.matches(AUTHORITY)) throw new Refused("victim.authority", MAX_AUTHORITY);
            country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) throw new Refused("victim.country", country);
            note = note == null ? "" : note.strip();
            if (note.length() > MAX_NOTE) throw new Refused("victim.noteTooLong", MAX_NOTE);
            if (periodFrom.isPresent() && periodTo.isPresent() && periodFrom.get().isAfter(periodTo.get())) {
                throw new Refused("victim.period");
            }
            facilitators = facilitators.stream().map(Victim::record).distinct().toList();
        }
    }

    /** One spelling for every record id ("007:r" is 7:R), as case subjects keep them. */
    static String record(String typed) {
        String t = typed == null ? "" : typed.strip();
        return RecordId.parse(t).orElseThrow(() -> new Refused("victim.record", t)).toString();
    }
}
