package org.piste.app.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseFile.Conflict;
import org.piste.app.cases.CaseFile.Contact;
import org.piste.app.cases.CaseFile.Notice;
import org.piste.app.resolve.CurrentEntities;

/**
 * Finds other cases that have a subject in common with a case: same current entity, looked up live in
 * entity_member, so two records merged later by resolution are caught too. What it returns names the other case's
 * lead and this case's own subjects only; the other case's id stays inside (for the audit trail).
 */
final class Deconfliction {
    private Deconfliction() {}

    private record Shared(long otherCase, String ownLabel, String otherLabel, String entity, Contact lead) {}

    /** Conflicts of the case, one per other case; new pairs of cases are recorded and audited once. */
    static List<Conflict> of(Connection c, long caseId, Actor actor) throws SQLException {
        return of(c, caseId, actor, Optional.empty());
    }

    /** As {@link #of(Connection, long, Actor)}, limited to the conflicts involving one subject of the case. */
    static List<Conflict> of(Connection c, long caseId, Actor actor, Optional<Long> subjectId) throws SQLException {
        List<Shared> shared = Sql.list(c, "WITH se AS (" + CaseStore.SUBJECT_ENTITY + ")"
                + " SELECT b.case_id, a.label, b.label, a.entity, u.display_name, u.unit, u.contact"
                + " FROM se a JOIN se b ON b.entity = a.entity AND b.case_id <> a.case_id"
                + " JOIN case_file o ON o.id = b.case_id JOIN app_user u ON u.username = o.lead"
                + " WHERE a.case_id = ? AND (?::bigint IS NULL OR a.subject_id = ?) ORDER BY b.case_id, a.label",
                rs -> new Shared(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        new Contact(rs.getString(5), rs.getString(6), rs.getString(7))),
                caseId, subjectId.orElse(null), subjectId.orElse(null));
        Map<Long, Contact> leads = new LinkedHashMap<>();
        Map<Long, Map<String, String>> labels = new LinkedHashMap<>();
        for (Shared s : shared) {
            leads.put(s.otherCase(), s.lead());
            labels.computeIfAbsent(s.otherCase(), k -> new LinkedHashMap<>()).putIfAbsent(s.entity(), s.ownLabel());
            recordOnce(c, caseId, s.otherCase(), s.entity(), actor);
            if (subjectId.isPresent()) notify(c, caseId, subjectId.get(), s, actor);
        }
        List<Conflict> conflicts = new ArrayList<>();
        leads.forEach((other, lead) -> conflicts.add(new Conflict(lead, List.copyOf(labels.get(other).values()),
                List.copyOf(labels.get(other).keySet()))));
        return conflicts;
    }

    /** Open conflicts (pairs of cases, the first one not closed) among the cases of a user, or all when empty. */
    static long count(Connection c, Optional<String> member) throws SQLException {
        String user = member.orElse(null);
        return Sql.one(c, "WITH se AS (" + CaseStore.SUBJECT_ENTITY + ")"
                + " SELECT count(DISTINCT (least(a.case_id, b.case_id), greatest(a.case_id, b.case_id)))"
                + " FROM se a JOIN se b ON b.entity = a.entity AND b.case_id <> a.case_id"
                + " JOIN case_file f ON f.id = a.case_id WHERE f.status <> 'CLOSED' AND (?::text IS NULL OR EXISTS"
                + " (SELECT 1 FROM case_member m WHERE m.case_id = a.case_id AND m.username = ?))",
                rs -> rs.getLong(1), user, user).orElse(0L);
    }

    /**
     * A subject just added matched one of another case: that case's lead is told whom to contact in return (this
     * case's lead), as this team was told of them. Kept when the subject is removed, and told once: the same subject
     * matched again from the same case (removed and added back) adds nothing. Audited by ids only.
     */
    private static void notify(Connection c, long caseId, long subjectId, Shared s, Actor actor) throws SQLException {
        int added = Sql.update(c, "INSERT INTO deconfliction_notice (case_id, from_case, subject) VALUES (?,?,?)"
                + " ON CONFLICT DO NOTHING", s.otherCase(), caseId, s.otherLabel());
        if (added == 0) return;
        AuditLog.append(c, new AuditEvent.Entry(actor.username(), "case.deconfliction.notice", "case:" + s.otherCase(),
                Optional.of(caseId), "lead of case:" + s.otherCase() + " told: subject " + subjectId + " of case:"
                        + caseId + " shares entity " + s.entity()));
    }

    /** The notices of a case, newest first, each naming the lead of the case whose subject matched. */
    static List<Notice> notices(Connection c, long caseId) throws SQLException {
        // The notice keeps the subject's name as written (not its record): it is found again among the case's subjects.
        return Sql.list(c, "SELECT u.display_name, u.unit, u.contact, n.subject, n.at, (SELECT "
                + CurrentEntities.entityOr("m", "s.record_id") + " FROM case_subject s" + CurrentEntities.joinRecord("m", "s.record_id")
                + " WHERE s.case_id = n.case_id AND s.label = n.subject ORDER BY s.id LIMIT 1) AS entity"
                + " FROM deconfliction_notice n JOIN case_file f ON f.id = n.from_case JOIN app_user u ON u.username = f.lead"
                + " WHERE n.case_id = ? ORDER BY n.id DESC",
                rs -> new Notice(new Contact(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
                        Optional.ofNullable(rs.getString("entity")), Sql.instant(rs, "at")), caseId);
    }

    /** Notices on the cases the user leads. */
    static long noticeCount(Connection c, String lead) throws SQLException {
        return Sql.one(c, "SELECT count(*) FROM deconfliction_notice n JOIN case_file f ON f.id = n.case_id"
                + " WHERE f.lead = ?", rs -> rs.getLong(1), lead).orElse(0L);
    }

    private static void recordOnce(Connection c, long caseId, long other, String entity, Actor actor)
            throws SQLException {
        long low = Math.min(caseId, other);
        long high = Math.max(caseId, other);
        int added = Sql.update(c, "INSERT INTO case_conflict (case_low, case_high) VALUES (?,?) ON CONFLICT DO NOTHING",
                low, high);
        if (added > 0) {
            AuditLog.append(c, new AuditEvent.Entry(actor.username(), "case.conflict", "case:" + low,
                    Optional.of(caseId), "case:" + low + " and case:" + high + " share entity " + entity));
        }
    }
}
