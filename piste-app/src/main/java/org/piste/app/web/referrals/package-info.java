/**
 * The referral pages and API: referrals listed and uploaded, subjects with their matches, analysts' rulings (which
 * refresh resolution and screening), and the dashboard card.
 */
package org.piste.app.web.referrals;
