/**
 * The entity page and API: identity variants, links and analysts' decisions, transfers page by page, CSV export and
 * chart data.
 */
package org.piste.app.web.entities;
