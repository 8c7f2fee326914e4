package org.piste.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.piste.model.Channel;
import org.piste.model.Transfer;
import org.piste.model.TransferStatus;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.screen.TransferFact;

/**
 * One accepted transfer as a Spark row: its source row, its two party records exactly as the core builds them
 * ({@link PersonRecords#sender} and {@link PersonRecords#recipient}: the same ids and context as the application's), and
 * what screening reads of it. Core types are not serializable; this row is the wire and storage form between stages.
 * Amounts travel as decimal text (money is never a double).
 */
final class TransferRows {
    private TransferRows() {}

    /** The party record columns, in {@link PersonRecord}'s order; a side's columns carry its prefix. */
    private static final String[] PERSON = {"id", "given_names", "middle_name", "surname", "full_name", "birth_date",
            "id_number", "phone", "email", "address", "postcode", "city", "country", "agency", "counterpart"};
    static final int PERSON_FIELDS = PERSON.length;
    static final int SENDER = 3;
    static final int RECIPIENT = SENDER + PERSON_FIELDS;
    private static final int FACT = RECIPIENT + PERSON_FIELDS;

    static final StructType SCHEMA = schema();

    private static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(field("reference", DataTypes.StringType, false));
        f.add(field("source_sha256", DataTypes.StringType, false));
        f.add(field("source_line", DataTypes.LongType, false));
        for (String side : new String[] {"s_", "r_"}) for (String p : PERSON) f.add(field(side + p, DataTypes.StringType, false));
        f.add(field("sent_epoch_second", DataTypes.LongType, false));
        f.add(field("sent_nano", DataTypes.IntegerType, false));
        f.add(field("sender_zone", DataTypes.StringType, false));
        f.add(field("payout_epoch_second", DataTypes.LongType, true));
        f.add(field("payout_nano", DataTypes.IntegerType, true));
        f.add(field("sent_amount", DataTypes.StringType, false));
        f.add(field("sent_currency", DataTypes.StringType, false));
        f.add(field("paid_amount", DataTypes.StringType, true));
        for (String s : new String[] {"paid_currency", "status", "channel", "send_agency", "purpose", "sender_id_number",
                "sender_phone", "sender_email", "sender_address", "sender_surname", "sender_middle_name", "recipient_surname",
                "recipient_middle_name"}) {
            f.add(field(s, DataTypes.StringType, false));
        }
        return DataTypes.createStructType(f);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    static Row of(Transfer t) {
        List<Object> v = new ArrayList<>(SCHEMA.size());
        v.add(t.reference());
        v.add(t.source().sourceSha256());
        v.add(t.source().line());
        addPerson(v, PersonRecords.sender(t.reference(), t));
        addPerson(v, PersonRecords.recipient(t.reference(), t));
        v.add(t.sendInstant().getEpochSecond());
        v.add(t.sendInstant().getNano());
        v.add(t.sendZone().getId());
        v.add(t.payoutInstant().map(Instant::getEpochSecond).orElse(null));
        v.add(t.payoutInstant().map(Instant::getNano).orElse(null));
        v.add(t.sent().amount().toPlainString());
        v.add(t.sent().currency().getCurrencyCode());
        v.add(t.paid().map(m -> m.amount().toPlainString()).orElse(null));
        v.add(t.paid().map(m -> m.currency().getCurrencyCode()).orElse(""));
        v.add(t.status().name());
        v.add(t.channel().name());
        v.add(t.sendPlace().agency());
        v.add(t.purpose());
        v.add(t.sender().idNumberNormalized());
        v.add(t.sender().phoneE164().orElse(t.sender().phone()));
        v.add(t.sender().email());
        v.add(t.sender().address());
        v.add(t.sender().surname());
        v.add(t.sender().middleName());
        v.add(t.recipient().surname());
        v.add(t.recipient().middleName());
        return RowFactory.create(v.toArray());
    }

    private static void addPerson(List<Object> v, PersonRecord r) {
        for (String s : toArray(r)) v.add(s);
    }

    /** A party record as text (the date of birth ISO, or empty): what the resolution stages ship between machines. */
    static String[] toArray(PersonRecord r) {
        return new String[] {r.id(), r.givenNames(), r.middleName(), r.surname(), r.fullName(),
                r.birthDate().map(LocalDate::toString).orElse(""), r.idNumber(), r.phone(), r.email(), r.address(),
                r.postcode(), r.city(), r.country(), r.agency(), r.counterpart()};
    }

    static PersonRecord fromArray(String[] a) {
        return new PersonRecord(a[0], a[1], a[2], a[3], a[4], a[5].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(a[5])),
                a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14]);
    }

    /** The sender's (side 0) or the recipient's (side 1) record of a row, as text. */
    static String[] person(Row row, int side) {
        int from = side == 0 ? SENDER : RECIPIENT;
        String[] a = new String[PERSON_FIELDS];
        for (int k = 0; k < PERSON_FIELDS; k++) a[k] = row.getString(from + k);
        return a;
    }

    static String reference(Row row) {
        return row.getString(0);
    }

    static String senderId(Row row) {
        return row.getString(SENDER);
    }

    static String recipientId(Row row) {
        return row.getString(RECIPIENT);
    }

    /** What screening reads of the transfer, with its parties' entities. */
    static TransferFact fact(Row row, String senderEntity, String recipientEntity) {
        int k = FACT;
        Instant sent = Instant.ofEpochSecond(row.getLong(k), row.getInt(k + 1));
        ZoneId zone = ZoneId.of(row.getString(k + 2));
        Optional<Instant> payout = row.isNullAt(k + 3) ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(row.getLong(k + 3), row.getInt(k + 4)));
        BigDecimal sentAmount = new BigDecimal(row.getString(k + 5));
        String sentCurrency = row.getString(k + 6);
        Optional<BigDecimal> paid = row.isNullAt(k + 7) ? Optional.empty() : Optional.of(new BigDecimal(row.getString(k + 7)));
        return new TransferFact(reference(row), senderEntity, recipientEntity, sent, zone, payout, sentAmount, sentCurrency, paid,
                row.getString(k + 8), TransferStatus.valueOf(row.getString(k + 9)), Channel.valueOf(row.getString(k + 10)),
                row.getString(k + 11), row.getString(k + 12), row.getString(k + 13), row.getString(k + 14),
                row.getString(k + 15), row.getString(k + 16), row.getString(k + 17), row.getString(k + 18),
                row.getString(k + 19), row.getString(k + 20));
    }
}
