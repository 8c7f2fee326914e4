package org.piste.app.cases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.piste.app.cases.CaseFile.Evidence;
import org.piste.app.cases.CaseFile.Member;
import org.piste.app.cases.CaseFile.Note;
import org.piste.app.cases.CaseFile.Status;
import org.piste.app.cases.CaseFile.Subject;
import org.piste.app.cases.CaseFile.SubjectKind;
import org.piste.app.cases.CaseFile.Summary;
import org.piste.app.cases.CaseFile.TimelineEvent;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.RecordSql;
import org.piste.model.RecordId;
import org.piste.model.Side;

/** The SQL of case files (tables case_*), inside the caller's transaction. No access check here: see CaseService. */
final class CaseStore {
    private CaseStore() {}

    /** Each case subject with the entity its record belongs to now (the record itself if not resolved yet). */
    static final String SUBJECT_ENTITY = "SELECT s.case_id, s.id AS subject_id, s.label, s.kind, "
            + CurrentEntities.entityOr("m", "s.record_id") + " AS entity FROM case_subject s"
            + CurrentEntities.joinRecord("m", "s.record_id");

    private static final String SUMMARY = "WITH se AS (" + SUBJECT_ENTITY + "), conf AS (SELECT a.case_id,"
            + " count(DISTINCT b.case_id) AS n FROM se a JOIN se b ON a.entity = b.entity AND a.case_id <> b.case_id"
            + " GROUP BY a.case_id)"
            + " SELECT c.id, c.reference, c.title, c.status, c.lead, u.display_name, c.created_by, c.created_at,"
            + " (SELECT count(*) FROM case_subject s WHERE s.case_id = c.id) AS subjects, coalesce(conf.n, 0) AS conflicts"
            + " FROM case_file c JOIN app_user u ON u.username = c.lead LEFT JOIN conf ON conf.case_id = c.id";

    static Optional<Summary> summary(Connection c, long id) throws SQLException {
        return Sql.one(c, SUMMARY + " WHERE c.id = ?", CaseStore::summary, id);
    }

