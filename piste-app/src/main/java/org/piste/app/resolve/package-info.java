/**
 * Resolve, stored: entity resolution over the sender and recipient of every stored transfer, full or incremental, with
 * analysts' same / not-same decisions; entities, links with their evidence, models and runs stored, and the stored
 * links read back with their evidence ({@link org.piste.app.resolve.StoredLinks}). Also resolves person lists outside
 * the database ({@code resolve-file}). Record ids and sides in SQL are spelled in one place
 * ({@link org.piste.app.resolve.RecordSql}, from {@code org.piste.model.RecordId}); the view party_record (migration
 * V15, frozen like every migration) is the other spelling, in SQL. What the entity pages show is read in
 * {@code entities}.
 */
package org.piste.app.resolve;
