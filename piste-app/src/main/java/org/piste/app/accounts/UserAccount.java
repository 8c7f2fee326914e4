package org.piste.app.accounts;

import java.time.Instant;

/**
 * A Piste account as stored (the password hash never leaves {@link UserStore}). One awaiting activation has no
 * password anyone knows yet: its holder sets one through their activation link ({@link Activations}).
 */
public record UserAccount(String username, String displayName, Role role, String unit, String contact, boolean enabled,
        boolean awaitingActivation, Instant createdAt, String createdBy) {

    /** Whether a password sign-in may succeed: enabled, and the holder has set their password. */
    public boolean canSignInWithPassword() {
        return enabled && !awaitingActivation;
    }
}
