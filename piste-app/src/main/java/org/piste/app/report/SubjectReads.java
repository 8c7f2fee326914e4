package org.piste.app.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Explanations;
import org.piste.app.entities.EntityNames;
import org.piste.app.report.ReportSnapshot.DecisionLine;
import org.piste.app.report.ReportSnapshot.IdentityVariant;
import org.piste.app.report.ReportSnapshot.Row;
import org.piste.app.report.ReportSnapshot.Screening;
import org.piste.app.report.ReportSnapshot.TransferLine;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.RecordSql;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.screen.Contribution;

/**
 * One subject's part of the snapshot, read inside the caller's (snapshot) transaction. Only rows of files imported
 * by the as-of timestamp and decisions made by it are read, so a later import or ruling does not change a snapshot
 * taken before it. Every list has an explicit order: the same data gives the same bytes.
 */
final class SubjectReads {
    private SubjectReads() {}

    /** The entity's records (the subject's record itself when no run placed it): record_id, transfer_id, side. */
    private static final String RECORDS = "WITH recs AS (SELECT m.record_id, m.transfer_id, m.side FROM entity_member m"
            + " WHERE m.entity_id = ? UNION SELECT ?, ?::bigint, ?::char(1)) ";

    private static PreparedStatement records(Connection c, String sql, String entity, RecordId record, Instant asOf)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(RECORDS + sql);
        ps.setString(1, entity);
        ps.setString(2, record.toString());
        ps.setLong(3, record.transferId());
        ps.setString(4, String.valueOf(record.side().letter()));
        ps.setTimestamp(5, Timestamp.from(asOf));
        return ps;
    }

    /**
     * Every transfer the entity sent or received, oldest first. Unlike the entity page's listing (EntityTransfers,
     * one counterparty per row) the report names both parties and the payout place, so it reads them here.
     */
    static List<TransferLine> transfers(Connection c, String entity, RecordId record, Instant asOf) throws SQLException {
        String sql = "SELECT t.id, t.reference, t.send_at, t.send_zone, t.sent_amount, t.sent_currency, "
                + EntityNames.asWritten("ps") + ", coalesce(sm.entity_id, " + RecordSql.id("t.id", Side.SENDER) + "), "
                + EntityNames.asWritten("pr") + ", coalesce(rm.entity_id, " + RecordSql.id("t.id", Side.RECIPIENT) + "), "
                + "t.payout_city, t.payout_country, t.channel, t.status, s.sha256, t.line_no "
                + "FROM transfer t JOIN source_file s ON s.id = t.source_id "
                + "JOIN party_record ps ON ps.transfer_id = t.id AND ps.side = " + RecordSql.side(Side.SENDER)
                + " JOIN party_record pr ON pr.transfer_id = t.id AND pr.side = " + RecordSql.side(Side.RECIPIENT)
                + CurrentEntities.joinParties("t", "sm", "rm", false)
                + " WHERE t.id IN (SELECT transfer_id FROM recs) AND s.imported_at <= ? ORDER BY t.send_at, t.id";
        List<TransferLine> out = new ArrayList<>();
        try (PreparedStatement ps = records(c, sql, entity, record, asOf); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TransferLine(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getBigDecimal(5).toPlainString(), rs.getString(6).strip(), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), new Row(rs.getString(15), rs.getLong(16))));
            }
        }
        return out;
    }

    /** The ways the subject's identity was written, each with its rows; ordered by the fields, rows by file and line. */
    static List<IdentityVariant> variants(Connection c, String entity, RecordId record, Instant asOf) throws SQLException {
        String sql = "SELECT " + EntityNames.asWritten("p") + ", p.phone, p.id_number, p.country, p.city, s.sha256, "
                + "t.line_no FROM recs r JOIN party_record p ON p.transfer_id = r.transfer_id AND p.side = r.side "
                + "JOIN transfer t ON t.id = r.transfer_id JOIN source_file s ON s.id = t.source_id "
                + "WHERE s.imported_at <= ?";
        Map<List<String>, List<Row>> byVariant = new LinkedHashMap<>();
        try (PreparedStatement ps = records(c, sql, entity, record, asOf); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
                byVariant.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(rs.getString(6), rs.getLong(7)));
            }
        }
        Comparator<List<String>> fields = Comparator.comparing((List<String> k) -> k.get(0));
        for (int i = 1; i < 5; i++) {
            int f = i;
            fields = fields.thenComparing(k -> k.get(f));
        }
        Comparator<Row> rows = Comparator.comparing(Row::sha256).thenComparingLong(Row::line);
        return byVariant.entrySet().stream().sorted(Map.Entry.comparingByKey(fields))
                .map(e -> new IdentityVariant(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
                        e.getKey().get(4), e.getValue().stream().sorted(rows).toList()))
                .toList();
    }

    /** The entity's score in the current screening run, on the subject record's side first, else on the other. */
    static Optional<Screening> screening(Connection c, String entity, Side preferred) throws SQLException {
        Side other = preferred == Side.SENDER ? Side.RECIPIENT : Side.SENDER;
        Optional<Explanations.Explanation> e = Explanations.explain(c, preferred, entity);
        if (e.isEmpty()) e = Explanations.explain(c, other, entity);
        return e.map(x -> new Screening(x.run().id(), x.run().ruleSetVersion(), x.side().name(),
                new BigDecimal(Double.toString(x.score())).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                x.rank(), x.parts().stream().map(p -> p.contribution()).map(Contribution::sentence).toList()));
    }

    /**
     * Alert rulings, resolution rulings (same / not the same person) and referral matches decided about the entity
     * up to the as-of timestamp, oldest first.
     */
    static List<DecisionLine> decisions(Connection c, String entity, RecordId record, Instant asOf) throws SQLException {
        List<DecisionLine> out = new ArrayList<>();
        for (AlertDecisions.Stored d : AlertDecisions.forEntity(c, entity)) {
            Instant at = d.decidedAt().toInstant();
            if (!at.isAfter(asOf)) {
                out.add(new DecisionLine("ALERT", d.kind().name() + " " + d.side().name(), d.decidedBy(), at, d.note()));
            }
        }
        String resolution = "SELECT 'RESOLUTION', d.kind || ' ' || d.record_a || ' ' || d.record_b, d.decided_by, "
                + "d.decided_at, d.note FROM analyst_decision d WHERE d.decided_at <= ? AND EXISTS (SELECT 1 FROM recs r "
                + "WHERE r.record_id IN (d.record_a, d.record_b))";
        String referral = "SELECT 'REFERRAL', rm.status || ' ' || rf.ref || ' ' || rm.record_id, rm.decided_by, "
                + "rm.decided_at, rm.note FROM referral_match rm JOIN referral_subject rs ON rs.id = rm.subject_id "
                + "JOIN referral rf ON rf.id = rs.referral_id WHERE rm.decided_at <= ? AND rm.status <> 'PROPOSED' "
                + "AND rm.decided_by <> '' AND EXISTS (SELECT 1 FROM recs r WHERE r.record_id = rm.record_id)";
        for (String sql : List.of(resolution, referral)) {
            try (PreparedStatement ps = records(c, sql, entity, record, asOf); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DecisionLine(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
                }
            }
        }
        out.sort(Comparator.comparing(DecisionLine::at).thenComparing(DecisionLine::kind)
                .thenComparing(DecisionLine::decision).thenComparing(DecisionLine::by));
        return out;
    }
}
