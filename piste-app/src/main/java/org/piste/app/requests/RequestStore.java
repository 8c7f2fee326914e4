package org.piste.app.requests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.piste.app.cases.Lateness;
import org.piste.app.cases.LegalReferences;
import org.piste.app.cases.Sql;
import org.piste.app.entities.EntityNames;
import org.piste.app.requests.RequestAbroad.AnswerFile;
import org.piste.app.requests.RequestAbroad.Channel;
import org.piste.app.requests.RequestAbroad.PackageMade;
import org.piste.app.requests.RequestAbroad.Status;
import org.piste.app.requests.RequestAbroad.TransferChoice;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.RecordSql;
import org.piste.model.RecordId;
import org.piste.model.Side;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of requests abroad (tables request_*), inside the caller's transaction. No access check here. */
final class RequestStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestStore() {}

    private static final String REQUEST = "SELECT id, case_id, number, channel, country, authority, question, status,"
            + " sent_on, due_on, created_by, created_at FROM request_abroad";

    static long insert(Connection c, long caseId, String number, Channel channel, String country, String authority,
            String question, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO request_abroad (case_id, number, channel, country, authority, question,"
                + " created_by) VALUES (?,?,?,?,?,?,?) RETURNING id", caseId, number, channel.name(), country, authority,
                question, by);
    }

    /** The next free "EAI-<year>-<4 digits>" of the year (the UNIQUE constraint settles a race). */
    static String nextNumber(Connection c, int year) throws SQLException {
        String prefix = "EAI-" + year + "-";
        int last = Sql.one(c, "SELECT coalesce(max(substring(number from ?)::int), 0) FROM request_abroad"
                + " WHERE number ~ ?", rs -> rs.getInt(1), prefix.length() + 1, "^" + prefix + "\\d{4}$").orElse(0);
        return prefix + String.format("%04d", last + 1);
    }

    static boolean numberTaken(Connection c, String number) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM request_abroad WHERE lower(btrim(number)) = ?", rs -> true,
                LegalReferences.key(number)).isPresent();
    }

    static List<RequestAbroad> ofCase(Connection c, long caseId, LocalDate today) throws SQLException {
        return Sql.list(c, REQUEST + " WHERE case_id = ? ORDER BY id DESC", rs -> request(rs, today), caseId);
    }

    static Optional<RequestAbroad> find(Connection c, long id, LocalDate today) throws SQLException {
        return Sql.one(c, REQUEST + " WHERE id = ?", rs -> request(rs, today), id);
    }

    /** The request a number or a legal reference names (cases.LegalReferences: spaces and case aside). */
    static Optional<RequestAbroad> byNumber(Connection c, String number, LocalDate today) throws SQLException {
        return Sql.one(c, REQUEST + " WHERE lower(btrim(number)) = ?", rs -> request(rs, today),
                LegalReferences.key(number));
    }

    private static RequestAbroad request(ResultSet rs, LocalDate today) throws SQLException {
        Status status = Status.valueOf(rs.getString(8));
        Optional<LocalDate> due = Optional.ofNullable(rs.getObject(10, LocalDate.class));
        return new RequestAbroad(rs.getLong(1), rs.getLong(2), rs.getString(3), Channel.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), status,
                Optional.ofNullable(rs.getObject(9, LocalDate.class)), due, Lateness.isLate(status.name(), due, today),
                rs.getString(11), Sql.instant(rs, "created_at"));
    }

    static void markSent(Connection c, long id, LocalDate on, Optional<LocalDate> due) throws SQLException {
        Sql.update(c, "UPDATE request_abroad SET status = 'SENT', sent_on = ?, due_on = ? WHERE id = ?", on,
                due.orElse(null), id);
    }

    static void setStatus(Connection c, long id, Status status) throws SQLException {
        Sql.update(c, "UPDATE request_abroad SET status = ? WHERE id = ?", status.name(), id);
    }

    // --- the selection

    static Set<String> chosenSubjects(Connection c, long id) throws SQLException {
        return Set.copyOf(Sql.list(c, "SELECT record_id FROM request_subject WHERE request_id = ?", rs -> rs.getString(1), id));
    }

    static Set<Long> chosenTransfers(Connection c, long id) throws SQLException {
        return Set.copyOf(Sql.list(c, "SELECT transfer_id FROM request_transfer WHERE request_id = ?", rs -> rs.getLong(1), id));
    }

    static void choose(Connection c, long id, Collection<String> subjects, Collection<Long> transfers) throws SQLException {
        Sql.update(c, "DELETE FROM request_subject WHERE request_id = ?", id);
        Sql.update(c, "DELETE FROM request_transfer WHERE request_id = ?", id);
        for (String s : subjects) Sql.update(c, "INSERT INTO request_subject (request_id, record_id) VALUES (?,?)", id, s);
        for (long t : transfers) Sql.update(c, "INSERT INTO request_transfer (request_id, transfer_id) VALUES (?,?)", id, t);
    }

    /**
     * The transfers with a side among {@code entities} (entity ids, or record ids not placed by a resolution), as
     * recorded, in sending order; only those of {@code only} when given. At most {@code limit}.
     */
    static List<TransferChoice> transfersOf(Connection c, Collection<String> entities, Optional<Collection<Long>> only,
            Set<Long> chosen, int limit) throws SQLException {
        var ids = c.createArrayOf("text", entities.toArray());
        // An unresolved subject is its record: its own transfer, found by id (an index) rather than by a computed id.
        var own = c.createArrayOf("bigint", entities.stream().flatMap(e -> RecordId.parse(e).stream())
                .map(RecordId::transferId).toArray());
        var wanted = c.createArrayOf("bigint", only.orElse(List.of()).toArray());
        String sender = CurrentEntities.entityOr("ms", "t.id || ':S'");
        String recipient = CurrentEntities.entityOr("mr", "t.id || ':R'");
        return Sql.list(c, "SELECT t.id, t.reference, t.provider, t.send_at, t.send_zone, t.sent_amount, t.sent_currency,"
                + " t.paid_amount, t.paid_currency, " + EntityNames.asWritten("ps") + ", " + EntityNames.asWritten("pr")
                + ", " + sender + ", " + recipient + ", f.sha256, t.line_no FROM transfer t"
                + " JOIN party_record ps ON ps.transfer_id = t.id AND ps.side = " + RecordSql.side(Side.SENDER)
                + " JOIN party_record pr ON pr.transfer_id = t.id AND pr.side = " + RecordSql.side(Side.RECIPIENT)
                + CurrentEntities.joinParties("t", "ms", "mr", false)
                + " JOIN source_file f ON f.id = t.source_id"
                + " WHERE (t.id IN (SELECT transfer_id FROM entity_member WHERE entity_id = ANY(?))"
                + " OR t.id = ANY(?))"
                + " AND (" + sender + " = ANY(?) OR " + recipient + " = ANY(?))"
                + " AND (? = false OR t.id = ANY(?)) ORDER BY t.send_at, t.id LIMIT ?",
                rs -> new TransferChoice(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "send_at"),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), Optional.ofNullable(rs.getBigDecimal(8)),
                        Optional.ofNullable(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getLong(15), chosen.contains(rs.getLong(1))),
                ids, own, ids, ids, only.isPresent(), wanted, limit);
    }

    // --- packages and answers

    /** {@code recordIds}, {@code transferIds}: what left, kept as ids so the package stays describable. */
    static long insertPackage(Connection c, long id, String by, String sentTo, String manifest, String sha256,
            List<String> recordIds, List<Long> transferIds) throws SQLException {
        return Sql.insert(c, "INSERT INTO request_package (request_id, made_by, sent_to, manifest, manifest_sha256,"
                + " subjects, transfers, record_ids, transfer_ids) VALUES (?,?,?,?::jsonb,?,?,?,?::jsonb,?::jsonb)"
                + " RETURNING id", id, by, sentTo, manifest, sha256, recordIds.size(), transferIds.size(),
                JSON.writeValueAsString(recordIds), JSON.writeValueAsString(transferIds));
    }

    static List<PackageMade> packages(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT id, made_at, made_by, sent_to, manifest_sha256, subjects, transfers, record_ids::text,"
                + " transfer_ids::text FROM request_package WHERE request_id = ? ORDER BY id DESC",
                rs -> new PackageMade(rs.getLong(1), Sql.instant(rs, "made_at"), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7),
                        List.of(JSON.readValue(rs.getString(8), String[].class)),
                        List.of(JSON.readValue(rs.getString(9), Long[].class))), id);
    }

    static void linkAnswer(Connection c, long id, long sourceId) throws SQLException {
        Sql.update(c, "INSERT INTO request_answer (request_id, source_id) VALUES (?,?) ON CONFLICT DO NOTHING", id,
                sourceId);
    }

    static List<AnswerFile> answers(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT f.id, f.original_name, f.sha256, f.provider, f.received_on, f.rows_read, f.imported_at"
                + " FROM request_answer a JOIN source_file f ON f.id = a.source_id WHERE a.request_id = ? ORDER BY f.id",
                rs -> new AnswerFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), Sql.instant(rs, "imported_at")), id);
    }
}
