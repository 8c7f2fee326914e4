/**
 * The audit trail: every view, search and export of personal data and every change, appended to a hash chain that
 * {@code piste audit verify} recomputes end to end.
 */
package org.piste.app.audit;
