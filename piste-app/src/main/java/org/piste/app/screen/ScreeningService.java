package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.store.Json;
import org.piste.app.store.Database;
import org.piste.screen.Columns;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;
import org.piste.screen.SharedRanks;

/**
 * Screens the resolved entities of a period and stores the ranked scores with their contributions and the
 * rule set version. A run is cheap enough to redo whole after every import or decision.
 */
public final class ScreeningService {
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
                + "period_from, period_to, transfers, senders, recipients, seeds) VALUES (?, now(), ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setObject(1, startedAt);
            ps.setString(2, r.ruleSetVersion());
            ps.setObject(3, from.orElse(null));
            ps.setObject(4, to.orElse(null));
            ps.setLong(5, transfers);
            ps.setLong(6, r.senders().size());
            ps.setLong(7, r.recipients().size());
            ps.setInt(8, seeds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void saveScores(Connection c, long run, List<EntityScore> ranked) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entity_score (run_id, side, position, rank, entity_id, "
                + "score, contributions) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            int[] rank = SharedRanks.of(ranked);
            for (int i = 0; i < rank.length; i++) {
                EntityScore e = ranked.get(i);
                ps.setLong(1, run);
                ps.setString(2, e.side().name());
                ps.setInt(3, i + 1);
                ps.setInt(4, rank[i]);
                ps.setString(5, e.entityId());
                ps.setDouble(6, e.score());
                ps.setString(7, contributionsJson(e.contributions()));
                ps.addBatch();
                if ((i + 1) % 5_000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
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
