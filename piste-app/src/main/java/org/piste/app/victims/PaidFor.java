package org.piste.app.victims;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piste.app.cases.Sql;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.RecordSql;
import org.piste.model.Side;

/**
 * What each buyer paid for a victim: every transfer received by an entity of the facilitators linked to the victim
 * (current resolution), from each sender entity, by buyer, month and currency (the month and the
 * period's days are those where the transfer was sent, in the sender's zone, as in the case report), within the victim's period when
 * the authority gave one. Cancelled and refunded transfers were not received and do not count. Sums are exact and
 * per currency, never across currencies. A buyer who paid a facilitator linked to several victims counts in full
 * for each victim: these are the facts, the court apportions.
 */
public record PaidFor(Victim victim, List<Line> lines, List<Total> totals) {

    /** One buyer's transfers to the victim's facilitators in one month and one currency, with their source rows. */
    public record Line(String buyerEntity, String buyerName, YearMonth month, String currency, BigDecimal total,
            List<Source> transfers) {}

    /** A transfer and its provenance (the file's SHA-256 and the line it was read from). */
    public record Source(long transferId, String reference, Instant sentAt, String sendZone, BigDecimal amount,
            String currency,
            String facilitatorEntity, String sourceFile, String sha256, long line) {}

    /** One buyer's total in one currency over the whole period. */
    public record Total(String buyerEntity, String buyerName, String currency, BigDecimal total, int transfers) {}

    private record Row(String buyer, Source source) {}

    static PaidFor of(Connection c, Victim v) throws SQLException {
        String recipient = CurrentEntities.entityOr("mr", RecordSql.id("t.id", Side.RECIPIENT));
        List<Row> rows = Sql.list(c, "WITH fac AS (SELECT DISTINCT " + CurrentEntities.entityOr("m", "f.record_id")
                + " AS entity FROM victim_facilitator f" + CurrentEntities.joinRecord("m", "f.record_id")
                + " WHERE f.victim_id = ?)"
                + " SELECT t.id, t.reference, t.send_at, t.send_zone, t.sent_amount, t.sent_currency, "
                + CurrentEntities.entityOr("ms", RecordSql.id("t.id", Side.SENDER)) + " AS buyer, " + recipient
                + " AS facilitator, sf.original_name, sf.sha256, t.line_no FROM transfer t"
                + CurrentEntities.joinParties("t", "ms", "mr", false) + " JOIN source_file sf ON sf.id = t.source_id"
                // The recipient's transfers: through the membership, or the record itself when no run placed it.
                + " WHERE t.id IN (SELECT em.transfer_id FROM entity_member em JOIN fac ON fac.entity = em.entity_id"
                + " WHERE em.side = " + RecordSql.side(Side.RECIPIENT) + " UNION SELECT split_part(fac.entity, ':', 1)::bigint"
                + " FROM fac WHERE fac.entity LIKE '%:R')"
                + " AND " + recipient + " IN (SELECT entity FROM fac)"
                + " AND t.status NOT IN ('CANCELLED', 'REFUNDED')"
                + " AND (?::date IS NULL OR (t.send_at AT TIME ZONE t.send_zone)::date >= ?::date)"
                + " AND (?::date IS NULL OR (t.send_at AT TIME ZONE t.send_zone)::date <= ?::date)"
                + " ORDER BY t.send_at, t.id",
                rs -> new Row(rs.getString("buyer"), new Source(rs.getLong("id"), rs.getString("reference"),
                        rs.getTimestamp("send_at").toInstant(), rs.getString("send_zone"), rs.getBigDecimal("sent_amount"),
                        rs.getString("sent_currency").strip(), rs.getString("facilitator"), rs.getString("original_name"),
                        rs.getString("sha256"), rs.getLong("line_no"))),
                v.id(), Sql.sqlDate(v.periodFrom()), Sql.sqlDate(v.periodFrom()), Sql.sqlDate(v.periodTo()),
                Sql.sqlDate(v.periodTo()));
        Set<String> buyers = new HashSet<>();
        rows.forEach(r -> buyers.add(r.buyer()));
        Map<String, String> names = EntityNames.of(c, buyers);

        Map<List<Object>, List<Source>> byLine = new LinkedHashMap<>();
        for (Row r : rows) {
            YearMonth month = YearMonth.from(r.source().sentAt().atZone(java.time.ZoneId.of(r.source().sendZone())));
            byLine.computeIfAbsent(List.of(r.buyer(), month, r.source().currency()), k -> new ArrayList<>()).add(r.source());
        }
        List<Line> lines = new ArrayList<>();
        byLine.forEach((k, sources) -> lines.add(new Line((String) k.get(0), names.getOrDefault((String) k.get(0),
                (String) k.get(0)), (YearMonth) k.get(1), (String) k.get(2), sum(sources), List.copyOf(sources))));
        lines.sort(Comparator.comparing(Line::buyerName).thenComparing(Line::buyerEntity)
                .thenComparing(Line::month).thenComparing(Line::currency));

        Map<List<String>, List<Source>> byBuyer = new LinkedHashMap<>();
        for (Line l : lines) {
            byBuyer.computeIfAbsent(List.of(l.buyerEntity(), l.currency()), k -> new ArrayList<>()).addAll(l.transfers());
        }
        List<Total> totals = new ArrayList<>();
        byBuyer.forEach((k, sources) -> totals.add(new Total(k.get(0), names.getOrDefault(k.get(0), k.get(0)), k.get(1),
                sum(sources), sources.size())));
        return new PaidFor(v, List.copyOf(lines), List.copyOf(totals));
    }

    private static BigDecimal sum(List<Source> sources) {
        return sources.stream().map(Source::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
