/**
 * Normalisers, applied by the ingest step to every row: country and currency codes (ISO 3166-1, ISO 4217), phones in
 * E.164, ID numbers and e-mails in a comparable form, Unicode clean-up and the folding names, addresses and purposes
 * are compared in (resolve and screen), the time zone of a one-zone country, and the
 * bounded memo they share ({@link Memo}).
 */
package org.piste.normal;
