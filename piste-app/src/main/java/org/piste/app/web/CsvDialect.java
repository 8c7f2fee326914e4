package org.piste.app.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one rule for every CSV the pages and the API send: the request's language decides. French: {@code ;} between
 * cells, a decimal comma and a UTF-8 byte order mark, so a French spreadsheet opens it in columns with its accents
 * and numbers; English: {@code ,} and {@code .}, no mark (the form tools read). In both, a cell a spreadsheet would
 * run as a formula is neutralised ({@link #text}). Dates are written as the pages show them.
 */
public record CsvDialect(char separator, char decimal, boolean bom) {
    public static final CsvDialect FRENCH = new CsvDialect(';', ',', true);
    public static final CsvDialect ENGLISH = new CsvDialect(',', '.', false);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static CsvDialect of(Locale locale) {
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : ENGLISH;
    }

    /** Starts a download named {@code filename}: headers set, the mark written if the dialect has one. */
    public CsvWriter download(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return open(response.getOutputStream());
    }

    /** A writer in this dialect on {@code out} (UTF-8), the mark written first if the dialect has one. */
    public CsvWriter open(OutputStream out) throws IOException {
        if (bom) out.write(BOM);
        return CsvWriter.builder().fieldSeparator(separator).build(out, StandardCharsets.UTF_8);
    }

    /** An amount as written in the source, with this dialect's decimal mark. */
    public String amount(BigDecimal amount) {
        return amount.toPlainString().replace('.', decimal);
    }

    /**
     * The cell, with a leading single quote when a spreadsheet would take it for a formula (it starts with = + - @,
     * a tab or a carriage return), so a name written as "=HYPERLINK(...)" in an operator's file stays text.
     */
    public static String text(String cell) {
        if (cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
