/**
 * Resolve, stored: entity resolution over the sender and recipient of every stored transfer, full or incremental, with
 * analysts' same / not-same decisions; entities, links with their evidence, models and runs stored and read back for
 * the entity pages, charts and CSV exports. Also resolves person lists outside the database ({@code resolve-file}).
 */
package org.piste.app.resolve;
