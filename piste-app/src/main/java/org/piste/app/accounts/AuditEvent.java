package org.piste.app.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit trail: who did what to which object, for which case. {@code object} names the thing
 * touched ("entity:123:S", "transfers:source=4", "case:7"); {@code detail} says what was shown or changed.
 */
public record AuditEvent(long seq, Instant at, String username, String action, String object, Optional<Long> caseId,
        String detail, String prevHash, String hash) {

    /** What a caller asks to record; the log gives it its place in the chain. */
    public record Entry(String username, String action, String object, Optional<Long> caseId, String detail) {
        public Entry {
            if (username.isBlank()) throw new IllegalArgumentException("an audit entry needs a user");
            if (action.isBlank()) throw new IllegalArgumentException("an audit entry needs an action");
        }

        /** What the actor did, for the case they work for (at the console, under which OS account). */
        public static Entry by(Actor actor, String action, String object, String detail) {
            String channel = actor.channel();
            String shown = channel.isEmpty() ? detail : detail.isEmpty() ? "[" + channel + "]" : detail + " [" + channel + "]";
            return new Entry(actor.username(), action, object, actor.workingCase(), shown);
        }
    }
}
