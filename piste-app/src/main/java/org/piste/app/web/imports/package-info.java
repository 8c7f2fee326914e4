/**
 * The import pages and API: uploads imported one at a time in the background with their progress, imported sources and
 * their quarantine, and the dashboard card.
 */
package org.piste.app.web.imports;
