/**
 * Network, the step after screening: an entity expanded into its counterparties a page at a time (hubs have hundreds),
 * filtered by period, amount and score, with every edge's transfers and provenance, and exported as FollowTheMoney
 * entities for other analysts' tools.
 */
package org.piste.app.network;
