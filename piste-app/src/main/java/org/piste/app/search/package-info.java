/**
 * One search over what Piste holds: people by name (the resolver's normalisation: accents, particles, nicknames), phone
 * (any format, E.164), ID number and e-mail, transfers by reference (MTCN), and the case files the user may see.
 * PostgreSQL's indexes narrow the rows (trigrams on names, btree on normalised values); core's normalisers decide.
 */
package org.piste.app.search;
