/**
 * Case file pages, API and dashboard card, all through the case service; and the check that a user may see the case
 * they say they work for, which the audit trail records.
 */
package org.piste.app.web.cases;
