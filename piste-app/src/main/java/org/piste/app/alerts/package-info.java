/**
 * Alerts from the latest screening run: which entities are alerted, why each scored what it did, analysts' confirm /
 * dismiss rulings, the weights a run used, and the seeds (referral subjects, confirmed alerts) every screening starts
 * from.
 */
package org.piste.app.alerts;
