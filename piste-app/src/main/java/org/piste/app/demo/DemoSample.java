package org.piste.app.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.piste.ingest.Field;
import org.piste.ingest.MappingProfile;
import org.piste.ingest.Profiles;

/**
 * A tiny, fixed sample in the French operator layout (synthetic people), with a few bad rows and a
 * duplicate so the demo shows quarantine. Byte-identical on every run.
 */
public final class DemoSample {
    private static final String[][] SENDERS = {
        {"Jean-Pierre", "MARTIN", "Lyon", "+33 6 12 34 56 78"},
        {"Maria Luz", "DELA CRUZ", "Paris", "06 23 45 67 89"},
        {"Nicolas", "BERNARD", "Lille", "0634567890"},
        {"Rowena", "SANTOS", "Nanterre", "06 45 67 89 01"},
    };
    private static final String[][] RECIPIENTS = {
        {"Analyn", "REYES", "Cebu City", "0917 123 4567"},
        {"Josefina", "DELA CRUZ", "Quezon City", "0918 234 5678"},
        {"Mark Anthony", "GARCIA", "Davao City", "0919 345 6789"},
    };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private DemoSample() {}

    /** Writes the sample and returns how many data rows it has. */
    public static int write(Path file) throws IOException {
        MappingProfile profile = Profiles.load("fr-operator");
        List<Field> fields = new ArrayList<>(profile.columns().keySet());
        SplittableRandom random = new SplittableRandom(20240115);
        Files.createDirectories(file.toAbsolutePath().getParent());
        int rows = 0;
        try (Writer out = Files.newBufferedWriter(file, Charset.forName("windows-1252"));
             CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(fields.stream().map(f -> profile.columns().get(f).get(0).header()).toList());
            LocalDateTime sent = LocalDateTime.of(2024, 1, 3, 9, 0);
            for (int i = 0; i < 60; i++) {
                sent = sent.plusHours(5 + random.nextInt(40)).withMinute(random.nextInt(60)).withSecond(random.nextInt(60));
                String[] s = SENDERS[random.nextInt(SENDERS.length)];
                String[] r = RECIPIENTS[random.nextInt(RECIPIENTS.length)];
                int cents = 1500 + random.nextInt(30000);
                Map<Field, String> v = new EnumMap<>(Field.class);
                v.put(Field.REFERENCE, String.valueOf(7_300_000_000L + i * 7919L));
                v.put(Field.STATUS, random.nextInt(20) == 0 ? "ANNULE" : "PAYE");
                v.put(Field.CHANNEL, random.nextBoolean() ? "AGENCE" : "INTERNET");
                v.put(Field.SEND_DATE, DAY.format(sent));
                v.put(Field.SEND_TIME, TIME.format(sent));
                v.put(Field.SEND_CITY, s[2]);
                v.put(Field.SEND_AGENCY, "AG-" + (100 + random.nextInt(5)));
                LocalDateTime paid = sent.plusMinutes(20 + random.nextInt(600));
                v.put(Field.PAYOUT_DATE, DAY.format(paid));
                v.put(Field.PAYOUT_TIME, TIME.format(paid));
                v.put(Field.PAYOUT_COUNTRY, "Philippines");
                v.put(Field.PAYOUT_CITY, r[2]);
                v.put(Field.SENT_AMOUNT, String.format("%d,%02d", cents / 100, cents % 100));
                v.put(Field.SENT_CURRENCY, "EUR");
                v.put(Field.FEE_AMOUNT, "4,90");
                v.put(Field.RATE, "61,1250");
                v.put(Field.PAID_AMOUNT, String.format("%d,%02d", cents * 611250L / 1_000_000, 0));
                v.put(Field.PAID_CURRENCY, "PHP");
                v.put(Field.PURPOSE, random.nextBoolean() ? "AIDE FAMILIALE" : "");
                v.put(Field.SENDER_SURNAME, s[1]);
                v.put(Field.SENDER_GIVEN_NAMES, s[0]);
                v.put(Field.SENDER_ID_TYPE, "CNI");
                v.put(Field.SENDER_ID_NUMBER, "X" + (40000 + s[1].length() * 97));
                v.put(Field.SENDER_PHONE, s[3]);
                v.put(Field.SENDER_CITY, s[2]);
                v.put(Field.SENDER_COUNTRY, "France");
                v.put(Field.RECIPIENT_SURNAME, r[1]);
                v.put(Field.RECIPIENT_GIVEN_NAMES, r[0]);
                v.put(Field.RECIPIENT_ID_TYPE, "UMID");
                v.put(Field.RECIPIENT_ID_NUMBER, "CRN-0111-" + (2000 + r[0].length()));
                v.put(Field.RECIPIENT_PHONE, r[3]);
                v.put(Field.RECIPIENT_CITY, r[2]);
                v.put(Field.RECIPIENT_COUNTRY, "");
                if (i == 17) v.put(Field.SEND_DATE, "31/02/2024");
                if (i == 29) v.put(Field.SENT_AMOUNT, "-25,00");
                List<String> record = fields.stream().map(f -> v.getOrDefault(f, "")).toList();
                if (i == 41) record = record.subList(0, 12); // a truncated line
                csv.writeRecord(record);
                rows++;
                if (i == 50) {
                    csv.writeRecord(record); // the operator exported this transfer twice
                    rows++;
                }
            }
        }
        return rows;
    }
}
