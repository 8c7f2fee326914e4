package org.piste.resolve;

/**
 * A value a record carries that the resolver does not compare, because it cannot tell one person from another: counted
 * per kind in every resolution ({@link Resolution#notCompared}), never dropped in silence. The value stays stored as
 * written.
 */
public enum NotCompared {
    /** Fewer than 4 letters or digits once normalised: "0", "NA", "123" match strangers. */
    SHORT_ID_NUMBER("ID number under 4 characters"),
    /** Fewer than 7 digits: no phone number. */
    SHORT_PHONE("phone under 7 digits"),
    /** A name part that is only a title or a generational suffix ("Mr", "Dr", "Jr.", "Baronet"). */
    TITLE_ONLY_NAME("name made of titles or suffixes only");

    private final String label;

    NotCompared(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kinds a record's values fall into, as bits (1 << ordinal). */
    static int of(PersonRecord r, Features f) {
        int kinds = 0;
        if (!r.idNumber().isEmpty() && f.idNumber.isEmpty()) kinds |= 1 << SHORT_ID_NUMBER.ordinal();
        if (!r.phone().isEmpty() && f.phone.isEmpty()) kinds |= 1 << SHORT_PHONE.ordinal();
        boolean namesWritten = !(r.givenNames() + r.surname() + r.fullName()).isBlank();
        if (namesWritten && f.givenKey.isEmpty() && f.surnameKey.isEmpty()) kinds |= 1 << TITLE_ONLY_NAME.ordinal();
        return kinds;
    }
}
