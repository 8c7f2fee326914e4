/**
 * Refusals worded in the reader's language: a key and arguments, with the English sentence for the console and the
 * API (issue 17: nothing in English on a French page).
 */
package org.piste.app.refusals;
