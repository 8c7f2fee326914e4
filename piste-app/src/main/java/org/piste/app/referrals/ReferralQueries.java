package org.piste.app.referrals;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.entities.EntityNames;
import org.piste.app.store.Database;
import org.piste.app.resolve.CurrentEntities;

/** Reads stored referrals: the list, and one referral with its subjects and their matches. */
public final class ReferralQueries {
    private final Database database;
    private final AuditLog audit;

    public ReferralQueries(Database database) {
        this.database = database;
        this.audit = new AuditLog(database.dataSource());
    }

    /** A referral in the list: counts of subjects, subjects with a match, and accepted matches. */
    public record Summary(String ref, String agency, LocalDate date, int subjects, int matched, int accepted,
            String sha256, String legalReference, OffsetDateTime importedAt) {
        public Summary {
            Objects.requireNonNull(ref);
            Objects.requireNonNull(agency);
            Objects.requireNonNull(date);
            Objects.requireNonNull(sha256);
            Objects.requireNonNull(legalReference);
            Objects.requireNonNull(importedAt);
        }
    }

    /** A stored subject as written, with its matches (strongest first). */
    public record StoredSubject(int index, Referral.Subject subject, List<Match> matches) {
        public StoredSubject {
            Objects.requireNonNull(subject);
            matches = List.copyOf(matches);
        }
    }

    /** {@code names}: the name shown for each matched entity (EntityNames.of), read with the referral. */
    public record Detail(Summary summary, List<StoredSubject> subjects, Map<String, String> names) {
        public Detail {
            Objects.requireNonNull(summary);
            subjects = List.copyOf(subjects);
            names = Map.copyOf(names);
        }
    }

    private static final String SUMMARY = "SELECT r.ref, r.agency, r.referral_date, "
            + "(SELECT count(*) FROM referral_subject s WHERE s.referral_id = r.id), "
            + "(SELECT count(DISTINCT m.subject_id) FROM referral_match m JOIN referral_subject s ON s.id = m.subject_id "
            + "WHERE s.referral_id = r.id AND m.status <> 'REJECTED'), "
            + "(SELECT count(*) FROM referral_match m JOIN referral_subject s ON s.id = m.subject_id "
            + "WHERE s.referral_id = r.id AND m.status = 'ACCEPTED'), "
            + "f.sha256, f.legal_reference, r.imported_at, r.id FROM referral r JOIN referral_source f ON f.id = r.source_id ";

    /** Every referral, the view audited for the actor. */
    public List<Summary> list(Actor actor) {
        List<Summary> all = list();
        return audit.shown(actor, "referrals.view", "referrals", all.size() + " referrals", all);
    }

    /** A referral with its subjects and matches, the view audited for the actor. */
    public Optional<Detail> find(Actor actor, String ref) {
        Optional<Detail> d = find(ref);
        d.ifPresent(x -> audit.append(AuditEvent.Entry.by(actor, "referral.view", "referral:" + x.summary().ref(),
                x.subjects().size() + " subjects")));
        return d;
    }

    /** Unaudited: for {@link #list(Actor)} and this package's tests. */
    List<Summary> list() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SUMMARY
                + "ORDER BY r.referral_date, r.ref"); ResultSet rs = ps.executeQuery()) {
            List<Summary> all = new ArrayList<>();
            while (rs.next()) all.add(summary(rs));
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read referrals: " + e.getMessage(), e);
        }
    }

    /** Unaudited: for {@link #find(Actor, String)} and this package's tests. */
    Optional<Detail> find(String ref) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SUMMARY + "WHERE r.ref = ?")) {
            ps.setString(1, ref.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                List<StoredSubject> subjects = subjects(c, rs.getLong(10));
                Set<String> ids = new LinkedHashSet<>();
                subjects.forEach(x -> x.matches().forEach(m -> ids.add(m.entityId())));
                return Optional.of(new Detail(summary(rs), subjects, EntityNames.of(c, ids)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the referral: " + e.getMessage(), e);
        }
    }

    /** All referrals at a glance: how many, subjects with a (not rejected) match, matches no analyst ruled on. */
    public record Totals(long referrals, long subjectsMatched, long awaitingRuling) {}

    public Totals totals() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "(SELECT count(*) FROM referral), "
                + "(SELECT count(DISTINCT subject_id) FROM referral_match WHERE status <> 'REJECTED'), "
                + "(SELECT count(*) FROM referral_match WHERE status = 'PROPOSED')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count referrals: " + e.getMessage(), e);
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class));
    }

    private static List<StoredSubject> subjects(Connection c, long referral) throws SQLException {
        List<StoredSubject> subjects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_index, role, name, city, phone, email, country, "
                + "transfer_refs FROM referral_subject WHERE referral_id = ? ORDER BY subject_index")) {
            ps.setLong(1, referral);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array refs = rs.getArray(9);
                    Referral.Subject s = new Referral.Subject(Referral.Role.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            List.of((String[]) refs.getArray()));
                    subjects.add(new StoredSubject(rs.getInt(2), s, matches(c, rs.getLong(1))));
                }
            }
        }
        return subjects;
    }

    /** A subject's matches, strongest first; the entity is the current entity of the match's record. */
    static List<Match> matches(Connection c, long subject) throws SQLException {
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CurrentEntities.entityOr("em", "m.entity_id")
                + ", m.record_id, m.basis, m.probability, m.evidence::text, m.status, m.decided_by, m.decided_at, m.note "
                + "FROM referral_match m" + CurrentEntities.joinRecord("em", "m.record_id") + " WHERE m.subject_id = ? "
                + "ORDER BY m.probability DESC, m.id")) {
            ps.setLong(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matches.add(new Match(rs.getString(1), rs.getString(2), Match.Basis.valueOf(rs.getString(3)),
                            rs.getDouble(4), EvidenceJson.read(rs.getString(5)), Match.Status.valueOf(rs.getString(6)),
                            rs.getString(7), Optional.ofNullable(rs.getObject(8, OffsetDateTime.class)), rs.getString(9)));
                }
            }
        }
        return matches;
    }
}
