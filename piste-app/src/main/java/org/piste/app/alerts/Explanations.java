package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.entities.EntityNames;
import org.piste.app.store.Database;
import org.piste.model.EntityId;
import org.piste.model.RowRef;
import org.piste.model.Side;
import org.piste.screen.AlertCut;
import org.piste.screen.Contribution;

/** Why an entity scored what it did in the latest run: every contribution with its evidence transfers' source rows. */
public final class Explanations {
    private final Database database;
    private final AuditLog audit;

    public Explanations(Database database) {
        this.database = database;
        this.audit = new AuditLog(database.dataSource());
    }

    /** A stored transfer behind an evidence reference, with its source row. */
    public record Source(long transferId, RowRef row) {}

    /** An evidence reference and where it is stored (empty when no stored transfer has it any more). */
    public record Evidence(String reference, List<Source> sources) {
        public Evidence {
            sources = List.copyOf(sources);
        }
    }

    /** A contribution with its evidence resolved to source rows. */
    public record Part(Contribution contribution, List<Evidence> evidence) {
        public Part {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The explanation; {@code total} is the sum of the parts' points, equal to {@code score} up to rounding.
     */
    public record Explanation(AlertRun run, Side side, int rank, String entityId, String name, double score,
            Alerts.Status status, AlertCut threshold, List<Part> parts, double total,
            List<AlertDecisions.Stored> decisions) {
        public Explanation {
            Objects.requireNonNull(entityId);
            parts = List.copyOf(parts);
            decisions = List.copyOf(decisions);
        }

        public boolean addsUp() {
            return Math.abs(total - score) <= 1e-6 * Math.max(1, Math.abs(score));
        }
    }

    /** The explanation, its view audited for the actor. */
    public Optional<Explanation> view(Actor actor, Side side, String entityId) {
        Optional<Explanation> e = explain(side, entityId);
        e.ifPresent(x -> audit.append(AuditEvent.Entry.by(actor, "alert.view", "entity:" + x.entityId(), "side=" + side
                + " run=" + x.run().id() + " rank=" + x.rank())));
        return e;
    }

    /** Whether the latest run ranked the entity on this side (what a ruling needs; shows nothing of the entity). */
    public boolean ranks(Side side, String entityId) {
        return explain(side, entityId).isPresent();
    }

    /**
     * Empty when nothing was screened, the id is malformed, or the run did not rank this entity on this side.
     * Unaudited, so for {@link #view} and {@link #ranks} only.
     */
    Optional<Explanation> explain(Side side, String entityId) {
        try (Connection c = database.connect()) {
            return explain(c, side, entityId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot explain the score: " + e.getMessage(), e);
        }
    }

    /** {@link #explain(Side, String)} inside the caller's transaction. */
    public static Optional<Explanation> explain(Connection c, Side side, String entityId) throws SQLException {
        Optional<String> id = EntityId.parse(entityId).map(EntityId::toString);
        if (id.isEmpty()) return Optional.empty();
        Optional<AlertRun> run = AlertRun.latest(c);
        if (run.isEmpty()) return Optional.empty();
        AlertCut threshold = Alerts.threshold(c, run.get(), side);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT rank, score, status FROM (" + Alerts.ranked(run.get(), side, threshold, params)
                + ") r WHERE entity_id = ?";
        params.add(id.get());
        int rank;
        double score;
        Alerts.Status status;
        try (PreparedStatement ps = Alerts.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            rank = rs.getInt(1);
            score = rs.getDouble(2);
            status = Alerts.Status.valueOf(rs.getString(3));
        }
        List<Contribution> contributions = Alerts.contributions(c, run.get(), side, List.of(id.get()))
                .getOrDefault(id.get(), List.of());
        Map<String, List<Source>> sources = sources(c, contributions.stream().flatMap(k -> k.evidence().stream()).distinct().toList());
        List<Part> parts = contributions.stream().map(k -> new Part(k, k.evidence().stream()
                .map(ref -> new Evidence(ref, sources.getOrDefault(ref, List.of()))).toList())).toList();
        double total = contributions.stream().mapToDouble(Contribution::points).sum();
        return Optional.of(new Explanation(run.get(), side, rank, id.get(),
                EntityNames.shown(c, List.of(id.get())).getOrDefault(id.get(), ""), score, status, threshold, parts,
                total, AlertDecisions.forEntity(c, id.get())));
    }

    private static Map<String, List<Source>> sources(Connection c, List<String> references) throws SQLException {
        Map<String, List<Source>> out = new LinkedHashMap<>();
        if (references.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT t.reference, t.id, s.sha256, t.line_no FROM transfer t "
                + "JOIN source_file s ON s.id = t.source_id WHERE t.reference = ANY (?) ORDER BY t.id")) {
            ps.setArray(1, c.createArrayOf("text", references.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                            .add(new Source(rs.getLong(2), new RowRef(rs.getString(3), rs.getLong(4))));
                }
            }
        }
        return out;
    }
}
