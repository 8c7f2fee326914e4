package org.piste.sim;

import de.siegmar.fastcsv.writer.LineDelimiter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.ingest.Field;

/** Piste's canonical CSV: UTF-8, comma, ISO-8601 date-times with their offset and zone, decimal point. */
final class CanonicalLayout implements Layout {
    private static final String[] HEADER = Field.canonicalHeader();
    private static final List<String> KEYS = Arrays.asList(HEADER);

    private final String provider;

    CanonicalLayout(String provider) {
        this.provider = provider;
    }

    private static int col(Field f) {
        int i = KEYS.indexOf(f.key());
        if (i < 0) throw new IllegalStateException("no canonical column " + f.key());
        return i;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public LineDelimiter lineDelimiter() {
        return LineDelimiter.LF;
    }

    @Override
    public String[] header() {
        return HEADER.clone();
    }

    @Override
    public String[] row(String reference, Txn t) {
        String[] f = new String[HEADER.length];
        put(f, Field.PROVIDER, provider);
        put(f, Field.REFERENCE, reference);
        put(f, Field.STATUS, t.status().name());
        put(f, Field.CHANNEL, t.channel().name());
        put(f, Field.SEND_DATETIME, Fmt.isoOffset(t.send(), World.PARIS));
        put(f, Field.SEND_ZONE, World.PARIS.getId());
        put(f, Field.SEND_COUNTRY, "FR");
        put(f, Field.SEND_CITY, t.sendAgency().isEmpty() ? "" : t.sendCity());
        put(f, Field.SEND_AGENCY, t.sendAgency());
        put(f, Field.PAYOUT_DATETIME, t.payout().map(p -> Fmt.isoOffset(p, World.MANILA)).orElse(""));
        put(f, Field.PAYOUT_ZONE, World.MANILA.getId());
        put(f, Field.PAYOUT_COUNTRY, "PH");
        put(f, Field.PAYOUT_CITY, t.payoutCity());
        put(f, Field.PAYOUT_AGENCY, t.payoutAgency());
        put(f, Field.SENT_AMOUNT, Fmt.cents(t.sentCents(), '.', (char) 0));
        put(f, Field.SENT_CURRENCY, "EUR");
        put(f, Field.FEE_AMOUNT, Fmt.cents(t.feeCents(), '.', (char) 0));
        put(f, Field.FEE_CURRENCY, "EUR");
        put(f, Field.RATE, Fmt.rate(t.rate4(), '.'));
        put(f, Field.PAID_AMOUNT, Fmt.cents(t.paidCents(), '.', (char) 0));
        put(f, Field.PAID_CURRENCY, "PHP");
        put(f, Field.PURPOSE, t.purpose());
        Written s = t.senderText(), r = t.recipientText();
        put(f, Field.SENDER_GIVEN_NAMES, s.given());
        put(f, Field.SENDER_MIDDLE_NAME, s.middle());
        put(f, Field.SENDER_SURNAME, s.surname());
        put(f, Field.SENDER_FULL_NAME, "");
        put(f, Field.SENDER_BIRTH_DATE, s.birth().map(WrittenDate::iso).orElse(""));
        put(f, Field.SENDER_ID_TYPE, s.idType());
        put(f, Field.SENDER_ID_NUMBER, s.idNumber());
        put(f, Field.SENDER_PHONE, s.phone());
        put(f, Field.SENDER_EMAIL, t.channel() == org.piste.model.Channel.AGENCY ? "" : s.email());
        put(f, Field.SENDER_ADDRESS, s.address());
        put(f, Field.SENDER_CITY, s.city());
        put(f, Field.SENDER_COUNTRY, "FR");
        put(f, Field.RECIPIENT_GIVEN_NAMES, r.given());
        put(f, Field.RECIPIENT_MIDDLE_NAME, r.middle());
        put(f, Field.RECIPIENT_SURNAME, r.surname());
        put(f, Field.RECIPIENT_FULL_NAME, "");
        put(f, Field.RECIPIENT_BIRTH_DATE, r.birth().map(WrittenDate::iso).orElse(""));
        put(f, Field.RECIPIENT_ID_TYPE, r.idType());
        put(f, Field.RECIPIENT_ID_NUMBER, r.idNumber());
        put(f, Field.RECIPIENT_PHONE, r.phone());
        put(f, Field.RECIPIENT_EMAIL, r.email());
        put(f, Field.RECIPIENT_ADDRESS, r.address());
        put(f, Field.RECIPIENT_CITY, r.city());
        put(f, Field.RECIPIENT_COUNTRY, "PH");
        return f;
    }

    private static final int[] INDEX = new int[Field.values().length];

    static {
        Arrays.fill(INDEX, -1);
        for (Field field : Field.values()) INDEX[field.ordinal()] = KEYS.indexOf(field.key());
    }

    private static void put(String[] f, Field field, String value) {
        f[INDEX[field.ordinal()]] = value;
    }

    @Override
    public int referenceColumn() {
        return col(Field.REFERENCE);
    }

    @Override
    public int sendDateColumn() {
        return col(Field.SEND_DATETIME);
    }

    @Override
    public int sentAmountColumn() {
        return col(Field.SENT_AMOUNT);
    }

    @Override
    public int sentCurrencyColumn() {
        return col(Field.SENT_CURRENCY);
    }

    @Override
    public int statusColumn() {
        return col(Field.STATUS);
    }

    @Override
    public String badDate(SplittableRandom r, Txn t) {
        LocalDateTime local = LocalDateTime.ofInstant(t.send(), World.PARIS);
        LocalDate d = local.toLocalDate();
        return switch (r.nextInt(3)) {
            case 0 -> {
                String stamp = Fmt.isoOffset(t.send(), World.PARIS); // the day of month becomes 32
                yield stamp.substring(0, 8) + "32" + stamp.substring(10);
            }
            case 1 -> Fmt.frenchDate(d) + " " + Fmt.time(local);
            default -> Fmt.isoDate(d).replace('-', '/') + "T" + Fmt.time(local);
        };
    }

    @Override
    public String badAmount(SplittableRandom r, long cents) {
        return r.nextBoolean() ? Fmt.cents(cents, ',', (char) 0) : Fmt.cents(cents, '.', (char) 0) + " EUR";
    }

    @Override
    public String badStatus(SplittableRandom r) {
        return Draw.pick(r, new String[] {"DONE", "OK", "COMPLETED"});
    }
}
