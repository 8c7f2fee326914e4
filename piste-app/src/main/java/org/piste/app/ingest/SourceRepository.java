package org.piste.app.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.store.Database;
import org.piste.ingest.RejectReason;
import org.piste.model.RowCounts;
import org.piste.model.SourceFile;

/** Reads imported sources and their rejected rows. */
public final class SourceRepository {
    private static final String SOURCE_COLUMNS = "id, sha256, original_name, received_on, provider, legal_reference, "
            + "profile, imported_at, rows_read, rows_accepted, rows_quarantined, rows_duplicate";

    private final Database database;

    public SourceRepository(Database database) {
        this.database = database;
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
        if (found.size() > 1) throw new IllegalArgumentException("'" + idOrSha + "' matches " + found.size() + " sources: give more of the SHA-256");
        return found.stream().findFirst();
    }

    public List<SourceRecord> all() {
        return list("SELECT " + SOURCE_COLUMNS + " FROM source_file ORDER BY id");
    }

    /** A stored rejected row. */
    public record RejectedRow(long line, String kind, RejectReason reason, String detail, String reference,
            Optional<Long> duplicateOfLine, String rawText) {}

    public List<RejectedRow> rejections(long sourceId, boolean includeDuplicates, int limit) {
        String sql = "SELECT line_no, kind, reason, detail, reference, duplicate_of_line, raw_text FROM row_rejection "
                + "WHERE source_id = ?" + (includeDuplicates ? "" : " AND kind = 'QUARANTINED'") + " ORDER BY line_no LIMIT ?";
        List<RejectedRow> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sourceId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dup = rs.getLong(6);
                    rows.add(new RejectedRow(rs.getLong(1), rs.getString(2), RejectReason.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.wasNull() ? Optional.empty() : Optional.of(dup),
                            rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rejected rows: " + e.getMessage(), e);
        }
        return rows;
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
