/**
 * Flyway's Java migrations (the SQL ones are resources under {@code db/migration}), registered in {@code Database}.
 * Frozen: they import nothing from the application, so that a later change cannot alter what they do to an old
 * database; an architecture test keeps it so.
 */
package org.piste.app.migration;
