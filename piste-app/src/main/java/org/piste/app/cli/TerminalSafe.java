package org.piste.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the console prints, with control characters shown rather than obeyed: imported names and raw rows are other
 * people's text, and an escape sequence in them could rewrite the analyst's screen (hide a line, fake a result). Line
 * feeds and tabs pass; every other C0 character and DEL become their Unicode control pictures (ESC shows as ␛), and
 * the C1 controls (0x80-0x9F, which some terminals obey too) become U+FFFD.
 */
final class TerminalSafe extends FilterWriter {
    TerminalSafe(Writer out) {
        super(out);
    }

    static char shown(char c) {
        if (c == '\n' || c == '\t') return c;
        if (c < 0x20) return (char) (0x2400 + c);
        if (c == 0x7F) return '\u2421';
        if (c >= 0x80 && c <= 0x9F) return '\uFFFD';
        return c;
    }

    @Override
    public void write(int c) throws IOException {
        out.write(shown((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        char[] safe = new char[length];
        for (int i = 0; i < length; i++) safe[i] = shown(chars[offset + i]);
        out.write(safe, 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
