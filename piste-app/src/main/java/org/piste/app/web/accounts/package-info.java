/**
 * The accounts feature on the web (admins only): users' pages and API, the audit trail's search and verification,
 * and the admins' dashboard card. The URLs stay under /admin; the package, templates and classes carry the
 * feature's one name.
 */
package org.piste.app.web.accounts;
