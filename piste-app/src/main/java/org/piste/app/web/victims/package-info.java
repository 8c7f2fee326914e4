/** The victim register and compensation ledger of a case: pages, API and the schedule's CSV. */
package org.piste.app.web.victims;
