/**
 * The accounts feature on the web: users' pages and API (admins only), the audit trail's redacted search and
 * verification, the admins' dashboard card, and the public page where a holder activates their account through a
 * one-time link. The URLs stay under /admin (and /activate); the package, templates and classes carry the
 * feature's one name.
 */
package org.piste.app.web.accounts;
