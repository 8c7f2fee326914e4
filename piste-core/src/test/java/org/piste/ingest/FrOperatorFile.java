package org.piste.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic files in the French operator's export layout (see profiles/fr-operator.yaml):
 * ';' separated, CRLF, windows-1252 unless told otherwise. Remembers the physical line on which every
 * record after the header starts, computed from the text written, so tests can check the importer's lines.
 * Shared with piste-app's tests through piste-core's test jar.
 */
public final class FrOperatorFile {
    /** The operator's header: the built-in profile's column names (one definition of the layout). */
    public static final List<String> HEADER = Profiles.load("fr-operator").columns().entrySet().stream()
            .sorted(Map.Entry.comparingByKey()) // canonical field order
            .map(e -> e.getValue().get(0).header()).toList();

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final String PROVIDER = "OPERATEUR-TEST";

    private final List<String> header;
    private final StringBuilder text = new StringBuilder();
    private final List<Long> recordLines = new ArrayList<>();
    private final Map<Long, String> records = new LinkedHashMap<>();
    private long nextLine;
    private boolean finalNewline = true;

    public FrOperatorFile() {
        this(HEADER);
    }

    public FrOperatorFile(List<String> header) {
        this.header = List.copyOf(header);
        text.append(join(header)).append("\r\n");
        nextLine = 2;
    }

    /**
     * A complete, valid transfer: sent from Lyon on 15/01/2024 23:30 (Paris), paid in Quezon City on
     * 16/01/2024 07:00 (written in Paris time). All people are invented.
     */
    public static Map<String, String> transfer(String mtcn) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : HEADER) row.put(h, "");
        row.put("MTCN", mtcn);
        row.put("Statut", "PAYE");
        row.put("Canal", "AGENCE");
        row.put("Date envoi", "15/01/2024");
        row.put("Heure envoi", "23:30");
        row.put("Ville envoi", "Lyon");
        row.put("Agence envoi", "AG-LYON-07");
        row.put("Date paiement", "16/01/2024");
        row.put("Heure paiement", "07:00");
        row.put("Pays paiement", "Philippines");
        row.put("Ville paiement", "Quezon City");
        row.put("Agence paiement", "PH-QC-112");
        row.put("Montant envoyé", "1.234,56");
        row.put("Devise envoi", "EUR");
        row.put("Frais", "12,50");
        row.put("Taux de change", "61,2345");
        row.put("Montant payé", "75.597,26");
        row.put("Devise paiement", "PHP");
        row.put("Motif", "Aide familiale");
        row.put("Nom expéditeur", "MARTIN");
        row.put("Prénom expéditeur", "Jean-Pierre");
        row.put("Date naissance expéditeur", "12/03/1985");
        row.put("Type pièce expéditeur", "Passeport");
        row.put("N° pièce expéditeur", "19AB 12345");
        row.put("Téléphone expéditeur", "06 12 34 56 78");
        row.put("Email expéditeur", "JP.Martin@Example.org");
        row.put("Adresse expéditeur", "12 rue des Lilas");
        row.put("Ville expéditeur", "Lyon");
        row.put("Pays expéditeur", "France");
        row.put("Nom bénéficiaire", "DELA CRUZ");
        row.put("Prénom bénéficiaire", "Maria");
        row.put("Type pièce bénéficiaire", "UMID");
        row.put("N° pièce bénéficiaire", "0111-2222333-4");
        row.put("Téléphone bénéficiaire", "0917 123 4567");
        row.put("Ville bénéficiaire", "Quezon City");
        return row;
    }

    /** A transfer with some values replaced. */
    public static Map<String, String> transfer(String mtcn, Map<String, String> changes) {
        Map<String, String> row = transfer(mtcn);
        changes.forEach((k, v) -> {
            if (!row.containsKey(k)) throw new IllegalArgumentException("not a column of the layout: " + k);
            row.put(k, v);
        });
        return row;
    }

    /** Appends a record with the values in the header's order; a column not in the map is left empty. */
    public FrOperatorFile row(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!header.contains(k)) throw new IllegalArgumentException("not a column of this header: " + k);
        }
        List<String> fields = new ArrayList<>(header.size());
        for (String h : header) fields.add(values.getOrDefault(h, ""));
        return raw(join(fields));
    }

    /** Appends a record written exactly as given (it may span several lines inside quotes). */
    public FrOperatorFile raw(String record) {
        recordLines.add(nextLine);
        records.put(nextLine, record);
        nextLine += record.chars().filter(c -> c == '\n').count() + 1;
        text.append(record).append("\r\n");
        return this;
    }

    /** The last record ends without a line break, as in a truncated file. */
    public FrOperatorFile withoutFinalNewline() {
        finalNewline = false;
        return this;
    }

    /** The physical lines on which the records after the header start. */
    public List<Long> recordLines() {
        return List.copyOf(recordLines);
    }

    /** The line on which the last record appended starts. */
    public long lastLine() {
        return recordLines.get(recordLines.size() - 1);
    }

    /** Record text by the physical line it starts on. */
    public Map<Long, String> records() {
        return Map.copyOf(records);
    }

    public String text() {
        String t = text.toString();
        return finalNewline ? t : t.substring(0, t.length() - 2);
    }

    public Path write(Path file) {
        return write(file, WINDOWS_1252);
    }

    public Path write(Path file, Charset charset) {
        try {
            Files.write(file, text().getBytes(charset));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV line for these fields: quoted only when a field holds the separator, a quote or a line break. */
    public static String join(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(';');
            String f = fields.get(i);
            if (f.indexOf(';') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.toString();
    }
}
