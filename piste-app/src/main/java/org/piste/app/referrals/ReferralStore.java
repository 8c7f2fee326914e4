package org.piste.app.referrals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.piste.app.store.Database;
import org.piste.app.resolve.CurrentEntities;

/**
 * Stores referrals, their subjects and matches, records analysts' decisions on matches, and gives the screening
 * its seeds.
 */
public final class ReferralStore {
    /** A proposed (undecided) match from the resolver at least this probable is a seed. */
    public static final double SEED_PROBABILITY = 0.99;

    private ReferralStore() {}

    /**
     * The entities referrals name, with the role they were named in: the entity of every match that is
     * <ul>
     * <li>ACCEPTED by an analyst, or</li>
     * <li>PROPOSED and certain (a cited transfer reference is stored: basis TRANSFER_REFERENCE), or</li>
     * <li>PROPOSED by the resolver with probability >= {@value #SEED_PROBABILITY}.</li>
     * </ul>
     * REJECTED matches never count. The entity is the current entity of the record the match rests on (so a later
     * resolution run moves the seed with its record), or the stored entity id when that record is no longer
     * resolved. An entity named in both roles has the value "BUYER,FACILITATOR".
     *
     * @return entity id -> "BUYER", "FACILITATOR" or "BUYER,FACILITATOR", in entity id order
     */
    public static Map<String, String> seeds(Database database) {
        try (Connection c = database.connect()) {
            return seeds(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read referral seeds: " + e.getMessage(), e);
        }
    }

    /** {@link #seeds(Database)} on an open connection. */
    public static Map<String, String> seeds(Connection c) throws SQLException {
        String sql = "SELECT DISTINCT " + CurrentEntities.entityOr("em", "m.entity_id") + ", s.role FROM referral_match m "
                + "JOIN referral_subject s ON s.id = m.subject_id" + CurrentEntities.joinRecord("em", "m.record_id")
                + " WHERE m.status = 'ACCEPTED' OR (m.status = 'PROPOSED' AND (m.basis = 'TRANSFER_REFERENCE' "
                + "OR (m.basis = 'RESOLVER' AND m.probability >= ?)))";
        Map<String, TreeSet<String>> roles = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, SEED_PROBABILITY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) roles.computeIfAbsent(rs.getString(1), e -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        Map<String, String> seeds = new TreeMap<>();
        roles.forEach((entity, r) -> seeds.put(entity, String.join(",", r)));
        return seeds;
    }

    /** The id and import time of the referral file with this SHA-256, if imported. */
    static Optional<ReferralImport.Outcome.AlreadyImported> source(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.imported_at, (SELECT count(*) FROM referral r "
                + "WHERE r.source_id = s.id) FROM referral_source s WHERE s.sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new ReferralImport.Outcome.AlreadyImported(sha256,
                        rs.getObject(1, java.time.OffsetDateTime.class), rs.getInt(2)));
            }
        }
    }

    /** Referral references of this list that are already stored, with the SHA-256 of the file each came from. */
    static Map<String, String> stored(Connection c, List<Referral> referrals) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.ref, s.sha256 FROM referral r JOIN referral_source s "
                + "ON s.id = r.source_id WHERE r.ref = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", referrals.stream().map(Referral::ref).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }

    /** Stores a file's referrals, subjects and matches (on the caller's transaction). */
    static void save(Connection c, String sha256, String name, String legalRef, List<Referral> referrals,
            Map<String, List<Match>> matches) throws SQLException {
        long source;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral_source (sha256, original_name, "
                + "legal_reference) VALUES (?, ?, ?) RETURNING id")) {
            ps.setString(1, sha256);
            ps.setString(2, name);
            ps.setString(3, legalRef);
            source = returnedId(ps);
        }
        for (int i = 0; i < referrals.size(); i++) {
            Referral r = referrals.get(i);
            long referral;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral (source_id, position, ref, agency, "
                    + "referral_date) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, source);
                ps.setInt(2, i);
                ps.setString(3, r.ref());
                ps.setString(4, r.agency());
                ps.setObject(5, r.date());
                referral = returnedId(ps);
            }
            for (int k = 0; k < r.subjects().size(); k++) {
                long subject = saveSubject(c, referral, k, r.subjects().get(k));
                for (Match m : matches.getOrDefault(ReferralMatcher.subjectId(r.ref(), k), List.of())) saveMatch(c, subject, m);
            }
        }
    }

    private static long saveSubject(Connection c, long referral, int index, Referral.Subject s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral_subject (referral_id, subject_index, role, "
                + "name, city, phone, email, country, transfer_refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            int i = 1;
            ps.setLong(i++, referral);
            ps.setInt(i++, index);
            ps.setString(i++, s.role().name());
            ps.setString(i++, s.name());
            ps.setString(i++, s.city());
            ps.setString(i++, s.phone());
            ps.setString(i++, s.email());
            ps.setString(i++, s.country());
            ps.setArray(i, c.createArrayOf("text", s.transferRefs().toArray()));
            return returnedId(ps);
        }
    }

    static void saveMatch(Connection c, long subject, Match m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral_match (subject_id, entity_id, record_id, "
                + "basis, probability, evidence, status, decided_by, decided_at, note) "
                + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setLong(i++, subject);
            ps.setString(i++, m.entityId());
            ps.setString(i++, m.recordId());
            ps.setString(i++, m.basis().name());
            ps.setDouble(i++, m.probability());
            ps.setString(i++, EvidenceJson.write(m.evidence()));
            ps.setString(i++, m.status().name());
            ps.setString(i++, m.decidedBy());
            ps.setObject(i++, m.decidedAt().orElse(null));
            ps.setString(i, m.note());
            ps.executeUpdate();
        }
    }

    private static long returnedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
