package org.piste.app.referrals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.resolve.StoredEntities;
import org.piste.app.store.Database;
import org.piste.ingest.Hashing;

/**
 * Imports a referrals file: parses it (a malformed file stores nothing), matches every subject to the stored
 * entities, and stores referrals, subjects and matches in one transaction. A file already imported (same
 * SHA-256) is not imported again. Party records no resolution has placed yet are resolved first (incremental run).
 */
public final class ReferralImport {
    private final Database database;

    public ReferralImport(Database database) {
        this.database = database;
    }

    /** What an import did. */
    public sealed interface Outcome {
        record AlreadyImported(String sha256, OffsetDateTime importedAt, int referrals) implements Outcome {
            public AlreadyImported {
                Objects.requireNonNull(sha256);
                Objects.requireNonNull(importedAt);
            }
        }

        /**
         * @param matches    per subject id ({@link #subjectId}), the entities proposed (empty: no match)
         * @param resolution the line of the resolution run the import needed first, if one ran
         */
        record Imported(String sha256, List<Referral> referrals, Map<String, List<Match>> matches,
                Optional<String> resolution) implements Outcome {
            public Imported {
                Objects.requireNonNull(sha256);
                referrals = List.copyOf(referrals);
                matches = Map.copyOf(matches);
                Objects.requireNonNull(resolution);
            }
        }
    }

    /** The key of a subject in {@link Outcome.Imported#matches()}. */
    public static String subjectId(String ref, int index) {
        return ReferralMatcher.subjectId(ref, index);
    }

    /** Work done in the import's own transaction, after the referrals are stored and before they commit. */
    public interface BeforeCommit {
        BeforeCommit NOTHING = (c, imported) -> {};

        void run(Connection c, Outcome.Imported imported) throws SQLException;
    }

    public Outcome importFile(Path file, String legalRef) {
        return importFile(file, legalRef, BeforeCommit.NOTHING);
    }

    /** Imports; {@code beforeCommit} (the audit line of the change) commits with the referrals or not at all. */
    public Outcome importFile(Path file, String legalRef, BeforeCommit beforeCommit) {
        String sha256 = Hashing.sha256(file);
        try (Connection c = database.connect()) {
            Optional<Outcome.AlreadyImported> existing = ReferralStore.source(c, sha256);
            if (existing.isPresent()) return existing.get();
            List<Referral> referrals = ReferralParser.parse(file);
            Map<String, String> stored = ReferralStore.stored(c, referrals);
            if (!stored.isEmpty()) {
                var first = stored.entrySet().iterator().next();
                throw new IllegalArgumentException("referral " + first.getKey() + " is already stored (from the file with "
                        + "sha256 " + first.getValue() + ")" + (stored.size() > 1 ? ", and " + (stored.size() - 1) + " more" : ""));
            }
            Optional<String> resolution = Optional.empty();
            if (new StoredEntities(database).unresolved() > 0) {
                resolution = new ResolutionService(database).run(ResolutionService.Mode.INCREMENTAL)
                        .map(s -> "Resolution run #" + s.runId() + " first (" + s.newRecords() + " records not resolved before).");
            }
            Map<String, List<Match>> matches = new ReferralMatcher(database).match(referrals);
            c.setAutoCommit(false);
            try {
                ReferralStore.save(c, sha256, file.getFileName().toString(), legalRef, referrals, matches);
                beforeCommit.run(c, new Outcome.Imported(sha256, referrals, matches, resolution));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                Optional<Outcome.AlreadyImported> raced = ReferralStore.source(c, sha256);
                if (raced.isPresent()) return raced.get();
                throw e;
            }
            return new Outcome.Imported(sha256, referrals, matches, resolution);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the referrals: " + e.getMessage(), e);
        }
    }
}
