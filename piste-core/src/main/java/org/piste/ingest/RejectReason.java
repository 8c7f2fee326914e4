package org.piste.ingest;

/** Why a row was not accepted. Codes are stable: they are stored and shown to users. */
public enum RejectReason {
    EMPTY_LINE("the line is empty"),
    WRONG_COLUMN_COUNT("the row does not have as many columns as the header"),
    FIELD_TOO_LONG("a field is longer than any real value"),
    MISSING_VALUE("a required value is empty"),
    UNPARSEABLE_DATE("a date or time cannot be read with the profile's formats"),
    NONEXISTENT_LOCAL_TIME("a local time that does not exist in its zone (daylight-saving gap)"),
    UNKNOWN_ZONE("a time-zone name is not a known IANA zone"),
    UNPARSEABLE_AMOUNT("an amount or rate is not a number"),
    NEGATIVE_AMOUNT("an amount is negative"),
    UNKNOWN_CURRENCY("a currency is not an ISO 4217 code"),
    UNKNOWN_CODE("a status or channel is not in the profile's value map"),
    DUPLICATE_REFERENCE("the transfer reference is already stored");

    private final String meaning;

    RejectReason(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
