/**
 * Screen, stored: stored transfers read with their resolved entities into the screening columns, a period screened with
 * the weights analysts' rulings teach, runs and scores stored with their contributions, and the CSV files that let
 * anyone recompute a score outside Piste.
 */
package org.piste.app.screen;
