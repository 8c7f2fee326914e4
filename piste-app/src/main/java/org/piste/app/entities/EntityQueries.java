package org.piste.app.entities;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.StoredLinks;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.RecordId;
import org.piste.model.RowRef;
import org.piste.resolve.Link;

/** Reads stored entities: their members as written, with provenance, and the links that hold them together. */
public final class EntityQueries {
    private final Database database;

    public EntityQueries(Database database) {
        this.database = database;
    }

    /** A member record as its transfer row wrote it. */
    public record Member(String recordId, char side, String name, String birthDate, String idNumber, String phone,
            String city, RowRef source) {
        public Member {
            Objects.requireNonNull(recordId);
            Objects.requireNonNull(name);
            Objects.requireNonNull(birthDate);
            Objects.requireNonNull(idNumber);
            Objects.requireNonNull(phone);
            Objects.requireNonNull(city);
            Objects.requireNonNull(source);
        }
    }

    /** An entity: its id, size, the first members and the strongest links. */
    public record Entity(String id, long size, List<Member> members, long linkCount, List<Link> links) {
        public Entity {
            Objects.requireNonNull(id);
            members = List.copyOf(members);
            links = List.copyOf(links);
        }
    }

    /** The entity a record (or an entity id, which is its smallest record id) belongs to, read in one snapshot. */
    public Optional<Entity> find(String recordOrEntityId, int limit) {
        return Transactions.inSnapshot(database.dataSource(), "read the entity", c -> find(c, recordOrEntityId, limit));
    }

    /** {@link #find(String, int)} inside the caller's transaction. */
    public static Optional<Entity> find(Connection c, String recordOrEntityId, int limit) throws SQLException {
        String id = RecordId.parse(recordOrEntityId).map(RecordId::toString).orElse(recordOrEntityId.strip());
        Optional<String> entity = CurrentEntities.of(c, id);
        if (entity.isEmpty()) return Optional.empty();
        String e = entity.get();
        return Optional.of(new Entity(e, count(c, "SELECT count(*) FROM entity_member WHERE entity_id = ?", e),
                members(c, e, limit),
                count(c, "SELECT count(*) FROM entity_link l JOIN entity_member m ON m.record_id = l.record_a "
                        + "WHERE m.entity_id = ?", e),
                StoredLinks.links(c, "JOIN entity_member m ON m.record_id = l.record_a WHERE m.entity_id = ?",
                        List.of(e), limit)));
    }

    /** The id of the entity a record (or an entity id) belongs to; empty when no run placed it. */
    public Optional<String> entityOf(String recordOrEntityId) {
        Optional<RecordId> id = RecordId.parse(recordOrEntityId);
        if (id.isEmpty()) return Optional.empty();
        try (Connection c = database.connect()) {
            return CurrentEntities.of(c, id.get().toString());
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the entity: " + ex.getMessage(), ex);
        }
    }

    private static long count(Connection c, String sql, String entity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entity);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Member> members(Connection c, String entity, int limit) throws SQLException {
        String sql = "SELECT m.record_id, m.side, s.sha256, t.line_no, p.given_names, p.middle_name, p.surname, "
                + "p.full_name, p.birth_date_raw, p.id_number, p.phone, p.city FROM " + CurrentEntities.records("m", "p")
                + " JOIN transfer t ON t.id = m.transfer_id JOIN source_file s ON s.id = t.source_id"
                + " WHERE m.entity_id = ? ORDER BY m.transfer_id, m.side DESC LIMIT ?";
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entity);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = String.join(" ", List.of(rs.getString(5), rs.getString(6), rs.getString(7)).stream()
                            .filter(s -> !s.isBlank()).toList());
                    if (name.isBlank()) name = rs.getString(8);
                    members.add(new Member(rs.getString(1), rs.getString(2).charAt(0), name, rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), new RowRef(rs.getString(3), rs.getLong(4))));
                }
            }
        }
        return members;
    }
}
