package org.piste.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal one-sheet XLSX (SpreadsheetML) by hand, without POI: text as inline strings, numbers as
 * numbers, date-times as serial numbers with a date format, as Excel stores them. Rows keep the sheet row
 * numbers they are given; rows not given do not exist in the file, as in a real workbook.
 */
public final class XlsxFile {
    private final String sheetName;
    private final Map<Integer, Object[]> rows = new TreeMap<>();
    private Part sharedStrings;

    /** Writes the bytes of one part straight into the zip, so a huge part costs no memory in the test. */
    public interface Part {
        void writeTo(OutputStream out) throws IOException;
    }

    public XlsxFile(String sheetName) {
        this.sheetName = sheetName;
    }

    /** Cells of sheet row {@code rowNumber} (1-based) from column A; a null cell is not written at all. */
    public XlsxFile row(int rowNumber, Object... cells) {
        rows.put(rowNumber, cells);
        return this;
    }

    /** Adds xl/sharedStrings.xml, written by {@code part} (the sheet's cells stay inline strings). */
    public XlsxFile sharedStrings(Part part) {
        this.sharedStrings = part;
        return this;
    }

    public Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                    %s</Types>""".formatted(sharedStrings == null ? "" : """
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    """));
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""".formatted(escape(sheetName)));
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    %s</Relationships>""".formatted(sharedStrings == null ? "" : """
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    """));
            // Style 1: a date (built-in format 14); style 2: a date-time.
            put(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
                    <fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
                    <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
                    <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>
                    </styleSheet>""");
            put(zip, "xl/worksheets/sheet1.xml", sheet());
            if (sharedStrings != null) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                sharedStrings.writeTo(zip);
                zip.closeEntry();
            }
        }
        return file;
    }

    private String sheet() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        rows.forEach((number, cells) -> {
            xml.append("<row r=\"").append(number).append("\">");
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                if (v == null) continue;
                String ref = column(i) + number;
                switch (v) {
                    case String s -> xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>")
                            .append(escape(s)).append("</t></is></c>");
                    case Number n -> xml.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                    case LocalDateTime t -> xml.append("<c r=\"").append(ref).append("\" s=\"")
                            .append(t.toLocalTime().toSecondOfDay() == 0 ? 1 : 2).append("\"><v>")
                            .append(serial(t)).append("</v></c>");
                    default -> throw new IllegalArgumentException("unsupported cell " + v);
                }
            }
            xml.append("</row>");
        });
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** Excel's column letters for 0-based column {@code index}: A..Z, AA..ZZ, AAA..XFD. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) letters.insert(0, (char) ('A' + (i - 1) % 26));
        return letters.toString();
    }

    /** Excel's serial date: days since 1899-12-30, the time of day as a fraction. */
    static double serial(LocalDateTime t) {
        long days = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), t.toLocalDate());
        return days + Duration.between(t.toLocalDate().atStartOfDay(), t).toMillis() / 86_400_000.0;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
