package org.piste.app.cli;

import org.piste.app.accounts.Actor;
import picocli.CommandLine.Option;

/** What every ruling at the console takes besides its subject: why, and who signs it. */
final class Ruling {
    @Option(names = "--note", description = "Why (kept with the decision).")
    String note = "";

    @Option(names = "--by", description = "Who decides (default: $USER).")
    String by = Main.systemUser();

    /** The operator, signing the ruling as --by. */
    Actor actor(Main main) {
        return main.actor(by);
    }

    /** " (by NAME: NOTE)" as the confirmation line ends. */
    String signed() {
        return " (by " + by + (note.isBlank() ? "" : ": " + note) + ")";
    }
}
