/**
 * Foreign referrals (docs/referrals.md): the file parsed, each subject matched to stored entities (a cited transfer
 * reference is certain, otherwise the stored match model proposes), referrals, matches and analysts' rulings stored.
 * Accepted, certain and near-certain (probability >= 0.99) matches are seeds of the screen step.
 */
package org.piste.app.referrals;
