/**
 * The {@code piste} command line (picocli): {@link Main} and one command per verb (import, resolve, screen, referral,
 * serve, demo, sim, admin, audit...), and how results are printed. It calls the same stores and services as the web
 * application.
 */
package org.piste.app.cli;
