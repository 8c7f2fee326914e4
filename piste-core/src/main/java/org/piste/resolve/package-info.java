/**
 * Resolve, the second step: entity resolution of party records (senders, recipients, referral subjects, rows of person
 * lists). Name normalisation, blocking, a Fellegi-Sunter model learned without labels and guarded, clustering under
 * coherence constraints, a second pass comparing counterparties, and the evidence of every link; analysts' decisions
 * always applied. In memory: storing a resolution is the application's job.
 */
package org.piste.resolve;
