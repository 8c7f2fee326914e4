package org.piste.ingest;

/**
 * A value on an accepted row that was kept as written but is not used as what it claims to be (a date of birth that
 * says "unknown"). Never a reason to reject a transfer; always counted in the import's summary.
 */
public enum ValueSetAside {
    /** A date of birth no profile format reads. */
    BIRTH_DATE_UNREADABLE("date of birth unreadable"),
    /**
     * A known placeholder for an unknown date of birth: 01/01/0001, 01/01/1800, 30/12/1899 and 31/12/1899 (day zero of
     * spreadsheets), 01/01/1900, 31/12/9999. Other old dates are kept: person lists hold people born before 1900.
     */
    BIRTH_DATE_PLACEHOLDER("date of birth placeholder (01/01/1900 and the like)"),
    /** A date of birth after the import's day (a four-digit year; two-digit years are read in the last hundred years). */
    BIRTH_DATE_IN_FUTURE("date of birth in the future"),
    /** A date of birth before the year 1000: no person list holds one; a mistyped year. */
    BIRTH_DATE_BEFORE_1000("date of birth before the year 1000");

    private final String label;

    ValueSetAside(String label) {
        this.label = label;
    }

    /** What was set aside, in words. */
    public String label() {
        return label;
    }
}
