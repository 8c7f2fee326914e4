/**
 * Requests abroad (demandes à l'étranger): a question put to a foreign authority for a case, the minimised data
 * package sent with it (only the subjects and transfers chosen), its status and deadline, and the answer's files.
 * Everything hangs off a case and follows its need-to-know ({@link org.piste.app.cases.CaseService#visible}).
 */
package org.piste.app.requests;
