package org.piste.app.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuditLog#verify()}: recomputes the whole chain in order (sequence without gaps, each prev_hash the previous
 * hash, each hash right under its scheme, no unkeyed event after a keyed one) and holds it against the checkpoints
 * outside the database: each checkpoint's event must still have the hash it saw, and the trail be at least as long;
 * keyed events with no checkpoint at all (the file deleted or emptied) are a problem too, unless this process began
 * the trail moments ago and its first checkpoint is still due.
 */
final class AuditVerifier {
    private final AuditKey key;
    private final Map<Long, AuditCheckpoints.Checkpoint> anchored = new HashMap<>();
    private final Optional<AuditCheckpoints.Checkpoint> longest;
    private long expectedSeq = 1;
    private long lastSeq = 0;
    private long legacy = 0;
    /** Keyed events stored, whether or not the chain holds up to them. */
    private long keyed = 0;
    private String prev = AuditChain.GENESIS;
    private boolean keyedSeen = false;
    private Optional<String> chainProblem = Optional.empty();
    private Optional<String> anchorProblem = Optional.empty();

    private AuditVerifier(AuditKey key, List<AuditCheckpoints.Checkpoint> checkpoints) {
        this.key = key;
        for (AuditCheckpoints.Checkpoint p : checkpoints) anchored.putIfAbsent(p.events(), p);
        this.longest = checkpoints.stream().max(Comparator.comparingLong(AuditCheckpoints.Checkpoint::events));
    }

    static AuditLog.Verification verify(Connection c) throws SQLException, IOException {
        AuditAnchor anchor = AuditAnchor.of(c);
        AuditCheckpoints.Reading reading = anchor.checkpoints.read();
        List<String> problems = new ArrayList<>();
        reading.problem().ifPresent(problems::add);
        betweenCheckpoints(reading.checkpoints()).ifPresent(problems::add);
        AuditVerifier walk = new AuditVerifier(anchor.key, reading.checkpoints());
        c.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement s = c.prepareStatement("SELECT " + AuditLog.COLUMNS + " FROM audit_event ORDER BY seq")) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) walk.next(AuditLog.stored(rs));
            }
        } finally {
            c.rollback();
        }
        problems.addAll(walk.problems());
        if (reading.checkpoints().isEmpty() && reading.problem().isEmpty() && walk.keyed > 0
                && !anchor.firstCheckpointDue()) {
            // Without a checkpoint nothing outside the database shows a truncation or a rewrite.
            Path file = anchor.checkpoints.file();
            problems.add("no checkpoint: " + file + (Files.exists(file) ? " is empty" : " is missing") + " though "
                    + walk.keyed + " keyed events exist; if it was lost, `piste audit checkpoint` anchors the trail as it"
                    + " is now");
        }
        return new AuditLog.Verification(walk.expectedSeq - 1, walk.prev, walk.legacy,
                reading.checkpoints().stream().map(p -> p.events() + " events at " + p.at()).toList(), problems);
    }

    private long lastAnchored() {
        return longest.map(AuditCheckpoints.Checkpoint::events).orElse(0L);
    }

    /** Checks one event against its checkpoint (always) and the chain (up to the first broken link). */
    private void next(AuditLog.Stored stored) {
        AuditEvent e = stored.event();
        lastSeq = e.seq();
        if (stored.scheme() == AuditChain.Scheme.HMAC_SHA256) keyed++;
        AuditCheckpoints.Checkpoint p = anchored.get(e.seq());
        if (anchorProblem.isEmpty() && p != null && !p.hash().equals(e.hash())) {
            anchorProblem = Optional.of("rewritten: event " + e.seq() + " is not what the checkpoint of " + p.at()
                    + " saw (events up to it were changed, removed or inserted)");
        }
        if (chainProblem.isPresent()) return;
        chainProblem = link(stored);
        if (chainProblem.isPresent()) return;
        boolean unkeyed = stored.scheme() == AuditChain.Scheme.SHA256;
        if (unkeyed) legacy++;
        keyedSeen |= !unkeyed;
        prev = e.hash();
        expectedSeq++;
    }

    private Optional<String> link(AuditLog.Stored stored) {
        AuditEvent e = stored.event();
        boolean unkeyed = stored.scheme() == AuditChain.Scheme.SHA256;
        if (e.seq() != expectedSeq) {
            return Optional.of("event " + expectedSeq + " is missing (next stored is " + e.seq() + ")");
        }
        if (!e.prevHash().equals(prev)) {
            return Optional.of("event " + e.seq() + " does not follow event " + (e.seq() - 1)
                    + " (its previous hash differs: an event was changed, removed or inserted)");
        }
        if (unkeyed && keyedSeen) {
            return Optional.of("rewritten: event " + e.seq() + " claims the unkeyed hash of before V16 after keyed events"
                    + " (so that it could be recomputed without the key)");
        }
        if (AuditChain.matches(key, stored.scheme(), e)) return Optional.empty();
        if (unkeyed) {
            return Optional.of("event " + e.seq() + " was altered after it was written (its hash does not match its content)");
        }
        // Past the last checkpoint nothing tells an event forged from one altered since.
        return Optional.of(e.seq() > lastAnchored()
                ? "forged append or altered after the last checkpoint (" + lastAnchored() + " events): event " + e.seq()
                        + " is not keyed with this installation's key"
                : "rewritten: event " + e.seq() + " was altered after it was written (its HMAC does not match its content)");
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        chainProblem.ifPresent(problems::add);
        anchorProblem.ifPresent(problems::add);
        if (longest.isPresent() && lastAnchored() > lastSeq) {
            problems.add("truncated: the trail ends at event " + lastSeq + " but the checkpoint of " + longest.get().at()
                    + " saw " + lastAnchored() + " events");
        }
        return problems;
    }

    /** A later checkpoint that saw fewer events than an earlier one, or another hash for the same event. */
    private static Optional<String> betweenCheckpoints(List<AuditCheckpoints.Checkpoint> checkpoints) {
        for (int i = 1; i < checkpoints.size(); i++) {
            AuditCheckpoints.Checkpoint before = checkpoints.get(i - 1);
            AuditCheckpoints.Checkpoint after = checkpoints.get(i);
            if (after.events() < before.events()) {
                return Optional.of("truncated: the checkpoint of " + after.at() + " saw " + after.events()
                        + " events, fewer than the " + before.events() + " the checkpoint of " + before.at() + " saw");
            }
            if (after.events() == before.events() && !after.hash().equals(before.hash())) {
                return Optional.of("rewritten: the checkpoints of " + before.at() + " and " + after.at()
                        + " saw different hashes for event " + after.events());
            }
        }
        return Optional.empty();
    }
}
