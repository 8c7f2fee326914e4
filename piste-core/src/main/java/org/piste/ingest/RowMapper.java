package org.piste.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.Money;
import org.piste.model.Party;
import org.piste.model.RowRef;
import org.piste.model.Transfer;
import org.piste.model.TransferStatus;
import org.piste.normal.Countries;
import org.piste.normal.Currencies;
import org.piste.normal.Identifiers;
import org.piste.normal.Phones;
import org.piste.normal.Text;
import org.piste.normal.Zones;

/** Turns the records of one file into canonical transfers, following a profile matched to the file's header. */
public final class RowMapper {
    /** No real value in a transfer export is this long; longer fields are quarantined, not truncated. */
    public static final int MAX_FIELD_CHARS = 4096;

    private final MappingProfile profile;
    private final String sourceSha256;
    private final String provider;
    private final int headerWidth;
    private final Map<Field, int[]> columns = new EnumMap<>(Field.class);
    private final Values values;

    /**
     * @param header           the file's header names
     * @param providerOverride the provider given on the command line, or empty
     * @throws ImportException when required columns are missing, naming them and the closest headers found
     */
    public RowMapper(MappingProfile profile, List<String> header, String sourceSha256, String providerOverride) {
        this.profile = profile;
        this.sourceSha256 = sourceSha256;
        this.headerWidth = header.size();
        this.values = new Values(profile);
        HeaderMatch match = HeaderMatch.of(profile, header);
        if (!match.missing().isEmpty()) throw new ImportException(match.describeMissing(profile.name()));
        columns.putAll(match.indexes());
        if (!providerOverride.isBlank()) {
            provider = providerOverride.strip();
        } else if (java.util.Arrays.stream(columns.getOrDefault(Field.PROVIDER, new int[0])).anyMatch(i -> i >= 0)
                || profile.constants().containsKey(Field.PROVIDER)) { // an optional column may be absent (-1)
            provider = "";
        } else if (!profile.provider().isBlank()) {
            provider = profile.provider();
        } else if (!profile.columns().containsKey(Field.REFERENCE)) {
            provider = ""; // a person list, not transfers: no provider needed
        } else {
            throw new ImportException("no provider: the file has no provider column and the profile names none; give the provider (--provider, or the provider field of the upload form)");
        }
    }

    /** The canonical transfer, or the reason the row cannot be one. */
    public Result map(RawRow row) {
        try {
            checkShape(row);
            return new Result.Accepted(toTransfer(row));
        } catch (RowProblem problem) {
            return new Result.Rejected(problem.reason, problem.getMessage());
        }
    }

    /** The outcome of mapping one row. */
    public sealed interface Result {
        record Accepted(Transfer transfer) implements Result {}

        record Rejected(RejectReason reason, String detail) implements Result {}
    }

    /** A row of a person list: the record id and the person, read as the sender side. */
    public record PersonRow(String recordId, Party person) {}

    /** Maps a row of a person list (profile mapping record_id and sender_* fields). */
    public Optional<PersonRow> person(RawRow row) {
        try {
            checkShape(row);
        } catch (RowProblem problem) {
            return Optional.empty();
        }
        String id = value(row, Field.RECORD_ID);
        return Optional.of(new PersonRow(id.isEmpty() ? "line-" + row.line() : id, party(row, Side.SENDER, Optional.empty())));
    }

