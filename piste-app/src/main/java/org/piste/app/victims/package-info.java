/**
 * Victims and compensation for a case: a pseudonymous register (an identifier given by a foreign authority, never a
 * name or description), what each buyer paid the facilitators linked to each victim (the factual basis of a civil
 * claim), and the compensation ledger. Need-to-know and the timeline are the case's (CaseService).
 */
package org.piste.app.victims;
