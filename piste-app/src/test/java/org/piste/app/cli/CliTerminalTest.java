package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;

/** A name carrying an escape sequence is printed as text, not obeyed by the analyst's terminal. */
class CliTerminalTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test
    void escapeSequencesInImportedNamesAreShownNotObeyed() {
        PartyExport e = new PartyExport();
        // ESC [2J clears the screen; ESC [1A moves the cursor up, so a line printed before could be overwritten.
        e.transfer("T-1", Person.sender("Oriane\u001b[2J", "Fictival\u001b[1A", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        CliEndToEndTest.Run imported = piste(home, "import", e.write(files.resolve("escape.csv")).toString(),
                "--profile", "canonical");
        assertThat(imported.exit()).as(imported.err()).isZero();

        for (String[] command : new String[][] {{"transfers"}, {"entity", "1:S"}}) {
            CliEndToEndTest.Run run = piste(home, command);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).as(String.join(" ", command)).doesNotContain("\u001b")
                    .contains("\u241b[2J");
        }
    }
}
