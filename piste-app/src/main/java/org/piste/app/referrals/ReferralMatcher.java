package org.piste.app.referrals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.StoredEntities;
import org.piste.app.store.Database;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.resolve.Evidence;
import org.piste.resolve.Link;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.Resolution;

/**
 * Finds the entities referral subjects may be. A cited transfer reference that is stored gives its sender (buyer)
 * or recipient (facilitator): certain. A subject without one is resolved against the stored entities with the
 * stored model; the entities it joins are proposed with the link's probability and evidence.
 */
final class ReferralMatcher {
    private final Database database;

    ReferralMatcher(Database database) {
        this.database = database;
    }

    /** The record id a subject has while it is resolved. */
    static String subjectId(String ref, int index) {
        return "referral:" + ref + "#" + index;
    }

    /** Matches per subject id ({@link #subjectId}); a subject without any has an empty list. */
    Map<String, List<Match>> match(List<Referral> referrals) {
        Map<String, List<Match>> matches = new LinkedHashMap<>();
        Map<String, Referral.Subject> toResolve = new LinkedHashMap<>();
        Map<String, List<Cited>> cited = cited(referrals);
        for (Referral r : referrals) {
            for (int k = 0; k < r.subjects().size(); k++) {
                Referral.Subject s = r.subjects().get(k);
                String id = subjectId(r.ref(), k);
                List<Match> certain = certain(s, cited);
                matches.put(id, certain);
                if (certain.isEmpty()) toResolve.put(id, s);
            }
        }
        if (!toResolve.isEmpty()) resolve(toResolve, matches);
        return matches;
    }

    /** A stored transfer with a cited reference, and the entities of its two parties. */
    private record Cited(long transferId, String sha256, long line, String senderEntity, String recipientEntity) {}

    private Map<String, List<Cited>> cited(List<Referral> referrals) {
        Set<String> refs = new HashSet<>();
        referrals.forEach(r -> r.subjects().forEach(s -> refs.addAll(s.transferRefs())));
        Map<String, List<Cited>> found = new HashMap<>();
        if (refs.isEmpty()) return found;
        String sql = "SELECT t.reference, t.id, s.sha256, t.line_no, es.entity_id, er.entity_id FROM transfer t "
                + "JOIN source_file s ON s.id = t.source_id" + CurrentEntities.joinParties("t", "es", "er", false)
                + " WHERE t.reference = ANY (?) ORDER BY t.id";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    String sender = Optional.ofNullable(rs.getString(5)).orElse(new RecordId(id, Side.SENDER).toString());
                    String recipient = Optional.ofNullable(rs.getString(6)).orElse(new RecordId(id, Side.RECIPIENT).toString());
                    found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Cited(id, rs.getString(3), rs.getLong(4), sender, recipient));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up transfer references: " + e.getMessage(), e);
        }
        return found;
    }

    private static List<Match> certain(Referral.Subject s, Map<String, List<Cited>> cited) {
        boolean buyer = s.role() == Referral.Role.BUYER;
        Map<String, String> recordOf = new LinkedHashMap<>();
        Map<String, List<MatchEvidence>> evidence = new LinkedHashMap<>();
        for (String ref : s.transferRefs()) {
            for (Cited t : cited.getOrDefault(ref, List.of())) {
                String entity = buyer ? t.senderEntity() : t.recipientEntity();
                recordOf.putIfAbsent(entity, new RecordId(t.transferId(), buyer ? Side.SENDER : Side.RECIPIENT).toString());
                evidence.computeIfAbsent(entity, e -> new ArrayList<>()).add(new MatchEvidence(
                        MatchEvidence.TRANSFER_REFERENCE, ref, t.sha256().substring(0, 12) + ":" + t.line(),
                        buyer ? "sender" : "recipient", OptionalDouble.empty()));
            }
        }
        List<Match> matches = new ArrayList<>();
        recordOf.forEach((entity, record) -> matches.add(Match.proposed(entity, record, Match.Basis.TRANSFER_REFERENCE,
                1.0, evidence.get(entity))));
        return matches;
    }

    private void resolve(Map<String, Referral.Subject> subjects, Map<String, List<Match>> matches) {
        List<PersonRecord> records = new ArrayList<>();
        subjects.forEach((id, s) -> records.add(SubjectRecords.of(id, s)));
        StoredEntities stored = new StoredEntities(database);
        Optional<StoredEntities.Probe> probe = stored.probe(records);
        if (probe.isEmpty()) return;
        Map<String, Set<String>> joined = joinedEntities(probe.get(), subjects.keySet());
        for (PersonRecord r : records) {
            List<Match> direct = direct(probe.get(), r.id());
            Set<String> directEntities = new HashSet<>();
            direct.forEach(m -> directEntities.add(m.entityId()));
            if (directEntities.containsAll(joined.get(r.id()))) {
                matches.put(r.id(), direct);
            } else {
                // It joined an entity through another subject: resolve it alone, so every match is its own link.
                matches.put(r.id(), stored.probe(List.of(r)).map(p -> direct(p, r.id())).orElse(List.of()));
            }
        }
    }

    /** For each subject, the stored entities in its cluster. */
    private static Map<String, Set<String>> joinedEntities(StoredEntities.Probe probe, Set<String> subjects) {
        Map<String, String> result = probe.resolution().entityOf();
        Map<String, Set<String>> byCluster = new HashMap<>();
        for (String s : subjects) byCluster.put(result.get(s), new HashSet<>());
        result.forEach((record, cluster) -> {
            Set<String> entities = byCluster.get(cluster);
            String entity = probe.entityOf().get(record);
            if (entities != null && entity != null) entities.add(entity);
        });
        Map<String, Set<String>> joined = new HashMap<>();
        for (String s : subjects) joined.put(s, byCluster.get(result.get(s)));
        return joined;
    }

    /** The subject's links to stored records, the strongest per stored entity, strongest first. */
    private static List<Match> direct(StoredEntities.Probe probe, String subject) {
        Resolution resolution = probe.resolution();
        Map<String, Match> byEntity = new LinkedHashMap<>();
        resolution.links().stream()
                .filter(l -> l.recordA().equals(subject) || l.recordB().equals(subject))
                .sorted(Comparator.comparingDouble(Link::weight).reversed())
                .forEach(l -> {
                    boolean subjectFirst = l.recordA().equals(subject);
                    String other = subjectFirst ? l.recordB() : l.recordA();
                    String entity = probe.entityOf().get(other);
                    if (entity == null || byEntity.containsKey(entity)) return;
                    List<MatchEvidence> evidence = new ArrayList<>();
                    for (Evidence e : l.evidence()) {
                        evidence.add(new MatchEvidence(e.field(), subjectFirst ? e.valueA() : e.valueB(),
                                subjectFirst ? e.valueB() : e.valueA(), e.level(), OptionalDouble.of(e.weight())));
                    }
                    byEntity.put(entity, Match.proposed(entity, other, Match.Basis.RESOLVER, l.probability(), evidence));
                });
        return List.copyOf(byEntity.values());
    }
}
