package org.piste.app.cli;

import picocli.CommandLine.Option;

/** What every ruling at the console takes besides its subject: why. It is signed by the account signed in (--as). */
final class Ruling {
    @Option(names = "--note", description = "Why (kept with the decision).")
    String note = "";

    /** " (by NAME: NOTE)" as the confirmation line ends. */
    String signed(Main main) {
        return " (by " + main.actor().decidedBy() + (note.isBlank() ? "" : ": " + note) + ")";
    }
}
