/**
 * Admins' pages, API and dashboard card: accounts and the audit trail.
 */
package org.piste.app.web.admin;
