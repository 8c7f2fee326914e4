/**
 * What ties the features together. {@link org.piste.app.pipeline.Changes} is the one door for changes to what is
 * known (an import, an analyst's ruling, a referral): it stores the change with its audit line in one transaction,
 * then refreshes ({@link org.piste.app.pipeline.Refresh}: incremental resolution, then screening again, one refresh
 * at a time per process). {@link org.piste.app.pipeline.Services} constructs every service once, for the web's
 * beans and the console alike.
 */
package org.piste.app.pipeline;
