package org.piste.app;

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
 * Writes synthetic exports in the French operator layout (profile fr-operator): ';', CRLF, windows-1252.
 * Remembers the physical line on which each record after the header starts and the text of each record,
 * so tests can check the stored provenance. Every person in it is invented.
 */
public final class OperatorExport {
    public static final List<String> HEADER = List.of(
            "MTCN", "Statut", "Canal", "Date envoi", "Heure envoi", "Ville envoi", "Agence envoi",
            "Date paiement", "Heure paiement", "Pays paiement", "Ville paiement", "Agence paiement",
            "Montant envoyé", "Devise envoi", "Frais", "Taux de change", "Montant payé", "Devise paiement", "Motif",
            "Nom expéditeur", "Prénom expéditeur", "Date naissance expéditeur", "Type pièce expéditeur",
            "N° pièce expéditeur", "Téléphone expéditeur", "Email expéditeur", "Adresse expéditeur",
            "Ville expéditeur", "Pays expéditeur",
            "Nom bénéficiaire", "Prénom bénéficiaire", "Second prénom bénéficiaire", "Date naissance bénéficiaire",
            "Type pièce bénéficiaire", "N° pièce bénéficiaire", "Téléphone bénéficiaire", "Ville bénéficiaire",
            "Pays bénéficiaire");

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final List<String> header;
    private final StringBuilder text = new StringBuilder();
    private final Map<Long, String> records = new LinkedHashMap<>();
    private long nextLine = 2;

    public OperatorExport() {
        this(HEADER);
    }

    public OperatorExport(List<String> header) {
        this.header = List.copyOf(header);
        text.append(join(header)).append("\r\n");
    }

    /**
     * A valid transfer sent from Lyon on 15/01/2024 at 23:30 Paris time, paid in Quezon City the next morning.
     * Invented people: sender Oriane FICTIVAL, recipient Lorna TESTADO.
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
        row.put("Nom expéditeur", "FICTIVAL");
        row.put("Prénom expéditeur", "Oriane");
        row.put("Date naissance expéditeur", "12/03/1985");
        row.put("Type pièce expéditeur", "Passeport");
        row.put("N° pièce expéditeur", "99ZZ 00001");
        row.put("Téléphone expéditeur", "06 00 00 00 01");
        row.put("Email expéditeur", "oriane.fictival@example.invalid");
        row.put("Adresse expéditeur", "1 rue Imaginaire");
        row.put("Ville expéditeur", "Lyon");
        row.put("Pays expéditeur", "France");
        row.put("Nom bénéficiaire", "TESTADO");
        row.put("Prénom bénéficiaire", "Lorna");
        row.put("Type pièce bénéficiaire", "UMID");
        row.put("N° pièce bénéficiaire", "0000-0000000-1");
        row.put("Téléphone bénéficiaire", "0917 000 0001");
        row.put("Ville bénéficiaire", "Quezon City");
        return row;
    }

    /** A valid transfer with some values replaced. */
    public static Map<String, String> transfer(String mtcn, Map<String, String> changes) {
        Map<String, String> row = transfer(mtcn);
        changes.forEach((k, v) -> {
            if (!row.containsKey(k)) throw new IllegalArgumentException("not a column of the layout: " + k);
            row.put(k, v);
        });
        return row;
    }

    /** Appends a record with the values in the header's order; returns the line it starts on. */
    public long row(Map<String, String> values) {
        List<String> fields = new ArrayList<>(header.size());
        for (String h : header) fields.add(values.getOrDefault(h, ""));
        return raw(join(fields));
    }

    /** Appends a record written exactly as given (it may span lines inside quotes); returns its first line. */
    public long raw(String record) {
        long line = nextLine;
        records.put(line, record);
        nextLine += record.chars().filter(c -> c == '\n').count() + 1;
        text.append(record).append("\r\n");
        return line;
    }

    /** Record text by the physical line it starts on. */
    public Map<Long, String> records() {
        return Map.copyOf(records);
    }

    public String text() {
        return text.toString();
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

    /** The CSV line for these fields: quoted only when a field holds ';', a quote or a line break. */
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
