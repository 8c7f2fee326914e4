/** Requisition pages and API under a case, the deadlines page, API and dashboard card: all through the service. */
package org.piste.app.web.requisitions;
