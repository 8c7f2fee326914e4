/**
 * PostgreSQL for every store: the embedded server or an external one, the schema migrated by Flyway on every open
 * ({@link Database}), one transaction around a piece of work, rows in COPY text format for bulk loads, and the little
 * JSON Piste stores.
 */
package org.piste.app.store;
