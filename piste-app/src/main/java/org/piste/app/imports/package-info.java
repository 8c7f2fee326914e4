/**
 * Ingest, stored: one file imported into PostgreSQL in a single transaction (its source row, accepted transfers
 * streamed with COPY, rejected rows kept in quarantine), never twice for one SHA-256; and the reading back of sources,
 * rejected rows and transfers with their provenance, for the CLI and the pages.
 */
package org.piste.app.imports;
