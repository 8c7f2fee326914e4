package org.piste.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical fields a mapping profile can fill. Their keys are also the header of Piste's canonical CSV.
 * A date and a time column may stand in for a date-time column.
 */
public enum Field {
    /** The identifier of a row in a person list (resolve-file); not part of a transfer. */
    RECORD_ID("record_id"),
    PROVIDER("provider"),
    REFERENCE("reference"),
    STATUS("status"),
    CHANNEL("channel"),
    SEND_DATETIME("send_datetime"),
    SEND_DATE("send_date"),
    SEND_TIME("send_time"),
    SEND_ZONE("send_zone"),
    SEND_COUNTRY("send_country"),
    SEND_CITY("send_city"),
    SEND_AGENCY("send_agency"),
    PAYOUT_DATETIME("payout_datetime"),
    PAYOUT_DATE("payout_date"),
    PAYOUT_TIME("payout_time"),
    PAYOUT_ZONE("payout_zone"),
    PAYOUT_COUNTRY("payout_country"),
    PAYOUT_CITY("payout_city"),
    PAYOUT_AGENCY("payout_agency"),
    SENT_AMOUNT("sent_amount"),
    SENT_CURRENCY("sent_currency"),
    FEE_AMOUNT("fee_amount"),
    FEE_CURRENCY("fee_currency"),
    RATE("rate"),
    PAID_AMOUNT("paid_amount"),
    PAID_CURRENCY("paid_currency"),
    PURPOSE("purpose"),
    SENDER_GIVEN_NAMES("sender_given_names"),
    SENDER_MIDDLE_NAME("sender_middle_name"),
    SENDER_SURNAME("sender_surname"),
    SENDER_FULL_NAME("sender_full_name"),
    SENDER_BIRTH_DATE("sender_birth_date"),
    SENDER_ID_TYPE("sender_id_type"),
    SENDER_ID_NUMBER("sender_id_number"),
    SENDER_PHONE("sender_phone"),
    SENDER_EMAIL("sender_email"),
    SENDER_ADDRESS("sender_address"),
    SENDER_POSTCODE("sender_postcode"),
    SENDER_CITY("sender_city"),
    SENDER_COUNTRY("sender_country"),
    RECIPIENT_GIVEN_NAMES("recipient_given_names"),
    RECIPIENT_MIDDLE_NAME("recipient_middle_name"),
    RECIPIENT_SURNAME("recipient_surname"),
    RECIPIENT_FULL_NAME("recipient_full_name"),
    RECIPIENT_BIRTH_DATE("recipient_birth_date"),
    RECIPIENT_ID_TYPE("recipient_id_type"),
    RECIPIENT_ID_NUMBER("recipient_id_number"),
    RECIPIENT_PHONE("recipient_phone"),
    RECIPIENT_EMAIL("recipient_email"),
    RECIPIENT_ADDRESS("recipient_address"),
    RECIPIENT_POSTCODE("recipient_postcode"),
    RECIPIENT_CITY("recipient_city"),
    RECIPIENT_COUNTRY("recipient_country");

    private static final Map<String, Field> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private final String key;

    Field(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Field> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The canonical CSV's header, in column order. */
    public static String[] canonicalHeader() {
        return Arrays.stream(values())
                .filter(f -> f != RECORD_ID && f != SEND_DATE && f != SEND_TIME && f != PAYOUT_DATE && f != PAYOUT_TIME)
                .map(Field::key)
                .toArray(String[]::new);
    }
}
