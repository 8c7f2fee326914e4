/**
 * Cases, the step after the network: case files (subjects, evidence, team, status) with need-to-know, visible to their
 * team and to prosecutors only, and deconfliction with other cases that share a subject. Used alike by the pages and
 * the API.
 */
package org.piste.app.cases;
