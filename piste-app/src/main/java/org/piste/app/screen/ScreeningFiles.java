package org.piste.app.screen;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.store.Database;
import org.piste.screen.EntityScore;
import org.piste.screen.SharedRanks;

/**
 * Writes a screening for audit outside Piste: senders.csv and recipients.csv (rank, shared by equal scores; entity_id,
 * score, rule_set_version, top indicators with their points) and membership.csv (every accepted transfer's sender
 * and recipient entity), so any score can be recomputed from the operator's records.
 */
public final class ScreeningFiles {
    private static final int TOP_INDICATORS = 5;

    private ScreeningFiles() {}

    /** Writes the run's rankings and memberships to {@code dir}, the export audited for the actor first. */
    public static void write(Actor actor, Database database, ScreeningService.Run run, Path dir) {
        new AuditLog(database.dataSource()).append(AuditEvent.Entry.by(actor, "screening.export", "screening:" + run.id(),
                dir.toAbsolutePath().toString()));
        write(database, run, dir);
    }

    static void write(Database database, ScreeningService.Run run, Path dir) {
        try {
            Files.createDirectories(dir);
            ranking(dir.resolve("senders.csv"), run.result().senders(), run.result().ruleSetVersion());
            ranking(dir.resolve("recipients.csv"), run.result().recipients(), run.result().ruleSetVersion());
            membership(database, dir.resolve("membership.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screening to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void ranking(Path file, List<EntityScore> ranked, String version) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord("rank", "entity_id", "score", "rule_set_version", "top_indicators");
            int[] rank = SharedRanks.of(ranked);
            for (int i = 0; i < rank.length; i++) {
                EntityScore e = ranked.get(i);
                String top = e.contributions().stream().filter(k -> k.points() > 0).limit(TOP_INDICATORS)
                        .map(k -> String.format(Locale.ROOT, "%s=%.2f", k.indicator(), k.points()))
                        .collect(Collectors.joining(";"));
                csv.writeRecord(String.valueOf(rank[i]), e.entityId(), String.format(Locale.ROOT, "%.4f", e.score()), version, top);
            }
        }
    }

    private static void membership(Database database, Path file) throws IOException {
        try (Connection c = database.connect(); CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord("transfer_ref", "sender_entity_id", "recipient_entity_id");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT t.reference, s.entity_id, r.entity_id FROM transfer t"
                    + CurrentEntities.joinParties("t", "s", "r", true) + " ORDER BY t.id")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) csv.writeRecord(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read memberships: " + e.getMessage(), e);
        }
    }
}