    /** Cases whose team includes the user, or every case when {@code member} is empty. Newest first. */
    static List<Summary> summaries(Connection c, Optional<String> member) throws SQLException {
        String user = member.orElse(null);
        return Sql.list(c, SUMMARY + " WHERE (?::text IS NULL OR EXISTS (SELECT 1 FROM case_member m"
                + " WHERE m.case_id = c.id AND m.username = ?)) ORDER BY c.id DESC", CaseStore::summary, user, user);
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
                Status.valueOf(rs.getString("status")), rs.getString("lead"), rs.getString("display_name"),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), rs.getInt("subjects"), rs.getInt("conflicts"));
    }

    static long insertCase(Connection c, String reference, String title, String lead) throws SQLException {
        return Sql.insert(c, "INSERT INTO case_file (reference, title, lead, created_by) VALUES (?,?,?,?) RETURNING id",
                reference, title, lead, lead);
    }

    static void setStatus(Connection c, long id, Status status) throws SQLException {
        Sql.update(c, "UPDATE case_file SET status = ? WHERE id = ?", status.name(), id);
    }

    static boolean isMember(Connection c, long id, String username) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM case_member WHERE case_id = ? AND username = ?", rs -> true, id, username)
                .isPresent();
    }

    static void addMember(Connection c, long id, String username, String by) throws SQLException {
        Sql.update(c, "INSERT INTO case_member (case_id, username, added_by) VALUES (?,?,?)", id, username, by);
    }

    static boolean removeMember(Connection c, long id, String username) throws SQLException {
        return Sql.update(c, "DELETE FROM case_member WHERE case_id = ? AND username = ?", id, username) > 0;
    }

    /** The case the user last chose to work for, if any. */
    static Optional<Long> workingCase(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT working_case FROM app_user WHERE username = ? AND working_case IS NOT NULL",
                rs -> rs.getLong(1), username);
    }

    static void setWorkingCase(Connection c, String username, Optional<Long> id) throws SQLException {
        Sql.update(c, "UPDATE app_user SET working_case = ? WHERE username = ?", id.orElse(null), username);
    }

    static List<Member> team(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT m.username, u.display_name, u.role, u.unit, m.username = f.lead AS lead, m.added_by,"
                + " m.added_at FROM case_member m JOIN app_user u ON u.username = m.username"
                + " JOIN case_file f ON f.id = m.case_id WHERE m.case_id = ? ORDER BY lead DESC, m.added_at, m.username",
                rs -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), Sql.instant(rs, "added_at")), id);
    }

    /** The account's role if it exists and is enabled. */
    static Optional<String> enabledRole(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT role FROM app_user WHERE username = ? AND enabled", rs -> rs.getString(1), username);
    }

    /** The name as written in the record, if the record exists. */
    static Optional<String> recordName(Connection c, RecordId id) throws SQLException {
        return Sql.one(c, "SELECT " + EntityNames.asWritten("p") + " FROM party_record p WHERE p.transfer_id = ?"
                + " AND p.side = " + RecordSql.side(id.side()), rs -> rs.getString(1), id.transferId());
    }

    static String currentEntity(Connection c, String recordId) throws SQLException {
        return CurrentEntities.of(c, recordId).orElse(recordId);
    }

    static long insertSubject(Connection c, long id, String recordId, SubjectKind kind, String label, String by)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO case_subject (case_id, record_id, kind, label, added_by) VALUES (?,?,?,?,?)"
                + " RETURNING id", id, recordId, kind.name(), label, by);
    }

    static boolean deleteSubject(Connection c, long id, long subjectId) throws SQLException {
        return Sql.update(c, "DELETE FROM case_subject WHERE case_id = ? AND id = ?", id, subjectId) > 0;
    }

    static List<Subject> subjects(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT s.id, s.record_id, " + CurrentEntities.entityOr("m", "s.record_id")
                + ", s.kind, s.label, s.added_by, s.added_at FROM case_subject s" + CurrentEntities.joinRecord("m", "s.record_id")
                + " WHERE s.case_id = ? ORDER BY s.kind, s.id", rs -> new Subject(rs.getLong(1), rs.getString(2),
                        rs.getString(3), SubjectKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        Sql.instant(rs, "added_at")), id);
    }

    /** Transfers whose reference is the text, or the transfer whose id it is (digits, optionally after '#'). */
    static List<Long> findTransfers(Connection c, String text) throws SQLException {
        List<Long> byReference = Sql.list(c, "SELECT id FROM transfer WHERE reference = ? ORDER BY id",
                rs -> rs.getLong(1), text);
        if (!byReference.isEmpty() || !text.matches("#?\\d{1,18}")) return byReference;
        return Sql.list(c, "SELECT id FROM transfer WHERE id = ?", rs -> rs.getLong(1),
                Long.parseLong(text.replace("#", "")));
    }

    static boolean hasEvidence(Connection c, long id, long transferId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM case_evidence WHERE case_id = ? AND transfer_id = ?", rs -> true, id,
                transferId).isPresent();
    }

    static long insertEvidence(Connection c, long id, long transferId, String note, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO case_evidence (case_id, transfer_id, note, added_by) VALUES (?,?,?,?)"
                + " RETURNING id", id, transferId, note, by);
    }

    static List<Evidence> evidence(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT e.id, t.id AS transfer_id, t.reference, t.provider, t.send_at, t.send_zone, t.sent_amount,"
                + " t.sent_currency, " + EntityNames.asWritten("ps") + ", " + EntityNames.asWritten("pr") + ", "
                + CurrentEntities.entityOr("ms", "ps.transfer_id || ':S'") + ", "
                + CurrentEntities.entityOr("mr", "pr.transfer_id || ':R'") + ", f.original_name,"
                + " f.sha256, t.line_no, e.note, e.added_by, e.added_at FROM case_evidence e JOIN transfer t ON t.id = e.transfer_id"
                + " JOIN party_record ps ON ps.transfer_id = t.id AND ps.side = " + RecordSql.side(Side.SENDER)
                + " JOIN party_record pr ON pr.transfer_id = t.id AND pr.side = " + RecordSql.side(Side.RECIPIENT)
                + " LEFT JOIN entity_member ms ON ms.transfer_id = t.id AND ms.side = " + RecordSql.side(Side.SENDER)
                + " LEFT JOIN entity_member mr ON mr.transfer_id = t.id AND mr.side = " + RecordSql.side(Side.RECIPIENT)
                + " JOIN source_file f ON f.id = t.source_id WHERE e.case_id = ? ORDER BY t.send_at, t.id",
                rs -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs, "send_at"), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getLong(15), rs.getString(16), rs.getString(17),
                        Sql.instant(rs, "added_at")), id);
    }

    static long insertNote(Connection c, long id, String text, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO case_note (case_id, text, author) VALUES (?,?,?) RETURNING id", id, text, by);
    }

    static List<Note> notes(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT id, text, author, at FROM case_note WHERE case_id = ? ORDER BY id DESC",
                rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "at")), id);
    }

    static void event(Connection c, long id, String username, String kind, String detail) throws SQLException {
        Sql.update(c, "INSERT INTO case_event (case_id, username, kind, detail) VALUES (?,?,?,?)", id, username, kind,
                detail);
    }

    static List<TimelineEvent> timeline(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT id, at, username, kind, detail FROM case_event WHERE case_id = ? ORDER BY id DESC",
                rs -> new TimelineEvent(rs.getLong(1), Sql.instant(rs, "at"), rs.getString(3), rs.getString(4),
                        rs.getString(5)), id);
    }
}
