package org.piste.app.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.piste.app.victims.CompensationService;
import org.piste.app.cases.CaseFile;
import org.piste.app.entities.EntityNames;
import org.piste.app.refusals.Refused;
import org.piste.app.report.ReportSnapshot.NeighbourLine;
import org.piste.app.report.ReportSnapshot.SourcePart;
import org.piste.app.report.ReportSnapshot.SubjectPart;
import org.piste.app.report.ReportSnapshot.TransferLine;
import org.piste.ingest.Hashing;
import org.piste.model.RecordId;
import org.piste.screen.Indicator;

/**
 * Builds, stores and reads back the frozen snapshots reports are rendered from. Building needs no access check of
 * its own: {@link ReportService} checks the case's need-to-know first, in the same transaction.
 */
public final class ReportSnapshots {
    private ReportSnapshots() {}

    /** A stored snapshot: its row and the record its content reads back as. */
    public record Stored(long id, long caseId, Optional<String> subject, Instant asOf, String madeBy, Instant madeAt,
            String sha256, ReportSnapshot snapshot) {}

    /** Instants as PostgreSQL keeps them (microseconds), so an as-of stored and read back is the same instant. */
    static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The snapshot of the case (or of one of its subjects) as of the timestamp, inside the caller's transaction. */
    static ReportSnapshot build(Connection c, CaseFile.Summary kase, List<CaseFile.Subject> subjects, String author,
            Optional<String> subject, Instant asOf) throws SQLException {
        Instant at = stored(asOf);
        // The subjects the case had at that time: one added later is not in a report as of before.
        List<CaseFile.Subject> then = subjects.stream().filter(s -> !s.addedAt().isAfter(at)).toList();
        List<CaseFile.Subject> chosen = subject.isEmpty() ? then : then.stream()
                .filter(s -> s.recordId().equals(subject.get())).toList();
        if (chosen.isEmpty() && subject.isPresent()) throw new Refused("report.notASubject", subject.get());
        List<SubjectPart> parts = new ArrayList<>();
        for (CaseFile.Subject s : chosen) parts.add(subject(c, s, at));
        TreeSet<String> files = new TreeSet<>();
        for (SubjectPart p : parts) {
            p.transfers().forEach(t -> files.add(t.row().sha256()));
            p.variants().forEach(v -> v.rows().forEach(r -> files.add(r.sha256())));
        }
        List<SourcePart> sources = sources(c, files);
        List<String> legal = sources.stream().map(SourcePart::legalReference).distinct().sorted().toList();
        var header = new ReportSnapshot.Header(kase.id(), kase.reference(), kase.title(), kase.leadName(), author, at,
                legal, subject);
        return new ReportSnapshot(ReportSnapshot.FORMAT, header, parts, sources, method(c), compensation(c, kase.id(),
                subject.map(x -> parts.stream().map(SubjectPart::entityId).toList()), at));
    }

    /**
     * The compensation schedule as recorded by the timestamp: the whole case's, or for a one-subject report the rows
     * where that subject is the buyer. Amounts as decimal strings.
     */
    private static List<ReportSnapshot.CompensationLine> compensation(Connection c, long caseId,
            Optional<List<String>> buyers, Instant at) throws SQLException {
        return CompensationService.scheduleIn(c, caseId, at).stream()
                .filter(r -> buyers.isEmpty() || r.buyerEntity().filter(buyers.get()::contains).isPresent())
                .map(r -> new ReportSnapshot.CompensationLine(r.pseudonym(), r.buyerEntity().orElse(""),
                        r.buyerName().orElse(""), r.currency(), r.claimed().toPlainString(), r.awarded().toPlainString(),
                        r.paid().toPlainString(), r.outstanding().toPlainString()))
                .toList();
    }

    private static SubjectPart subject(Connection c, CaseFile.Subject s, Instant asOf) throws SQLException {
        RecordId record = RecordId.parse(s.recordId()).orElseThrow();
        String entity = s.entityId();
        List<TransferLine> transfers = SubjectReads.transfers(c, entity, record, asOf);
        String label = EntityNames.of(c, List.of(entity)).getOrDefault(entity, s.label());
        return new SubjectPart(s.recordId(), entity, s.kind().name(), label,
                SubjectReads.variants(c, entity, record, asOf), transfers,
                SubjectReads.screening(c, entity, record.side()), SubjectReads.decisions(c, entity, record, asOf),
                network(c, entity, transfers));
    }

