package org.piste.app.cases;

import java.util.Optional;
import org.piste.app.accounts.Role;

/** Who asks: the signed-in user, their role, and the case they say they work for (recorded in the audit trail). */
public record Actor(String username, Role role, Optional<Long> workingCase) {
    public Actor {
        if (username.isBlank()) throw new IllegalArgumentException("an actor needs a username");
    }

    boolean isProsecutor() {
        return role == Role.PROSECUTOR;
    }
}
