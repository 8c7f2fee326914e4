package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.store.CopyText;
import org.piste.app.store.Database;
import org.piste.app.store.Json;
import org.piste.screen.Columns;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;
import org.piste.screen.SharedRanks;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Screens the resolved entities of a period and stores the ranked scores with their contributions and the
 * rule set version. A run is cheap enough to redo whole after every import or decision.
 */
public final class ScreeningService {
    private static final int COPY_CHARS = 1 << 20;
    private final Database database;
    private final Screener screener;

    public ScreeningService(Database database, Screener screener) {
        this.database = database;
        this.screener = screener;
    }

    /** What a run did. */
    public record Run(long id, ScreeningResult result, long transfers, int seeds, double seconds) {}

    /**
     * @param seeds confirmed entities (referrals, analyst decisions) with their role
     */
    public Run screen(Optional<LocalDate> from, Optional<LocalDate> to, Map<String, String> seeds) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        try (Connection c = database.connect()) {
            Columns transfers = TransferFacts.read(c, from, to);
            ScreeningResult result = screener.screen(transfers, seeds.keySet());
            c.setAutoCommit(false);
            long id = saveRun(c, startedAt, result, from, to, transfers.transfers(), seeds.size());
            saveScores(c, id, result.senders());
            saveScores(c, id, result.recipients());
            c.commit();
            return new Run(id, result, transfers.transfers(), seeds.size(), (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException("screening failed: " + e.getMessage(), e);
        }
    }

    private static long saveRun(Connection c, OffsetDateTime startedAt, ScreeningResult r, Optional<LocalDate> from,
            Optional<LocalDate> to, long transfers, int seeds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO screening_run (started_at, finished_at, rule_set_version, "
                + "period_from, period_to, transfers, senders, recipients, seeds, sender_alert_minimum, recipient_alert_minimum) "
                + "VALUES (?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setObject(1, startedAt);
            ps.setString(2, r.ruleSetVersion());
            ps.setObject(3, from.orElse(null));
            ps.setObject(4, to.orElse(null));
            ps.setLong(5, transfers);
            ps.setLong(6, r.senders().size());
            ps.setLong(7, r.recipients().size());
            ps.setInt(8, seeds);
            ps.setDouble(9, r.senderAlertMinimum());
            ps.setDouble(10, r.recipientAlertMinimum());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A side's scores: COPY into a temporary table, then each distinct explanation once into score_contributions
     * (keyed by the SHA-256 of its JSON as PostgreSQL renders it, as the V10 migration keys them) and the rows with
     * its key into score_row. Most explanations are the same as in the previous run and take no space again.
     */
    private static void saveScores(Connection c, long run, List<EntityScore> ranked) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE new_score (side text, position integer, rank integer, entity_id text, "
                    + "score float8, contributions jsonb) ON COMMIT DROP");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyText row = new CopyText();
            StringBuilder rows = new StringBuilder();
            int[] rank = SharedRanks.of(ranked);
            for (int i = 0; i < rank.length; i++) {
                EntityScore e = ranked.get(i);
                row.text(e.side().name()).number(i + 1L).number(rank[i]).text(e.entityId()).text(Double.toString(e.score()))
                        .text(contributionsJson(e.contributions())).endRowTo(rows);
                if (rows.length() >= COPY_CHARS) CopyText.copyIn(copy, "new_score", rows);
            }
            CopyText.copyIn(copy, "new_score", rows);
            String hash = "sha256(convert_to(contributions::text, 'UTF8'))";
            // Only the explanations not stored yet; equal ones within the run are skipped by ON CONFLICT. No DISTINCT:
            // sorting whole rows spilled about 0.5 GB to disk at 365k entities.
            s.execute("INSERT INTO score_contributions (hash, contributions) SELECT h, contributions FROM (SELECT " + hash
                    + " AS h, contributions FROM new_score) n WHERE NOT EXISTS (SELECT 1 FROM score_contributions c "
                    + "WHERE c.hash = n.h) ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO score_row (run_id, side, position, rank, entity_id, score, contributions_hash) SELECT "
                    + run + ", side, position, rank, entity_id, score, " + hash + " FROM new_score");
            s.execute("DROP TABLE new_score");
        }
    }

    static String contributionsJson(List<Contribution> contributions) {
        StringBuilder out = new StringBuilder("[");
        for (Contribution k : contributions) {
            if (out.length() > 1) out.append(',');
            out.append("{\"indicator\":");
            Json.string(out, k.indicator()).append(",\"value\":");
            Json.number(out, k.value()).append(",\"points\":");
            Json.number(out, k.points()).append(",\"explanation\":");
            Json.string(out, k.explanation()).append(",\"evidence\":[");
            for (int i = 0; i < k.evidence().size(); i++) {
                if (i > 0) out.append(',');
                Json.string(out, k.evidence().get(i));
            }
            out.append("]}");
        }
        return out.append(']').toString();
    }
}
