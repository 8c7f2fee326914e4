/**
 * Requisitions (réquisitions) from a case to an operator, bank or e-wallet: drafted with the case's subjects and
 * known references, numbered, sent with a due date, answered by an import carrying their number as its legal
 * reference; and the deadlines of the procedure (what is late, what is due soon). Need-to-know is the case's.
 */
package org.piste.app.requisitions;
