package org.piste.app.search;

import java.util.Optional;
import java.util.Set;
import org.piste.normal.Identifiers;
import org.piste.normal.Phones;
import org.piste.normal.Text;

/**
 * What was typed in the search box and what it is looked up as: an e-mail (an '@'), a number (no letter: phone, ID
 * number, reference, case number) or text (a name, and an ID number, reference or case number if it has a digit).
 *
 * @param text the query, cleaned (NFC, spaces folded)
 */
public record SearchQuery(String text, Kind kind) {
    /** Fewer characters than this say too little to search personal data for. */
    public static final int MIN_CHARS = 3;
    /** A phone is looked up from this many digits: shorter numbers are parts of something else. */
    public static final int PHONE_DIGITS = 6;
    /** Longer queries are refused: nobody types more in a search box, and the audit trail keeps the query. */
    public static final int MAX_CHARS = 200;

    public enum Kind { TOO_SHORT, EMAIL, NUMBER, TEXT }

    public static SearchQuery of(String raw) {
        String text = Text.clean(raw == null ? "" : raw);
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a search is at most " + MAX_CHARS + " characters, was " + text.length());
        }
        if (text.codePointCount(0, text.length()) < MIN_CHARS) return new SearchQuery(text, Kind.TOO_SHORT);
        if (text.indexOf('@') >= 0) return new SearchQuery(text, Kind.EMAIL);
        boolean letter = text.codePoints().anyMatch(Character::isLetter);
        return new SearchQuery(text, letter ? Kind.TEXT : Kind.NUMBER);
    }

    public boolean hasDigit() {
        return text.chars().anyMatch(Character::isDigit);
    }

    /** The E.164 numbers the query may be (a number of at least {@value #PHONE_DIGITS} digits), else none. */
    public Set<String> phones() {
        if (kind != Kind.NUMBER || Phones.digits(text).replace("+", "").length() < PHONE_DIGITS) return Set.of();
        return Phones.readings(text);
    }

    /** The ID number as the import normalises it, when the query may be one (it has a digit). */
    public Optional<String> idNumber() {
        if (kind == Kind.EMAIL || !hasDigit()) return Optional.empty();
        String id = Identifiers.idNumber(text);
        return id.length() >= MIN_CHARS ? Optional.of(id) : Optional.empty();
    }

    /** The address as the import would compare it (trimmed, lower case). */
    public Optional<String> email() {
        return kind == Kind.EMAIL ? Optional.of(Identifiers.email(text)) : Optional.empty();
    }

    /** References as written and without separators ("123-456-7890" is also 1234567890), when it has a digit. */
    public Set<String> references() {
        if (kind == Kind.EMAIL || !hasDigit()) return Set.of();
        String compact = Identifiers.idNumber(text);
        return compact.isEmpty() || compact.equals(text) ? Set.of(text) : Set.of(text, compact);
    }

    /** The query as the audit trail records it: its kind and its text (see {@link Search}). */
    public String describe() {
        return "kind=" + kind + " q=" + text;
    }
}
