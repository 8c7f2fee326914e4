/**
 * What ties the steps together after anything changes what is known (an import, an analyst's decision, a referral):
 * incremental resolution, then screening again ({@link Refresh}), one refresh at a time per process; and analysts'
 * decisions from the web and the API, stored then refreshed.
 */
package org.piste.app.pipeline;
