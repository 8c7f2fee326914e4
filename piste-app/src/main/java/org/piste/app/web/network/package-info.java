/**
 * The network page and its JSON (for the page's script and for other tools): the graph around one entity, its filters
 * and details; the network service audits every read with the entities shown.
 */
package org.piste.app.web.network;
