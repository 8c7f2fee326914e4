package org.piste.app.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.piste.app.store.AdvisoryLocks;
import org.piste.app.store.BulkWrite;
import org.piste.app.store.CopyText;
import org.piste.app.store.Database;
import org.piste.ingest.Hashing;
import org.piste.ingest.ImportException;
import org.piste.ingest.Importer;
import org.piste.ingest.MappingProfile;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Transfer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports one file into PostgreSQL in a single transaction: the source row, every accepted transfer
 * (streamed with COPY while the file is still being read) and every rejected row commit together or not
 * at all. A file whose SHA-256 is already stored is not imported twice.
 */
public final class ImportService {
    private static final int FLUSH_CHARS = 1 << 16;

    private final Database database;
    private final SourceRepository sources;

    public ImportService(Database database) {
        this.database = database;
        this.sources = new SourceRepository(database);
    }

    /** Work done in the import's own transaction, after its rows are stored and before they commit. */
    public interface BeforeCommit {
        BeforeCommit NOTHING = (c, sourceId, sha256, result) -> {};

        void run(Connection c, long sourceId, String sha256, Importer.Result result) throws SQLException;
    }

    public ImportOutcome importFile(ImportRequest request, Importer.Progress progress) {
        return importFile(request, progress, BeforeCommit.NOTHING);
    }

    /** Imports; {@code beforeCommit} (the audit line of the change) commits with the rows or not at all. */
    public ImportOutcome importFile(ImportRequest request, Importer.Progress progress, BeforeCommit beforeCommit) {
        MappingProfile profile = Profiles.load(request.profile());
        if (request.encoding().isPresent()) profile = profile.withEncoding(request.encoding().get());
        if (!Files.isRegularFile(request.file())) throw new ImportException("no such file: " + request.file());
        String sha256 = Hashing.sha256(request.file());
        Optional<SourceRecord> existing = sources.findBySha256(sha256);
        if (existing.isPresent()) return new ImportOutcome.AlreadyImported(existing.get());

        try (StoredReferenceCache stored = new StoredReferenceCache(database)) {
            Importer importer = new Importer(profile, request.provider(), stored);
            if (request.dryRun()) {
                Importer.Result result = importer.run(request.file(), sha256, new CountingSink(), progress);
                return new ImportOutcome.DryRun(sha256, result);
            }
            return store(request, profile, sha256, importer, stored, progress, beforeCommit);
        } catch (SQLException e) {
            throw new IllegalStateException("database error during import: " + e.getMessage(), e);
        }
    }

