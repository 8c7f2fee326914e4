package org.piste.app.requisitions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.cases.LegalReferences;
import org.piste.app.cases.Sql;
import org.piste.app.requisitions.Requisition.AddresseeKind;
import org.piste.app.requisitions.Requisition.Answer;
import org.piste.app.requisitions.Requisition.Identifier;
import org.piste.app.requisitions.Requisition.LegalBasis;
import org.piste.app.requisitions.Requisition.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The requisition tables, in the caller's transaction. Numbers are compared trimmed and case aside, everywhere. */
final class RequisitionStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT r.id, r.case_id, r.number, r.addressee, r.addressee_kind, "
            + "r.legal_basis, r.period_from, r.period_to, r.identifiers::text, r.refs::text, r.status, r.sent_on, "
            + "r.due_on, r.created_by, r.created_at, f.reference FROM requisition r JOIN case_file f ON f.id = r.case_id ";

    private RequisitionStore() {}

    record Draft(long caseId, String number, String addressee, AddresseeKind kind, LegalBasis basis, LocalDate from,
            LocalDate to, List<Identifier> identifiers, List<String> refs, String by) {}

    static long insert(Connection c, Draft d) throws SQLException {
        return Sql.insert(c, "INSERT INTO requisition (case_id, number, addressee, addressee_kind, legal_basis, period_from, "
                + "period_to, identifiers, refs, created_by) VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb,?) RETURNING id",
                d.caseId(), d.number(), d.addressee(), d.kind().name(), d.basis().article(),
                d.from(), d.to(), identifiersJson(d.identifiers()), refsJson(d.refs()), d.by());
    }

    static boolean numberTaken(Connection c, String number) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM requisition WHERE lower(number) = ?", rs -> 1, LegalReferences.key(number)).isPresent();
    }

    /** The highest sequence used this year by automatic numbers (REQ-year-nnnn), 0 when none. */
    static int lastSequence(Connection c, int year) throws SQLException {
        return Sql.one(c, "SELECT coalesce(max(substring(number FROM '^REQ-\\d{4}-(\\d{4})$')::int), 0) FROM requisition "
                + "WHERE number ~ ?", rs -> rs.getInt(1), "^REQ-" + year + "-\\d{4}$").orElse(0);
    }

    static void markSent(Connection c, long id, LocalDate sentOn, LocalDate dueOn) throws SQLException {
        Sql.update(c, "UPDATE requisition SET status = 'SENT', sent_on = ?, due_on = ? WHERE id = ?", sentOn, dueOn, id);
    }

    static void markAnswered(Connection c, long id) throws SQLException {
        Sql.update(c, "UPDATE requisition SET status = 'ANSWERED' WHERE id = ?", id);
    }

    static Optional<Requisition> byId(Connection c, long id) throws SQLException {
        Optional<Requisition> r = Sql.one(c, SELECT + "WHERE r.id = ?", RequisitionStore::read, id);
        return r.isEmpty() ? r : Optional.of(withAnswers(c, r.get()));
    }

    static Optional<Requisition> byNumber(Connection c, String number) throws SQLException {
        Optional<Long> id = Sql.one(c, "SELECT id FROM requisition WHERE lower(number) = ?", rs -> rs.getLong(1),
                LegalReferences.key(number));
        return id.isEmpty() ? Optional.empty() : byId(c, id.get());
    }

    static List<Requisition> ofCase(Connection c, long caseId) throws SQLException {
        List<Requisition> out = new ArrayList<>();
        for (Requisition r : Sql.list(c, SELECT + "WHERE r.case_id = ? ORDER BY r.id",
                RequisitionStore::read, caseId)) {
            out.add(withAnswers(c, r));
        }
        return out;
    }

    /** Requisitions whose number is this legal reference (trimmed, case aside): at most one, numbers being unique. */
    static Optional<Long> numbered(Connection c, String legalReference) throws SQLException {
        return Sql.one(c, "SELECT id FROM requisition WHERE lower(number) = ?", rs -> rs.getLong(1),
                LegalReferences.key(legalReference));
    }

    /** Imported files carrying this number as their legal reference and not linked to it yet. */
    static List<Long> unlinkedSources(Connection c, long requisitionId, String number) throws SQLException {
        return Sql.list(c, "SELECT s.id FROM source_file s WHERE lower(btrim(s.legal_reference)) = ? AND NOT EXISTS "
                + "(SELECT 1 FROM requisition_answer a WHERE a.requisition_id = ? AND a.source_id = s.id) ORDER BY s.id",
                rs -> rs.getLong(1), LegalReferences.key(number), requisitionId);
    }

    static void link(Connection c, long requisitionId, long sourceId) throws SQLException {
        Sql.update(c, "INSERT INTO requisition_answer (requisition_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                requisitionId, sourceId);
    }

    /** The subjects' identifiers as stored in their records: name as written, phone, e-mail, ID document. */
    static List<Identifier> subjectIdentifiers(Connection c, long caseId) throws SQLException {
        List<Identifier> out = new ArrayList<>();
        for (String[] r : Sql.list(c, "SELECT s.label, p.phone, p.email, btrim(p.id_type || ' ' || p.id_number), "
                + "p.birth_date_raw FROM case_subject s JOIN party_record p ON p.transfer_id = "
                + "split_part(s.record_id, ':', 1)::bigint AND p.side = split_part(s.record_id, ':', 2) "
                + "WHERE s.case_id = ? ORDER BY s.id", rs -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)}, caseId)) {
            add(out, "NAME", r[0] + (r[4].isBlank() ? "" : " (" + r[4].strip() + ")"));
            add(out, "PHONE", r[1]);
            add(out, "EMAIL", r[2]);
            add(out, "ID", r[3]);
        }
        return out;
    }

    /** The references (MTCN) of the case's evidence transfers. */
    static List<String> evidenceRefs(Connection c, long caseId) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT t.reference FROM case_evidence e JOIN transfer t ON t.id = e.transfer_id "
                + "WHERE e.case_id = ? ORDER BY t.reference", rs -> rs.getString(1), caseId);
    }

    static String identifiersJson(List<Identifier> ids) {
        ArrayNode array = JSON.createArrayNode();
        ids.forEach(i -> array.addObject().put("kind", i.kind()).put("value", i.value()));
        return JSON.writeValueAsString(array);
    }

    private static void add(List<Identifier> out, String kind, String value) {
        String v = value == null ? "" : value.strip();
        Identifier i = new Identifier(kind, v);
        if (!v.isEmpty() && !out.contains(i)) out.add(i);
    }

    private static String refsJson(List<String> refs) {
        ArrayNode array = JSON.createArrayNode();
        refs.forEach(array::add);
        return JSON.writeValueAsString(array);
    }

    private static Requisition withAnswers(Connection c, Requisition r) throws SQLException {
        List<Answer> answers = Sql.list(c, "SELECT s.id, s.original_name, s.sha256, s.provider, s.received_on, s.rows_read, "
                + "s.rows_accepted, s.rows_quarantined, s.rows_duplicate, a.linked_at FROM requisition_answer a "
                + "JOIN source_file s ON s.id = a.source_id WHERE a.requisition_id = ? ORDER BY s.id",
                rs -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getTimestamp(10).toInstant()), r.id());
        return new Requisition(r.id(), r.caseId(), r.caseReference(), r.number(), r.addressee(), r.addresseeKind(), r.legalBasis(),
                r.periodFrom(), r.periodTo(), r.identifiers(), r.refs(), r.status(), r.sentOn(), r.dueOn(),
                r.createdBy(), r.createdAt(), answers);
    }

    private static Requisition read(ResultSet rs) throws SQLException {
        List<Identifier> ids = new ArrayList<>();
        for (JsonNode o : JSON.readTree(rs.getString(9))) ids.add(new Identifier(o.get("kind").stringValue(),
                o.get("value").stringValue()));
        List<String> refs = new ArrayList<>();
        for (JsonNode o : JSON.readTree(rs.getString(10))) refs.add(o.stringValue());
        return new Requisition(rs.getLong(1), rs.getLong(2), rs.getString(16), rs.getString(3), rs.getString(4),
                AddresseeKind.valueOf(rs.getString(5)), LegalBasis.parse(rs.getString(6)),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), ids, refs,
                Status.valueOf(rs.getString(11)), Optional.ofNullable(rs.getObject(12, LocalDate.class)),
                Optional.ofNullable(rs.getObject(13, LocalDate.class)), rs.getString(14),
                rs.getTimestamp(15).toInstant(), List.of());
    }
}
