/**
 * The corridor simulator: synthetic senders in France (buyers, diaspora families, partners, sponsors, employers,
 * romance-scam victims, occasional senders) and their recipients, written as Piste's canonical CSV or a French
 * operator's export, with identity noise, labelled bad rows, foreign referrals and the ground truth. Feeds the demo,
 * the tests and the benchmarks; not a step of the data's path.
 */
package org.piste.sim;
