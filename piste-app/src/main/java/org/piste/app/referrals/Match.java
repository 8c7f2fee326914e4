package org.piste.app.referrals;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity a referral subject may be.
 *
 * @param entityId    the entity's id when the match was made (entity ids are their smallest record id)
 * @param recordId    the party record the match rests on; its current entity is the match's entity
 * @param probability 1 for a transfer reference or an analyst's acceptance, else the resolver's link probability
 */
public record Match(String entityId, String recordId, Basis basis, double probability, List<MatchEvidence> evidence,
        Status status, String decidedBy, Optional<OffsetDateTime> decidedAt, String note) {
    public enum Basis { TRANSFER_REFERENCE, RESOLVER, ANALYST }

    public enum Status { PROPOSED, ACCEPTED, REJECTED }

    public Match {
        Objects.requireNonNull(entityId);
        Objects.requireNonNull(recordId);
        Objects.requireNonNull(basis);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(status);
        Objects.requireNonNull(decidedBy);
        Objects.requireNonNull(decidedAt);
        Objects.requireNonNull(note);
    }

    static Match proposed(String entityId, String recordId, Basis basis, double probability, List<MatchEvidence> evidence) {
        return new Match(entityId, recordId, basis, probability, evidence, Status.PROPOSED, "", Optional.empty(), "");
    }

    /** The strongest field evidence first (certain lines, then by absolute weight); the prior is left out. */
    public List<MatchEvidence> top(int n) {
        return evidence.stream().filter(e -> !e.field().equals("prior")).sorted(Comparator.comparingDouble(MatchEvidence::strength).reversed()).limit(n).toList();
    }
}