    /**
     * A bulk load locks the transfers until it commits, and its audit line then takes the audit trail's lock: an
     * audited action reading transfers (a case's evidence) would hold that lock while waiting for the transfers, a
     * deadlock the import would lose. The import takes the audit trail's lock first: audited actions wait instead.
     */
    private static List<BulkWrite.SetAside> setAsideForBulkLoad(Connection c, StoredReferenceCache stored) throws SQLException {
        try (java.sql.Statement lock = c.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + AdvisoryLocks.AUDIT_CHAIN + ")");
        }
        stored.loadAll(); // the cache reads on a connection of its own: not once the table is locked
        return List.of(BulkWrite.setAside(c, "transfer"));
    }

    private ImportOutcome store(ImportRequest request, MappingProfile profile, String sha256, Importer importer,
            StoredReferenceCache stored, Importer.Progress progress, BeforeCommit beforeCommit) throws SQLException {
        Path rejected = null;
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                try (java.sql.Statement lock = c.createStatement()) { // a resolution reading now knows a file is half-stored
                    lock.execute("SELECT pg_advisory_xact_lock_shared(" + AdvisoryLocks.IMPORTS + ")");
                }
                String provider = !request.provider().isBlank() ? request.provider().strip() : profile.provider();
                long sourceId = insertSource(c, request, profile.name(), sha256, provider);
                List<BulkWrite.SetAside> setAside = request.bulkLoad() ? setAsideForBulkLoad(c, stored) : List.of();
                rejected = Files.createTempFile("piste-rejected-", ".copy");
                Importer.Result result;
                long storedTransfers, storedRejections;
                try (BufferedWriter rejectedOut = Files.newBufferedWriter(rejected, StandardCharsets.UTF_8)) {
                    CopySink sink = new CopySink(c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY transfer (" + TransferColumns.LIST + ") FROM STDIN"), sourceId, rejectedOut);
                    try {
                        result = importer.run(request.file(), sha256, sink, progress);
                        storedTransfers = sink.finish();
                    } finally {
                        sink.cancelIfActive();
                    }
                }
                try (Reader in = Files.newBufferedReader(rejected, StandardCharsets.UTF_8)) {
                    storedRejections = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY row_rejection (source_id, line_no, kind, reason, "
                            + "detail, reference, duplicate_of_line, raw_text) FROM STDIN", in);
                }
                BulkWrite.rebuild(c, setAside);
                updateCounts(c, sourceId, result, storedTransfers, storedRejections);
                beforeCommit.run(c, sourceId, sha256, result);
                c.commit();
                return new ImportOutcome.Imported(sources.findById(sourceId).orElseThrow(), result);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && "23505".equals(sql.getSQLState())
                        && sources.findBySha256(sha256).isPresent()) {
                    return new ImportOutcome.AlreadyImported(sources.findBySha256(sha256).get());
                }
                if (e instanceof IOException io) throw new UncheckedIOException(io);
                if (e instanceof SQLException sql) throw sql;
                throw (RuntimeException) e;
            }
        } finally {
            if (rejected != null) {
                try {
                    Files.deleteIfExists(rejected);
                } catch (IOException ignored) {
                    // a temporary file in the system's temp directory; nothing depends on it
                }
            }
        }
    }

    private static long insertSource(Connection c, ImportRequest request, String profileName, String sha256,
            String provider) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_file (sha256, original_name, received_on, "
                + "provider, legal_reference, profile) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, sha256);
            ps.setString(2, request.file().getFileName().toString());
            ps.setObject(3, request.receivedOn().orElse(LocalDate.now()));
            ps.setString(4, provider);
            ps.setString(5, request.legalReference());
            ps.setString(6, profileName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Records the counts, and checks them against the rows PostgreSQL says its two COPYs stored (their command tags):
     * the source is new to this transaction, so these are all its rows (counting them again would scan the table).
     */
    private static void updateCounts(Connection c, long sourceId, Importer.Result result, long transfers, long rejections)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE source_file SET rows_read = ?, rows_accepted = ?, "
                + "rows_quarantined = ?, rows_duplicate = ?, imported_at = now() WHERE id = ?")) {
            ps.setLong(1, result.counts().read());
            ps.setLong(2, result.counts().accepted());
            ps.setLong(3, result.counts().quarantined());
            ps.setLong(4, result.counts().duplicates());
            ps.setLong(5, sourceId);
            ps.executeUpdate();
        }
        reconcile(result.counts(), transfers, rejections);
    }

    /** The stored rows must match the counts: a mismatch means a row was lost, and nothing is committed. */
    static void reconcile(org.piste.model.RowCounts counts, long transfers, long rejections) {
        if (transfers != counts.accepted() || rejections != counts.quarantined() + counts.duplicates()) {
            throw new IllegalStateException("stored rows do not reconcile with the rows read (" + transfers
                    + " transfers, " + rejections + " rejections for " + counts + "): import rolled back");
        }
    }

    /** Streams accepted transfers into an open COPY and writes rejections to a file for a second COPY. */
    private static final class CopySink implements Importer.Sink {
        private final CopyIn copy;
        private final long sourceId;
        private final BufferedWriter rejectedOut;
        private final CopyText row = new CopyText();
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

        CopySink(CopyIn copy, long sourceId, BufferedWriter rejectedOut) {
            this.copy = copy;
            this.sourceId = sourceId;
            this.rejectedOut = rejectedOut;
        }

        @Override
        public void accepted(Transfer transfer) {
            accepted(transfer, "");
        }

        @Override
        public void accepted(Transfer transfer, String rawText) {
            TransferColumns.write(row, sourceId, transfer, rawText);
            row.endRowTo(buffer);
            if (buffer.length() >= FLUSH_CHARS) flush();
        }

        @Override
        public void rejected(Rejection r) {
            StringBuilder line = new StringBuilder(r.rawText().length() + 128);
            row.number(sourceId).number(r.line()).text(r.isDuplicate() ? "DUPLICATE" : "QUARANTINED")
                    .text(r.reason().name()).text(r.detail()).text(r.reference());
            if (r.duplicateOfLine() > 0) row.number(r.duplicateOfLine()); else row.nullValue();
            row.text(r.rawText()).endRowTo(line);
            try {
                rejectedOut.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL refused the transfers: " + e.getMessage(), e);
            }
        }

        /** Ends the COPY; the rows PostgreSQL stored. */
        long finish() throws SQLException {
            flush();
            return copy.endCopy();
        }

        void cancelIfActive() throws SQLException {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** Counts only: the dry run stores nothing. */
    private static final class CountingSink implements Importer.Sink {
        @Override
        public void accepted(Transfer transfer) {}

        @Override
        public void rejected(Rejection rejection) {}
    }

    /**
     * References already stored, loaded once per provider on a connection of its own (the importing
     * connection is busy with COPY). Memory grows with the provider's stored transfers.
     */
    private static final class StoredReferenceCache implements Importer.StoredReferences, AutoCloseable {
        private final Database database;
        private final Map<String, Set<String>> byProvider = new HashMap<>();

        StoredReferenceCache(Database database) {
            this.database = database;
        }

        private boolean complete;

        @Override
        public boolean contains(String provider, String reference) {
            if (!complete && !byProvider.containsKey(provider)) read(Optional.of(provider));
            return byProvider.getOrDefault(provider, Set.of()).contains(reference);
        }

        /** Every provider's references at once (a bulk load: the table is no larger than the file). */
        void loadAll() {
            read(Optional.empty());
            complete = true;
        }

        /** One provider's stored references, or every provider's. */
        private void read(Optional<String> provider) {
            provider.ifPresent(p -> byProvider.put(p, new HashSet<>())); // known, even with none stored
            try (Connection c = database.connect()) {
                c.setAutoCommit(false); // lets the driver stream with a fetch size
                try (PreparedStatement ps = c.prepareStatement("SELECT provider, reference FROM transfer"
                        + (provider.isPresent() ? " WHERE provider = ?" : ""))) {
                    ps.setFetchSize(10_000);
                    if (provider.isPresent()) ps.setString(1, provider.get());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) byProvider.computeIfAbsent(rs.getString(1), p -> new HashSet<>()).add(rs.getString(2));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read stored references: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            byProvider.clear();
        }
    }
}
