/**
 * Who may do what, and what they did: local accounts and their roles, with Argon2id password hashing and the password
 * policy (every change to an account is audited); the one-time activation links through which a holder sets their
 * own password, so an admin never knows it ({@link org.piste.app.accounts.Activations}); and the audit trail, every
 * view, search and export of personal data and every change, appended to a hash chain keyed and checkpointed outside
 * the database, which {@code piste audit verify} recomputes end to end, shown to admins with personal data withheld
 * ({@link org.piste.app.accounts.AuditRedaction}); and the {@link org.piste.app.accounts.Actor} every service is
 * given, the user the trail names.
 */
package org.piste.app.accounts;
