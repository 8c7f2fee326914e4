package org.piste.app.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Database;
import org.piste.ingest.RejectReason;
import org.piste.model.RowCounts;
import org.piste.model.SourceFile;

/** Reads imported sources and their rejected rows. */
public final class SourceRepository {
    private static final String SOURCE_COLUMNS = "id, sha256, original_name, received_on, provider, legal_reference, "
            + "profile, imported_at, rows_read, rows_accepted, rows_quarantined, rows_duplicate";

    private final Database database;
    private final AuditLog audit;

    public SourceRepository(Database database) {
        this.database = database;
        this.audit = new AuditLog(database.dataSource());
    }

    public Optional<SourceRecord> findBySha256(String sha256) {
        return one("SELECT " + SOURCE_COLUMNS + " FROM source_file WHERE sha256 = ?", sha256);
    }

    public Optional<SourceRecord> findById(long id) {
        return one("SELECT " + SOURCE_COLUMNS + " FROM source_file WHERE id = ?", id);
    }

    /** A source named by its id ("4", "#4") or by a prefix of at least 6 characters of its SHA-256. */
    public Optional<SourceRecord> find(String idOrSha) {
        String s = idOrSha.strip().replaceFirst("^#", "");
        if (s.matches("\\d{1,18}")) return findById(Long.parseLong(s));
        if (!s.matches("[0-9a-fA-F]{6,64}")) return Optional.empty();
        List<SourceRecord> found = list("SELECT " + SOURCE_COLUMNS + " FROM source_file WHERE sha256 LIKE ? ORDER BY id",
                s.toLowerCase(java.util.Locale.ROOT) + "%");
        if (found.size() > 1) throw new Refused("source.ambiguous", idOrSha, found.size());
        return found.stream().findFirst();
    }

    public List<SourceRecord> all() {
        return list("SELECT " + SOURCE_COLUMNS + " FROM source_file ORDER BY id");
    }

    /** Every imported file (names, providers, legal references), the view audited for the actor. */
    public List<SourceRecord> all(Actor actor) {
        List<SourceRecord> all = all();
        return audit.shown(actor, "import.view", "imports", all.size() + " sources", all);
    }

    /**
     * A stored rejected row. A duplicate names the stored transfer it repeats ({@code original}): the accepted row
     * of the same file ({@code duplicateOfLine}) or the row of an earlier file holding the same reference.
     */
    public record RejectedRow(long line, String kind, RejectReason reason, String detail, String reference,
            Optional<Long> duplicateOfLine, String rawText, Optional<Original> original) {}

    /** Where a stored transfer came from: its source and line. */
    public record Original(long sourceId, String sha256, long line) {}

    /**
     * Page {@code page} (from 1) of a source's rejected rows, the view audited for the actor: raw rows hold names,
     * documents and phone numbers.
     */
    public List<RejectedRow> rejections(Actor actor, long sourceId, boolean includeDuplicates, int page, int pageSize) {
        List<RejectedRow> rows = rejections(sourceId, includeDuplicates, (long) (page - 1) * pageSize, pageSize);
        return audit.shown(actor, "quarantine.view", "source:" + sourceId, "page=" + page + " size=" + pageSize
                + " duplicates=" + includeDuplicates + " rows=" + rows.size(), rows);
    }

    /** A page of a source's rejected rows in line order (quarantined only, or with the duplicates too). */
    private List<RejectedRow> rejections(long sourceId, boolean includeDuplicates, long offset, int limit) {
        // The original of a duplicate from an earlier file is found by the source's provider and the reference
        // (unique per provider); within the file, by the line the importer recorded.
        String sql = "SELECT r.line_no, r.kind, r.reason, r.detail, r.reference, r.duplicate_of_line, r.raw_text, "
                + "o.source_id, os.sha256, o.line_no FROM row_rejection r JOIN source_file s ON s.id = r.source_id "
                + "LEFT JOIN LATERAL (SELECT t.source_id, t.line_no FROM transfer t WHERE r.kind = 'DUPLICATE' AND "
                + "((r.duplicate_of_line IS NOT NULL AND t.source_id = r.source_id AND t.line_no = r.duplicate_of_line) "
                + "OR (r.duplicate_of_line IS NULL AND t.provider = s.provider AND t.reference = r.reference "
                + "AND t.source_id <> r.source_id)) LIMIT 1) o ON true LEFT JOIN source_file os ON os.id = o.source_id "
                + "WHERE r.source_id = ?" + (includeDuplicates ? "" : " AND r.kind = 'QUARANTINED'")
                + " ORDER BY r.line_no OFFSET ? LIMIT ?";
        List<RejectedRow> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sourceId);
            ps.setLong(2, offset);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dup = rs.getLong(6);
                    Optional<Long> duplicateOf = rs.wasNull() ? Optional.empty() : Optional.of(dup);
                    long originalSource = rs.getLong(8);
                    Optional<Original> original = rs.wasNull() ? Optional.empty()
                            : Optional.of(new Original(originalSource, rs.getString(9), rs.getLong(10)));
                    rows.add(new RejectedRow(rs.getLong(1), rs.getString(2), RejectReason.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), duplicateOf, rs.getString(7), original));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rejected rows: " + e.getMessage(), e);
        }
        return rows;
    }

    /** How many rows {@link #rejections} pages through. */
    public long countRejections(long sourceId, boolean includeDuplicates) {
        return number("SELECT count(*) FROM row_rejection WHERE source_id = ?"
                + (includeDuplicates ? "" : " AND kind = 'QUARANTINED'"), sourceId);
    }

    /** All imports at a glance: files, rows by fate, and the last import's time (empty before the first). */
    public record Totals(long files, RowCounts rows, Optional<OffsetDateTime> lastImport) {}

    public Totals totals() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*), "
                + "coalesce(sum(rows_read), 0), coalesce(sum(rows_accepted), 0), coalesce(sum(rows_quarantined), 0), "
                + "coalesce(sum(rows_duplicate), 0), max(imported_at) FROM source_file"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Totals(rs.getLong(1), new RowCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                    Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count sources: " + e.getMessage(), e);
        }
    }

    private long number(String sql, Object... params) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
        }
    }

    private Optional<SourceRecord> one(String sql, Object param) {
        return list(sql, param).stream().findFirst();
    }

    private List<SourceRecord> list(String sql, Object... params) {
        List<SourceRecord> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceRecord(rs.getLong(1), new SourceFile(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(),
                            new RowCounts(rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sources: " + e.getMessage(), e);
        }
        return out;
    }
}
