/**
 * Entities as the entity pages, the API and {@code piste entity} show them: an entity's records and links with their
 * evidence, its profile, transfers (paged, sorted, or all for the export), charts, and the display names
 * other features put beside an entity id.
 */
package org.piste.app.entities;
