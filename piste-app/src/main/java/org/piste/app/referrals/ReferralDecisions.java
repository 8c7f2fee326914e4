package org.piste.app.referrals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.refusals.Refused;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.EntityId;

/**
 * An analyst accepts or rejects a subject's match. Accepting an entity that was not proposed adds it (basis
 * ANALYST); rejecting one that was not proposed is an error. The latest decision on a match wins.
 */
public final class ReferralDecisions {
    private final Database database;

    public ReferralDecisions(Database database) {
        this.database = database;
    }

    /**
     * Decides in a transaction of its own, without an audit line or a refresh: for this package's tests only.
     * Everything else decides through {@code pipeline.Changes}.
     *
     * @param entity an entity id or any party record id of the entity (as 'piste entity' takes them)
     * @return the match as decided
     */
    Match decide(String ref, int index, String entity, Match.Status status, String by, String note) {
        return Transactions.inTransaction(database.dataSource(), "store the decision",
                c -> decide(c, ref, index, entity, status, by, note));
    }

    /** Decides inside the caller's transaction (so the change and its audit line commit together). */
    public static Match decide(Connection c, String ref, int index, String entity, Match.Status status, String by,
            String note) throws SQLException {
        if (status == Match.Status.PROPOSED) throw new Refused("referral.decisionKind");
        String id = EntityId.parse(entity).map(EntityId::toString).orElse(entity.strip());
        long subject = subject(c, ref, index);
        Optional<String> current = CurrentEntities.of(c, id);
        List<String> proposed = new ArrayList<>();
        Optional<Long> match = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.entity_id, "
                + CurrentEntities.entityOr("em", "m.entity_id") + " FROM referral_match m"
                + CurrentEntities.joinRecord("em", "m.record_id") + " WHERE m.subject_id = ? ORDER BY m.id")) {
            ps.setLong(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    proposed.add(rs.getString(3));
                    if (match.isEmpty() && (rs.getString(2).equals(id) || rs.getString(3).equals(id)
                            || current.filter(rs.getString(3)::equals).isPresent())) {
                        match = Optional.of(rs.getLong(1));
                    }
                }
            }
        }
        if (match.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE referral_match SET status = ?, decided_by = ?, "
                    + "decided_at = now(), note = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, by);
                ps.setString(3, note);
                ps.setLong(4, match.get());
                ps.executeUpdate();
            }
        } else if (status == Match.Status.ACCEPTED) {
            String target = current.orElseThrow(() -> new Refused("referral.noSuchEntity", entity));
            ReferralStore.saveMatch(c, subject, new Match(target, id, Match.Basis.ANALYST, 1.0, List.of(),
                    Match.Status.ACCEPTED, by, Optional.of(OffsetDateTime.now()), note));
        } else {
            throw new Refused("referral.notAMatch", index, ref, entity, proposed.isEmpty() ? "-" : String.join(", ", proposed));
        }
        return ReferralQueries.matches(c, subject).stream()
                .filter(m -> m.entityId().equals(current.orElse(id)) || m.recordId().equals(id) || m.entityId().equals(id))
                .findFirst().orElseThrow();
    }

    private static long subject(Connection c, String ref, int index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, s.id FROM referral r LEFT JOIN referral_subject s "
                + "ON s.referral_id = r.id AND s.subject_index = ? WHERE r.ref = ?")) {
            ps.setInt(1, index);
            ps.setString(2, ref.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new Refused("referral.unknown", ref);
                long id = rs.getLong(2);
                if (rs.wasNull()) throw new Refused("referral.noSubject", ref, index);
                return id;
            }
        }
    }
}
