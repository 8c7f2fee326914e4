/**
 * The alerts pages and API: a side's ranking with filters, each entity's explanation and the analysts' rulings; the
 * error pages and JSON errors shared with the entity pages.
 */
package org.piste.app.web.alerts;
