package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TerminalSafeProperties {
    /** Nothing a terminal obeys gets through; everything else (line feeds, tabs, any letter) passes unchanged. */
    @Property
    void noControlCharacterReachesTheTerminal(@ForAll String text) throws IOException {
        StringWriter sink = new StringWriter();
        try (TerminalSafe safe = new TerminalSafe(sink)) {
            safe.write(text);
        }
        String shown = sink.toString();

        assertThat(shown).hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            char in = text.charAt(i), out = shown.charAt(i);
            boolean control = (in < 0x20 && in != '\n' && in != '\t') || (in >= 0x7F && in <= 0x9F);
            if (control) {
                assertThat(out).as("char %d of %s", i, text).isNotEqualTo(in);
                assertThat(Character.isISOControl(out)).isFalse();
            } else {
                assertThat(out).isEqualTo(in);
            }
        }
    }
}
