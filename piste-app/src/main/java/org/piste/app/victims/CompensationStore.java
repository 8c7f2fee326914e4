package org.piste.app.victims;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.piste.app.cases.Sql;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.victims.Compensation.Award;
import org.piste.app.victims.Compensation.Buyer;
import org.piste.app.victims.Compensation.Claim;
import org.piste.app.victims.Compensation.Claimant;
import org.piste.app.victims.Compensation.Ledger;
import org.piste.app.victims.Compensation.Payment;

/** The SQL of the ledger (tables compensation_*), money in minor units. No access check here: see CompensationService. */
final class CompensationStore {
    private CompensationStore() {}

    static long claim(Connection c, long victimId, Claimant claimant, Optional<String> buyer, long minor, String currency,
            LocalDate filedOn, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO compensation_claim (victim_id, claimant, buyer_record_id, amount_minor, currency,"
                + " filed_on, created_by) VALUES (?,?,?,?,?,?,?) RETURNING id", victimId, claimant.name(), buyer.orElse(null),
                minor, currency, Date.valueOf(filedOn), by);
    }

    static long award(Connection c, long victimId, String buyer, long minor, String currency, LocalDate decidedOn,
            String reference, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO compensation_award (victim_id, buyer_record_id, amount_minor, currency, decided_on,"
                + " decision_reference, created_by) VALUES (?,?,?,?,?,?,?) RETURNING id", victimId, buyer, minor, currency,
                Date.valueOf(decidedOn), reference, by);
    }

    static long payment(Connection c, long awardId, long minor, String currency, LocalDate receivedOn, String by)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO compensation_payment (award_id, amount_minor, currency, received_on, created_by)"
                + " VALUES (?,?,?,?,?) RETURNING id", awardId, minor, currency, Date.valueOf(receivedOn), by);
    }

    /** The award's victim and currency, if the award exists and its victim is in the case. */
    record AwardKey(long victimId, String currency) {}

    static Optional<AwardKey> awardKey(Connection c, long caseId, long awardId) throws SQLException {
        return Sql.one(c, "SELECT w.victim_id, w.currency FROM compensation_award w JOIN victim v ON v.id = w.victim_id"
                + " WHERE w.id = ? AND v.case_id = ?", rs -> new AwardKey(rs.getLong(1), rs.getString(2)), awardId, caseId);
    }

    private record RawClaim(long id, long victimId, Claimant claimant, String record, String entity, long minor,
            String currency, LocalDate filedOn) {}

    private record RawAward(long id, long victimId, String record, String entity, long minor, String currency,
            LocalDate decidedOn, String reference) {}

    /** The ledger of each victim of the case, by victim id. */
    static Map<Long, Ledger> ofCase(Connection c, long caseId) throws SQLException {
        return ofCase(c, caseId, Optional.empty());
    }

    /** As {@link #ofCase(Connection, long)}, with only what was recorded by {@code asOf} (a report's snapshot). */
    static Map<Long, Ledger> ofCase(Connection c, long caseId, Optional<java.time.Instant> asOf) throws SQLException {
        java.sql.Timestamp by = asOf.map(java.sql.Timestamp::from).orElse(null);
        List<RawClaim> claims = Sql.list(c, "SELECT k.id, k.victim_id, k.claimant, k.buyer_record_id, "
                + CurrentEntities.entityOr("m", "k.buyer_record_id") + ", k.amount_minor, k.currency, k.filed_on"
                + " FROM compensation_claim k JOIN victim v ON v.id = k.victim_id" + CurrentEntities.joinRecord("m", "k.buyer_record_id")
                + " WHERE v.case_id = ? AND (?::timestamptz IS NULL OR k.created_at <= ?)"
                + " ORDER BY k.filed_on, k.id", rs -> new RawClaim(rs.getLong(1), rs.getLong(2),
                        Claimant.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                        rs.getDate(8).toLocalDate()), caseId, by, by);
        List<RawAward> awards = Sql.list(c, "SELECT a.id, a.victim_id, a.buyer_record_id, "
                + CurrentEntities.entityOr("m", "a.buyer_record_id") + ", a.amount_minor, a.currency, a.decided_on,"
                + " a.decision_reference FROM compensation_award a JOIN victim v ON v.id = a.victim_id"
                + CurrentEntities.joinRecord("m", "a.buyer_record_id") + " WHERE v.case_id = ?"
                + " AND (?::timestamptz IS NULL OR a.created_at <= ?) ORDER BY a.decided_on, a.id",
                rs -> new RawAward(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8)), caseId, by, by);
        List<Payment> payments = Sql.list(c, "SELECT p.id, p.award_id, p.amount_minor, p.currency, p.received_on"
                + " FROM compensation_payment p JOIN compensation_award a ON a.id = p.award_id JOIN victim v ON v.id = a.victim_id"
                + " WHERE v.case_id = ? AND (?::timestamptz IS NULL OR p.created_at <= ?) ORDER BY p.received_on, p.id",
                CompensationStore::payment, caseId, by, by);
        Set<String> entities = new HashSet<>();
        claims.forEach(k -> { if (k.entity() != null) entities.add(k.entity()); });
        awards.forEach(a -> entities.add(a.entity()));
        Map<String, String> names = EntityNames.of(c, entities);

        Map<Long, Ledger> out = new java.util.HashMap<>();
        for (RawClaim k : claims) {
            Optional<Buyer> buyer = Optional.ofNullable(k.record()).map(r -> new Buyer(r, k.entity(),
                    names.getOrDefault(k.entity(), k.entity())));
            ledger(out, k.victimId()).claims().add(new Claim(k.id(), k.victimId(), k.claimant(), buyer,
                    Money.fromMinor(k.minor(), k.currency()), k.currency(), k.filedOn()));
        }
        for (RawAward a : awards) {
            List<Payment> paid = payments.stream().filter(p -> p.awardId() == a.id()).toList();
            ledger(out, a.victimId()).awards().add(new Award(a.id(), a.victimId(), new Buyer(a.record(), a.entity(),
                    names.getOrDefault(a.entity(), a.entity())), Money.fromMinor(a.minor(), a.currency()), a.currency(),
                    a.decidedOn(), a.reference(), paid));
        }
        return out;
    }

    private static Ledger ledger(Map<Long, Ledger> all, long victimId) {
        return all.computeIfAbsent(victimId, v -> new Ledger(new ArrayList<>(), new ArrayList<>()));
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        String currency = rs.getString(4);
        BigDecimal amount = Money.fromMinor(rs.getLong(3), currency);
        return new Payment(rs.getLong(1), rs.getLong(2), amount, currency, rs.getDate(5).toLocalDate());
    }
}
