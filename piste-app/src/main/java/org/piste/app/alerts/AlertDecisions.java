package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.piste.app.resolve.CurrentEntities;
import org.piste.model.EntityId;
import org.piste.model.Side;

/**
 * Analysts' rulings on alerts, kept with who, when and why. A ruling is stored on a record id (the entity's id
 * when decided) and applies to the entity that record belongs to now; the latest ruling per entity and side wins.
 */
public final class AlertDecisions {
    private AlertDecisions() {}

    public enum Kind {
        CONFIRM, DISMISS;

        /** "confirm" or "dismiss", any case. */
        public static Kind parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "confirm" -> CONFIRM;
                case "dismiss" -> DISMISS;
                default -> throw new IllegalArgumentException("the decision must be 'confirm' or 'dismiss', was '" + s + "'");
            };
        }
    }

    /** A stored ruling; {@code entityId} is the record id it was stored on. */
    public record Stored(long id, String entityId, Side side, Kind kind, String note, String decidedBy,
            OffsetDateTime decidedAt) {
        public Stored {
            Objects.requireNonNull(entityId);
            Objects.requireNonNull(side);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(note);
            Objects.requireNonNull(decidedBy);
            Objects.requireNonNull(decidedAt);
        }
    }

    /** The entity a ruling d applies to now (SQL, with the membership joined as em). */
    private static final String CURRENT = CurrentEntities.entityOr("em", "d.entity_id");

    /**
     * The latest ruling per current entity and side (SQL, columns: entity, side, decision, id). A ruling's record
     * that no run places any more keeps its own id as entity.
     */
    static final String LATEST = "SELECT DISTINCT ON (" + CURRENT + ", d.side) " + CURRENT + " AS entity, d.side, "
            + "d.decision, d.id FROM alert_decision d" + CurrentEntities.joinRecord("em", "d.entity_id")
            + " ORDER BY " + CURRENT + ", d.side, d.id DESC";

    /**
     * Stores a ruling on a resolved entity inside the caller's transaction (so the change and its audit line commit
     * together: see {@code pipeline.Changes}, the one door for changes).
     *
     * @throws IllegalArgumentException when the id is not a resolved record or a dismissal has no note
     */
    public static Stored add(Connection c, String entityId, Side side, Kind kind, String note, String decidedBy)
            throws SQLException {
        String id = EntityId.parse(entityId).map(EntityId::toString).orElseThrow(() -> new IllegalArgumentException(
                "'" + entityId + "' is not an entity id (TRANSFER_ID:S or TRANSFER_ID:R)"));
        String why = note.strip();
        if (kind == Kind.DISMISS && why.isEmpty()) throw new IllegalArgumentException("a dismissal needs a note saying why");
        if (CurrentEntities.of(c, id).isEmpty()) throw new IllegalArgumentException("no resolved entity '" + id + "'");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_decision (entity_id, side, decision, note, "
                + "decided_by) VALUES (?, ?, ?, ?, ?) RETURNING id, decided_at")) {
            ps.setString(1, id);
            ps.setString(2, side.name());
            ps.setString(3, kind.name());
            ps.setString(4, why);
            ps.setString(5, decidedBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Stored(rs.getLong(1), id, side, kind, why, decidedBy, rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    /** Every ruling on the entity (through any of its records), newest first, inside the caller's transaction. */
    public static List<Stored> forEntity(Connection c, String entityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.entity_id, d.side, d.decision, d.note, "
                + "d.decided_by, d.decided_at FROM alert_decision d" + CurrentEntities.joinRecord("em", "d.entity_id")
                + " WHERE " + CURRENT + " = ? ORDER BY d.id DESC")) {
            ps.setString(1, entityId);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), rs.getString(2), Side.valueOf(rs.getString(3)),
                            Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class)));
                }
            }
            return out;
        }
    }
}
