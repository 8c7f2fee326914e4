package org.piste.app.accounts;

import java.time.Instant;

/** A Piste account as stored (the password hash never leaves {@link UserStore}). */
public record UserAccount(String username, String displayName, Role role, String unit, String contact, boolean enabled,
        Instant createdAt, String createdBy) {}
