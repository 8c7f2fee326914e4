package org.piste.app.requests;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.piste.app.network.FtmExport;
import org.piste.app.network.FtmExport.FtmEntity;
import org.piste.app.requests.RequestAbroad.SubjectChoice;
import org.piste.app.requests.RequestAbroad.TransferChoice;
import org.piste.ingest.Hashing;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data package sent with a request: a zip of transfers.csv, subjects.csv, entities.ftm.json (FollowTheMoney)
 * and manifest.json (each file's SHA-256 and rows, and the kinds of personal data in it). Byte for byte the same
 * for the same selection (fixed entry times, sorted entries, nothing of when or by whom it was made), so a package
 * can be produced again and checked against the manifest kept. CSVs are RFC 4180 with ',' and '.' (an exchange
 * file for the addressee's tools, not a spreadsheet download).
 */
public final class RequestPackage {
    static final String TRANSFERS = "transfers.csv";
    static final String SUBJECTS = "subjects.csv";
    static final String FTM = "entities.ftm.json";
    static final String MANIFEST = "manifest.json";
    /** Any fixed time: the zip's bytes must not depend on when it was made. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestPackage() {}

    /** A file of the package: its name, SHA-256 and data rows. */
    public record FileEntry(String name, String sha256, int rows) {}

    /** The package made: the zip, its manifest (JSON) and the manifest's SHA-256, and what it holds. */
    public record Made(String number, byte[] zip, String manifest, String manifestSha256, List<String> recordIds,
            List<Long> transferIds, List<String> personalData) {
        public int subjects() {
            return recordIds.size();
        }

        public int transfers() {
            return transferIds.size();
        }
    }

    static Made build(RequestAbroad r, List<SubjectChoice> subjects, List<TransferChoice> transfers, List<FtmEntity> ftm) {
        Map<String, FtmEntity> persons = new TreeMap<>();
        ftm.stream().filter(e -> e.schema().equals("Person")).forEach(e -> persons.put(e.id(), e));
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> chosen = new HashSet<>(subjects.stream().map(SubjectChoice::entityId).toList());
        files.put(TRANSFERS, transfersCsv(transfers, chosen));
        files.put(SUBJECTS, subjectsCsv(subjects, persons));
        files.put(FTM, FtmExport.jsonLines(ftm).getBytes(StandardCharsets.UTF_8));
        List<String> kinds = personalData(subjects, transfers, persons.values());
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, Integer> rows = Map.of(TRANSFERS, transfers.size(), SUBJECTS, subjects.size(), FTM, ftm.size());
        files.forEach((name, bytes) -> entries.add(ordered("name", name, "sha256", Hashing.sha256(bytes), "rows", rows.get(name))));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("request", r.number());
        manifest.put("channel", r.channel().name());
        manifest.put("addressee", ordered("authority", r.authority(), "country", r.country()));
        manifest.put("subjects", subjects.size());
        manifest.put("transfers", transfers.size());
        manifest.put("personalData", kinds);
        manifest.put("files", entries);
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
        byte[] manifestBytes = json.getBytes(StandardCharsets.UTF_8);
        files.put(MANIFEST, manifestBytes);
        return new Made(r.number(), zip(files), json, Hashing.sha256(manifestBytes), subjects.stream().map(SubjectChoice::recordId)
                .toList(), transfers.stream().map(TransferChoice::id).toList(), kinds);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /**
     * A party who is no chosen subject keeps the name the operator recorded (what the authority asks about) but not
     * its Piste entity id: that id would link it to everything else Piste holds on it.
     */
    private static byte[] transfersCsv(List<TransferChoice> transfers, Set<String> chosen) {
        return csv(List.of("reference", "provider", "sent_at", "send_zone", "sent_amount", "sent_currency", "paid_amount",
                "paid_currency", "sender_as_recorded", "recipient_as_recorded", "sender_entity", "recipient_entity",
                "source_sha256", "source_line"), transfers.stream().map(t -> List.of(t.reference(), t.provider(),
                t.sentAt().atZone(ZoneId.of(t.sendZone())).toOffsetDateTime().toString(), t.sendZone(),
                t.sentAmount().toPlainString(), t.sentCurrency(), t.paidAmount().map(BigDecimal::toPlainString).orElse(""),
                t.paidCurrency().orElse(""), t.sender(), t.recipient(), chosen.contains(t.senderEntity()) ? t.senderEntity() : "",
                chosen.contains(t.recipientEntity()) ? t.recipientEntity() : "", t.sha256(),
                Long.toString(t.line()))).toList());
    }

    /** The identity values are the FtM person's: one source for both files (only what the chosen transfers wrote). */
    private static byte[] subjectsCsv(List<SubjectChoice> subjects, Map<String, FtmEntity> persons) {
        List<String> properties = List.of("alias", "birthDate", "idNumber", "phone", "email", "address");
        List<String> header = new ArrayList<>(List.of("record_id", "entity", "kind", "name"));
        header.addAll(properties);
        return csv(header, subjects.stream().map(s -> {
            FtmEntity p = persons.get(FtmExport.entityId(s.entityId()));
            List<String> row = new ArrayList<>(List.of(s.recordId(), s.entityId(), s.kind(), s.label()));
            for (String property : properties) {
                row.add(p == null ? "" : String.join(" | ", p.properties().getOrDefault(property, List.of())));
            }
            return (List<String>) row;
        }).toList());
    }

    /** What kinds of personal data leave: said in the manifest and in the audit trail. */
    private static List<String> personalData(List<SubjectChoice> subjects, List<TransferChoice> transfers,
            java.util.Collection<FtmEntity> persons) {
        List<String> kinds = new ArrayList<>();
        if (!subjects.isEmpty() || !transfers.isEmpty()) kinds.add("names");
        Map<String, String> byProperty = new LinkedHashMap<>();
        byProperty.put("birthDate", "birth dates");
        byProperty.put("idNumber", "identity document numbers");
        byProperty.put("phone", "phone numbers");
        byProperty.put("email", "email addresses");
        byProperty.put("address", "postal addresses");
        byProperty.forEach((property, kind) -> {
            if (persons.stream().anyMatch(p -> p.properties().containsKey(property))) kinds.add(kind);
        });
        if (!transfers.isEmpty()) kinds.add("transfers (dates, amounts, counterparties as recorded)");
        return List.copyOf(kinds);
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord(header);
            for (List<String> row : rows) csv.writeRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
