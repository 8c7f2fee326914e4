/**
 * Network, the step after screening: an entity expanded into its counterparties a page at a time (hubs have hundreds),
 * filtered by period, amount and score, with every edge's transfers and provenance, and exported as FollowTheMoney
 * entities for other analysts' tools. {@link org.piste.app.network.NetworkService} makes those reads for an actor and
 * audits each with the entities it showed.
 */
package org.piste.app.network;
