package org.piste.app.accounts;

import java.util.Optional;

/**
 * Who reads or changes something, as the audit trail records it and need-to-know checks it: the user, their web role
 * (none for the operator at the console), the case they say they work for, and the name a ruling entered at the
 * console is signed with when it is someone else's (--by).
 */
public record Actor(String username, Optional<Role> role, Optional<Long> workingCase, Optional<String> onBehalfOf) {
    public Actor {
        if (username.isBlank()) throw new IllegalArgumentException("an actor needs a username");
        if (onBehalfOf.filter(String::isBlank).isPresent()) throw new IllegalArgumentException("a ruling needs a name to be signed with");
    }

    /** A signed-in web or API user with their role, working for the case chosen (if any). */
    public static Actor user(String username, Role role, Optional<Long> workingCase) {
        return new Actor(username, Optional.of(role), workingCase, Optional.empty());
    }

    /** The operator at the console ("cli:USER"), signing rulings as {@code decidedBy}. */
    public static Actor console(String username, String decidedBy) {
        return new Actor(username, Optional.empty(), Optional.empty(), Optional.of(decidedBy));
    }

    /** The name a ruling is stored with. */
    public String decidedBy() {
        return onBehalfOf.orElse(username);
    }

    public boolean is(Role r) {
        return role.filter(r::equals).isPresent();
    }

    public boolean isProsecutor() {
        return is(Role.PROSECUTOR);
    }
}
