package org.piste.sim;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: the intact rows of a run's transfers file by canonical field name, with their true persons. */
final class TransferRows {
    private TransferRows() {}

    /** The operator layout's headers under the canonical names the tests use. */
    private static final Map<String, String> OPERATOR = Map.ofEntries(Map.entry("MTCN", "reference"),
            Map.entry("Statut", "status"), Map.entry("Canal", "channel"), Map.entry("Ville paiement", "payout_city"),
            Map.entry("Agence paiement", "payout_agency"), Map.entry("Nom expéditeur", "sender_surname"),
            Map.entry("Prénom expéditeur", "sender_given_names"),
            Map.entry("Date naissance expéditeur", "sender_birth_date"),
            Map.entry("Téléphone expéditeur", "sender_phone"), Map.entry("Email expéditeur", "sender_email"),
            Map.entry("Adresse expéditeur", "sender_address"), Map.entry("Nom bénéficiaire", "recipient_surname"),
            Map.entry("Prénom bénéficiaire", "recipient_given_names"),
            Map.entry("Second prénom bénéficiaire", "recipient_middle_name"),
            Map.entry("Date naissance bénéficiaire", "recipient_birth_date"),
            Map.entry("Type pièce bénéficiaire", "recipient_id_type"),
            Map.entry("N° pièce bénéficiaire", "recipient_id_number"),
            Map.entry("Téléphone bénéficiaire", "recipient_phone"), Map.entry("Ville bénéficiaire", "recipient_city"));

    /** One intact row: its fields by canonical name ("" for a field the layout lacks). */
    record Row(long line, String senderId, String recipientId, Map<String, String> fields) {
        String get(String key) {
            return fields.getOrDefault(key, "");
        }

        boolean paid() {
            return get("status").equals("PAID") || get("status").equals("PAYE");
        }
    }

    /** Every row of the run in dir that is neither damaged nor a duplicate line, with its true sender and recipient. */
    static List<Row> intact(Path dir, Format format) {
        Map<Long, String[]> truth = new HashMap<>();
        for (List<String> t : Runs.truth(dir.resolve("truth/transfers.csv"))) {
            truth.put(Long.parseLong(t.get(1)), new String[] {t.get(2), t.get(3)});
        }
        Set<Long> bad = new HashSet<>();
        for (List<String> b : Runs.truth(dir.resolve("truth/bad_rows.csv"))) bad.add(Long.parseLong(b.get(0)));
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (CsvRecord rec : records(dir.resolve(format.fileName()), format)) {
            if (header == null) {
                header = new ArrayList<>();
                for (String h : rec.getFields()) header.add(format == Format.CANONICAL ? h : OPERATOR.getOrDefault(h, h));
                continue;
            }
            long line = rec.getStartingLineNumber();
            String[] who = truth.get(line);
            if (who == null || bad.contains(line)) continue;
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) fields.put(header.get(i), rec.getField(i));
            rows.add(new Row(line, who[0], who[1], fields));
        }
        return rows;
    }

    /** Every physical record of a transfers file, header and damaged lines included. */
    static List<CsvRecord> records(Path file, Format format) {
        Charset charset = Charset.forName(format == Format.CANONICAL ? "UTF-8" : "windows-1252");
        List<CsvRecord> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(format == Format.CANONICAL ? ',' : ';')
                .skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file, charset)) {
            reader.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A written date as {year, month, day}, whether or not it is a real date: yyyy-MM-dd or dd/MM/yyyy. */
    static int[] ymd(String text) {
        if (text.contains("/")) {
            String[] p = text.split("/");
            return new int[] {Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])};
        }
        String[] p = text.split("-");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    /** The truth's persons by id, each as its row: person_id, side, role, sex, given_names, middle_name, surname, birth_date, city, group_id. */
    static Map<String, List<String>> persons(Path dir) {
        Map<String, List<String>> persons = new HashMap<>();
        for (List<String> p : Runs.truth(dir.resolve("truth/persons.csv"))) persons.put(p.get(0), p);
        return persons;
    }
}
