package org.piste.app.pipeline;

import java.util.Optional;

/**
 * Who makes a change, for the audit trail and the stored ruling.
 *
 * @param username  the account the audit trail names ("cli:USER" at the console)
 * @param caseId    the case the user works for, if any
 * @param decidedBy the name a ruling is signed with (the account on the web; --by at the console)
 */
public record Actor(String username, Optional<Long> caseId, String decidedBy) {
    public Actor {
        if (username.isBlank()) throw new IllegalArgumentException("a change needs a user");
        if (decidedBy.isBlank()) throw new IllegalArgumentException("a ruling needs a name to be signed with");
    }

    /** A signed-in web or API user, working for the case chosen (if any). */
    public static Actor user(String username, Optional<Long> caseId) {
        return new Actor(username, caseId, username);
    }
}
