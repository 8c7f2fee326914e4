package org.piste.app.victims;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.piste.app.cases.Sql;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.victims.Victim.AgeBracket;
import org.piste.app.victims.Victim.Facilitator;
import org.piste.app.victims.Victim.NewVictim;

/** The SQL of the register (tables victim, victim_facilitator). No access check here: see VictimService. */
final class VictimStore {
    private VictimStore() {}

    static long insert(Connection c, long caseId, NewVictim v, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO victim (case_id, pseudonym, authority, authority_country, age_bracket,"
                + " period_from, period_to, note, created_by) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id", caseId,
                v.pseudonym(), v.authority(), v.country(), v.ageBracket().code(), Sql.sqlDate(v.periodFrom()),
                Sql.sqlDate(v.periodTo()), v.note(), by);
    }

    static boolean exists(Connection c, long caseId, String pseudonym) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM victim WHERE case_id = ? AND pseudonym = ?", rs -> 1, caseId, pseudonym)
                .isEmpty();
    }

    static boolean linked(Connection c, long victimId, String record) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM victim_facilitator WHERE victim_id = ? AND record_id = ?", rs -> 1,
                victimId, record).isEmpty();
    }

    static void link(Connection c, long victimId, String record, String by) throws SQLException {
        Sql.insert(c, "INSERT INTO victim_facilitator (victim_id, record_id, added_by) VALUES (?,?,?) RETURNING victim_id",
                victimId, record, by);
    }

    /** The case a victim belongs to, if the victim exists. */
    static Optional<Long> caseOf(Connection c, long victimId) throws SQLException {
        return Sql.list(c, "SELECT case_id FROM victim WHERE id = ?", rs -> rs.getLong(1), victimId).stream().findFirst();
    }

    static List<Victim> ofCase(Connection c, long caseId) throws SQLException {
        return read(c, "v.case_id = ?", caseId);
    }

    static Optional<Victim> one(Connection c, long caseId, long victimId) throws SQLException {
        return read(c, "v.case_id = ? AND v.id = ?", caseId, victimId).stream().findFirst();
    }

    private record Link(long victimId, String record, String entity) {}

    private static List<Victim> read(Connection c, String where, Object... params) throws SQLException {
        List<Link> links = Sql.list(c, "SELECT f.victim_id, f.record_id, " + CurrentEntities.entityOr("m", "f.record_id")
                + " FROM victim v JOIN victim_facilitator f ON f.victim_id = v.id" + CurrentEntities.joinRecord("m", "f.record_id")
                + " WHERE " + where + " ORDER BY f.added_at, f.record_id",
                rs -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), params);
        Set<String> entities = new HashSet<>();
        links.forEach(l -> entities.add(l.entity()));
        Map<String, String> names = EntityNames.of(c, entities);
        return Sql.list(c, "SELECT v.* FROM victim v WHERE " + where + " ORDER BY v.id", rs -> victim(rs, links, names),
                params);
    }

    private static Victim victim(ResultSet rs, List<Link> links, Map<String, String> names) throws SQLException {
        long id = rs.getLong("id");
        List<Facilitator> facilitators = links.stream().filter(l -> l.victimId() == id)
                .map(l -> new Facilitator(l.record(), l.entity(), names.getOrDefault(l.entity(), l.entity()))).toList();
        return new Victim(id, rs.getLong("case_id"), rs.getString("pseudonym"), rs.getString("authority"),
                rs.getString("authority_country"), AgeBracket.parse(rs.getString("age_bracket")),
                Sql.date(rs, "period_from"), Sql.date(rs, "period_to"), rs.getString("note"), facilitators,
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