    /**
     * The entities the subject sent to or received from, with count and total per currency, from its transfers
     * (so the network holds exactly the transfers the report lists). Biggest totals first within a side and currency.
     */
    static List<NeighbourLine> network(Connection c, String entity, List<TransferLine> transfers) throws SQLException {
        record Key(String side, String currency, String entity) {}
        Map<Key, BigDecimal> totals = new TreeMap<>(Comparator.comparing(Key::side).thenComparing(Key::currency)
                .thenComparing(Key::entity));
        Map<Key, Integer> counts = new TreeMap<>(Comparator.comparing(Key::side).thenComparing(Key::currency)
                .thenComparing(Key::entity));
        Map<String, String> written = new TreeMap<>();
        for (TransferLine t : transfers) {
            boolean sent = t.senderEntity().equals(entity);
            boolean received = t.recipientEntity().equals(entity);
            if (sent == received || !ReportTotals.moved(t)) continue; // to itself: no neighbour; no money: no flow
            Key k = sent ? new Key("SENT_TO", t.currency(), t.recipientEntity())
                    : new Key("RECEIVED_FROM", t.currency(), t.senderEntity());
            totals.merge(k, new BigDecimal(t.amount()), BigDecimal::add);
            counts.merge(k, 1, Integer::sum);
            written.putIfAbsent(k.entity(), sent ? t.recipientName() : t.senderName());
        }
        Map<String, String> names = EntityNames.shown(c, written.keySet());
        return totals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, BigDecimal> e) -> e.getKey().side())
                        .thenComparing(e -> e.getKey().currency())
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().entity()))
                .map(e -> new NeighbourLine(e.getKey().entity(), names.getOrDefault(e.getKey().entity(),
                        written.get(e.getKey().entity())), e.getKey().side(), counts.get(e.getKey()),
                        e.getValue().toPlainString(), e.getKey().currency()))
                .toList();
    }

    private static List<SourcePart> sources(Connection c, TreeSet<String> sha256s) throws SQLException {
        List<SourcePart> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT original_name, sha256, provider, legal_reference, "
                + "received_on, imported_at, rows_read, rows_accepted, rows_quarantined, rows_duplicate FROM source_file "
                + "WHERE sha256 = ANY (?) ORDER BY imported_at, id")) {
            ps.setArray(1, c.createArrayOf("text", sha256s.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourcePart(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
        }
        return out;
    }

    /** The current (latest) resolution run and its model, the current screening run and its rule set; 0 and "" if none. */
    private static ReportSnapshot.Method method(Connection c) throws SQLException {
        long resolution = 0;
        long screening = 0;
        String model = "";
        String rules = "";
        Instant resolved = Instant.EPOCH;
        Instant screened = Instant.EPOCH;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, m.version, r.finished_at FROM resolution_run r JOIN "
                + "match_model m ON m.id = r.model_id ORDER BY r.id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                resolution = rs.getLong(1);
                model = rs.getString(2);
                resolved = stored(rs.getObject(3, java.time.OffsetDateTime.class).toInstant());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_set_version, finished_at FROM screening_run "
                + "ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                screening = rs.getLong(1);
                rules = rs.getString(2);
                screened = stored(rs.getObject(3, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return new ReportSnapshot.Method(resolution, model, screening, rules,
                Arrays.stream(Indicator.values()).map(Indicator::key).toList(), resolved, screened);
    }

    /**
     * Stores the snapshot, or finds the one of this case already stored with the same content (same SHA-256): the
     * same snapshot is never stored twice, so re-asking gives the same id and the same PDF.
     */
    static Stored store(Connection c, ReportSnapshot s, String madeBy) throws SQLException {
        byte[] content = ReportJson.write(s);
        String sha = Hashing.sha256(content);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM report_snapshot WHERE case_id = ? AND "
                + "content_sha256 = ? ORDER BY id LIMIT 1")) {
            ps.setLong(1, s.header().caseId());
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return load(c, rs.getLong(1)).orElseThrow();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_snapshot (case_id, subject_record, as_of, "
                + "made_by, content, content_sha256, resolution_run, screening_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id")) {
            ps.setLong(1, s.header().caseId());
            ps.setString(2, s.header().subject().orElse(null));
            ps.setTimestamp(3, Timestamp.from(s.header().asOf()));
            ps.setString(4, madeBy);
            ps.setBytes(5, content);
            ps.setString(6, sha);
            ps.setObject(7, s.method().resolutionRun() == 0 ? null : s.method().resolutionRun());
            ps.setObject(8, s.method().screeningRun() == 0 ? null : s.method().screeningRun());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return load(c, rs.getLong(1)).orElseThrow();
            }
        }
    }

    /**
     * The snapshot stored under this id, read back from its canonical JSON. No access check and no audit: only for
     * {@link ReportService}, which checks the case and audits the issue, in the same transaction.
     */
    static Optional<Stored> load(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, subject_record, as_of, made_by, made_at, "
                + "content_sha256, content FROM report_snapshot WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Stored(id, rs.getLong(1), Optional.ofNullable(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                        ReportJson.read(rs.getBytes(7))));
            }
        }
    }
}
