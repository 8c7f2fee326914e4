package org.piste.app.accounts;

import java.util.Optional;

/**
 * Who reads or changes something, as the audit trail records it and need-to-know checks it: the user, their role,
 * the case they say they work for, and, at the console, the operating-system account the command ran under.
 * <p>
 * At the console an actor is either a Piste account signed in with its password (it then has its role and the web's
 * access table applies), or the installation's owner ("cli:OSUSER"): the OS account that holds the database secret,
 * which may do installation work only (see {@code cli.ConsoleAccess}). Neither can sign as someone else.
 */
public record Actor(String username, Optional<Role> role, Optional<Long> workingCase, Optional<String> osUser) {
    public Actor {
        if (username.isBlank()) throw new IllegalArgumentException("an actor needs a username");
        if (osUser.filter(String::isBlank).isPresent()) throw new IllegalArgumentException("a console actor needs its OS account");
    }

    /** A signed-in web or API user with their role, working for the case chosen (if any). */
    public static Actor user(String username, Role role, Optional<Long> workingCase) {
        return new Actor(username, Optional.of(role), workingCase, Optional.empty());
    }

    /** A Piste account signed in at the console with its password, under the OS account {@code osUser}. */
    public static Actor atConsole(String username, Role role, String osUser) {
        return new Actor(username, Optional.of(role), Optional.empty(), Optional.of(osUser));
    }

    /** The installation's owner at the console, signed in to no account: "cli:OSUSER", without a role. */
    public static Actor owner(String osUser) {
        return new Actor("cli:" + osUser, Optional.empty(), Optional.empty(), Optional.of(osUser));
    }

    /** The name a ruling is stored with: always the actor's own. */
    public String decidedBy() {
        return username;
    }

    /** What the audit trail adds to a line's detail so a console action is told from a web one. */
    public String channel() {
        return role.isPresent() && osUser.isPresent() ? "console, OS account " + osUser.get() : "";
    }

    public boolean is(Role r) {
        return role.filter(r::equals).isPresent();
    }

    public boolean isProsecutor() {
        return is(Role.PROSECUTOR);
    }
}