    private void checkShape(RawRow row) throws RowProblem {
        if (row.isBlank()) throw new RowProblem(RejectReason.EMPTY_LINE, "empty line");
        String[] fields = row.fields();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (f.indexOf('\uFFFD') >= 0) {
                throw new ImportException("line " + row.line() + " contains replacement characters (U+FFFD): the file was "
                        + "probably converted with the wrong encoding before it reached Piste; ask for the original export");
            }
            if (f.length() > MAX_FIELD_CHARS) {
                throw new RowProblem(RejectReason.FIELD_TOO_LONG, "column " + (i + 1) + " is " + f.length()
                        + " characters long (limit " + MAX_FIELD_CHARS + ")");
            }
        }
        int width = fields.length;
        while (width > headerWidth && fields[width - 1].isBlank()) width--; // a trailing separator is harmless
        if (width != headerWidth) {
            throw new RowProblem(RejectReason.WRONG_COLUMN_COUNT,
                    "expected " + headerWidth + " columns, found " + fields.length);
        }
    }

    private Transfer toTransfer(RawRow row) throws RowProblem {
        String reference = required(row, Field.REFERENCE);
        String rowProvider = provider.isEmpty() ? required(row, Field.PROVIDER) : provider;
        String statusRaw = value(row, Field.STATUS);
        String channelRaw = value(row, Field.CHANNEL);
        TransferStatus status = code(TransferStatus.class, Field.STATUS, statusRaw, TransferStatus.UNKNOWN);
        Channel channel = code(Channel.class, Field.CHANNEL, channelRaw, Channel.UNKNOWN);

        Transfer.Place sendPlace = place(row, Field.SEND_COUNTRY, Field.SEND_CITY, Field.SEND_AGENCY);
        Transfer.Place payoutPlace = place(row, Field.PAYOUT_COUNTRY, Field.PAYOUT_CITY, Field.PAYOUT_AGENCY);
        Optional<When> send = when(row, Field.SEND_DATETIME, Field.SEND_DATE, Field.SEND_TIME, Field.SEND_ZONE, sendPlace);
        if (send.isEmpty()) throw new RowProblem(RejectReason.MISSING_VALUE, "the send date is empty");
        Optional<When> payout = when(row, Field.PAYOUT_DATETIME, Field.PAYOUT_DATE, Field.PAYOUT_TIME, Field.PAYOUT_ZONE, payoutPlace);

        Currency sentCurrency = currency(Field.SENT_CURRENCY, required(row, Field.SENT_CURRENCY));
        Money sent = new Money(values.amount(Field.SENT_AMOUNT.key(), required(row, Field.SENT_AMOUNT)), sentCurrency);
        Optional<Money> fee = money(row, Field.FEE_AMOUNT, Field.FEE_CURRENCY, Optional.of(sentCurrency));
        Optional<Money> paid = money(row, Field.PAID_AMOUNT, Field.PAID_CURRENCY, Optional.empty());
        String rateText = value(row, Field.RATE);
        Optional<BigDecimal> rate = rateText.isEmpty()
                ? Optional.empty() : Optional.of(values.amount(Field.RATE.key(), rateText));

        Party sender = party(row, Side.SENDER, sendPlace.countryCode());
        Party recipient = party(row, Side.RECIPIENT, payoutPlace.countryCode());
        return new Transfer(new RowRef(sourceSha256, row.line()), rowProvider, reference, status, statusRaw, channel,
                channelRaw, send.get().instant(), send.get().zone(), sendPlace, payout.map(When::instant),
                payout.map(When::zone), payoutPlace, sent, fee, rate, paid, value(row, Field.PURPOSE), sender, recipient);
    }

    private record When(Instant instant, ZoneId zone) {}

    private Optional<When> when(RawRow row, Field dateTime, Field date, Field time, Field zoneField,
            Transfer.Place place) throws RowProblem {
        String zoneText = value(row, zoneField);
        Optional<ZoneId> declaredZone = Optional.empty();
        if (!zoneText.isEmpty()) {
            try {
                declaredZone = Optional.of(ZoneId.of(zoneText));
            } catch (DateTimeException e) {
                throw new RowProblem(RejectReason.UNKNOWN_ZONE, zoneField.key() + ": '" + zoneText + "' is not a time zone");
            }
        }
        // Local times are written in the zone the row names, else in the profile's zone.
        ZoneId writtenIn = declaredZone.orElse(profile.timeZone());
        // The event belongs to the zone of the place where it happened.
        Optional<ZoneId> placeZone = declaredZone.or(() -> place.countryCode().flatMap(Zones::ofCountry));

        String stamp = value(row, dateTime);
        if (!stamp.isEmpty()) {
            Values.Stamp parsed = values.dateTime(dateTime.key(), stamp);
            if (parsed instanceof Values.Exact exact) {
                Instant instant = checkedYear(dateTime, exact.value().toInstant(), exact.value().getYear(), stamp);
                return Optional.of(new When(instant, placeZone.orElse(exact.value().getOffset())));
            }
            LocalDateTime local = ((Values.Local) parsed).value();
            return Optional.of(new When(inZone(dateTime, local, writtenIn), placeZone.orElse(writtenIn)));
        }
        String day = value(row, date);
        if (day.isEmpty()) return Optional.empty();
        String clock = value(row, time);
        LocalTime localTime = clock.isEmpty() ? LocalTime.MIDNIGHT : values.time(time.key(), clock);
        LocalDateTime local = LocalDateTime.of(values.date(date.key(), day), localTime);
        return Optional.of(new When(inZone(date, local, writtenIn), placeZone.orElse(writtenIn)));
    }

    /** Money transfers in the data Piste receives happen between these years; anything else is a typo or a placeholder. */
    private static final int FIRST_YEAR = 1970, LAST_YEAR = 2100;

    private static Instant checkedYear(Field field, Instant instant, int year, Object shown) throws RowProblem {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new RowProblem(RejectReason.UNPARSEABLE_DATE, field.key() + ": " + shown + " is outside "
                    + FIRST_YEAR + "-" + LAST_YEAR);
        }
        return instant;
    }

    private static Instant inZone(Field field, LocalDateTime local, ZoneId zone) throws RowProblem {
        checkedYear(field, Instant.EPOCH, local.getYear(), local);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new RowProblem(RejectReason.NONEXISTENT_LOCAL_TIME,
                    field.key() + ": " + local + " does not exist in " + zone + " (the clocks jumped forward)");
        }
        // In the autumn overlap the earlier offset is taken, as ZonedDateTime does.
        return ZonedDateTime.of(local, zone).toInstant();
    }

    private Optional<Money> money(RawRow row, Field amountField, Field currencyField, Optional<Currency> fallback)
            throws RowProblem {
        String amount = value(row, amountField);
        if (amount.isEmpty()) return Optional.empty();
        String currencyText = value(row, currencyField);
        Currency currency;
        if (!currencyText.isEmpty()) {
            currency = currency(currencyField, currencyText);
        } else if (fallback.isPresent()) {
            currency = fallback.get();
        } else {
            throw new RowProblem(RejectReason.MISSING_VALUE, currencyField.key() + " is empty but " + amountField.key() + " is given");
        }
        return Optional.of(new Money(values.amount(amountField.key(), amount), currency));
    }

    private static Currency currency(Field field, String text) throws RowProblem {
        return Currencies.parse(text).orElseThrow(() ->
                new RowProblem(RejectReason.UNKNOWN_CURRENCY, field.key() + ": '" + text + "' is not an ISO 4217 currency"));
    }

    private <E extends Enum<E>> E code(Class<E> type, Field field, String raw, E absent) throws RowProblem {
        if (raw.isEmpty()) return absent;
        Map<String, String> map = profile.values().getOrDefault(field, Map.of());
        String canonical = map.getOrDefault(ValueMaps.key(raw), raw).strip().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, canonical);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(RejectReason.UNKNOWN_CODE, field.key() + ": '" + raw + "' is not in the profile's value map ("
                    + String.join(", ", map.keySet()) + ") nor one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private Transfer.Place place(RawRow row, Field country, Field city, Field agency) {
        String countryText = value(row, country);
        return new Transfer.Place(countryText, Countries.toAlpha2(countryText), value(row, city), value(row, agency));
    }

    enum Side {
        SENDER(Field.SENDER_GIVEN_NAMES, Field.SENDER_MIDDLE_NAME, Field.SENDER_SURNAME, Field.SENDER_FULL_NAME,
                Field.SENDER_BIRTH_DATE, Field.SENDER_ID_TYPE, Field.SENDER_ID_NUMBER, Field.SENDER_PHONE,
                Field.SENDER_EMAIL, Field.SENDER_ADDRESS, Field.SENDER_POSTCODE, Field.SENDER_CITY, Field.SENDER_COUNTRY),
        RECIPIENT(Field.RECIPIENT_GIVEN_NAMES, Field.RECIPIENT_MIDDLE_NAME, Field.RECIPIENT_SURNAME,
                Field.RECIPIENT_FULL_NAME, Field.RECIPIENT_BIRTH_DATE, Field.RECIPIENT_ID_TYPE,
                Field.RECIPIENT_ID_NUMBER, Field.RECIPIENT_PHONE, Field.RECIPIENT_EMAIL, Field.RECIPIENT_ADDRESS,
                Field.RECIPIENT_POSTCODE, Field.RECIPIENT_CITY, Field.RECIPIENT_COUNTRY);

        final Field given, middle, surname, full, birth, idType, idNumber, phone, email, address, postcode, city, country;

        Side(Field given, Field middle, Field surname, Field full, Field birth, Field idType, Field idNumber,
                Field phone, Field email, Field address, Field postcode, Field city, Field country) {
            this.given = given;
            this.middle = middle;
            this.surname = surname;
            this.full = full;
            this.birth = birth;
            this.idType = idType;
            this.idNumber = idNumber;
            this.phone = phone;
            this.email = email;
            this.address = address;
            this.postcode = postcode;
            this.city = city;
            this.country = country;
        }
    }

    /** Counts, in {@code counts}, the values of a party read from a row that were kept as written but not used. */
    public void countSetAside(Party p, java.util.Map<ValueSetAside, Long> counts) {
        if (p.birthDate().isEmpty() && !p.birthDateRaw().isEmpty()) {
            values.birthDate(p.birthDateRaw()).setAside().ifPresent(why -> counts.merge(why, 1L, Long::sum));
        }
    }

    Party party(RawRow row, Side side, Optional<String> placeCountry) {
        String given = value(row, side.given);
        String middle = value(row, side.middle);
        String surname = value(row, side.surname);
        String full = value(row, side.full);
        String normalized = Text.clean(given + " " + middle + " " + surname);
        if (normalized.isEmpty()) normalized = Text.clean(full);
        String birthRaw = value(row, side.birth);
        String idNumber = value(row, side.idNumber);
        String phone = value(row, side.phone);
        String email = value(row, side.email);
        String country = value(row, side.country);
        Optional<String> countryCode = Countries.toAlpha2(country);
        return new Party(given, middle, surname, full, normalized, values.birthDate(birthRaw).date(), birthRaw,
                value(row, side.idType), idNumber, Identifiers.idNumber(idNumber), phone,
                Phones.toE164(phone, countryCode.or(() -> placeCountry)), Identifiers.email(email),
                value(row, side.address), value(row, side.postcode), value(row, side.city), country, countryCode);
    }

    private String required(RawRow row, Field field) throws RowProblem {
        String v = value(row, field);
        if (v.isEmpty()) throw new RowProblem(RejectReason.MISSING_VALUE, field.key() + " is empty");
        return v;
    }

    /** The field's text as written (trimmed); several columns are joined with a space; the constant when empty. */
    String value(RawRow row, Field field) {
        int[] idx = columns.get(field);
        String v = "";
        if (idx != null) {
            if (idx.length == 1) {
                v = idx[0] < 0 ? "" : row.field(idx[0]).strip();
            } else {
                List<String> parts = new ArrayList<>(idx.length);
                for (int i : idx) if (i >= 0 && !row.field(i).isBlank()) parts.add(row.field(i).strip());
                v = String.join(" ", parts);
            }
        }
        return v.isEmpty() ? profile.constants().getOrDefault(field, "") : v;
    }
}
