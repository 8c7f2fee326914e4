package org.piste.ingest;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads one sheet of an XLSX workbook in streaming mode (bounded memory). Cells become text:
 * dates as ISO-8601, numbers in plain notation with the profile's decimal separator.
 */
final class XlsxRowSource implements RowSource {
    private final CountingInputStream counted;
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final char decimalSeparator;
    private final Optional<RawRow> header;

    XlsxRowSource(InputStream in, MappingProfile profile) {
        this.counted = new CountingInputStream(in);
        this.decimalSeparator = profile.decimalSeparator();
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(counted);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        Sheet sheet;
        try {
            sheet = profile.sheet().isEmpty() ? workbook.getSheetAt(0) : workbook.getSheet(profile.sheet());
        } catch (com.github.pjfanning.xlsx.exceptions.MissingSheetException e) {
            sheet = null; // the streaming reader throws where POI returns null
        }
        if (sheet == null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the error below is the one that matters
            }
            throw new ImportException("the workbook has no sheet named '" + profile.sheet() + "'");
        }
        this.rows = sheet.iterator();
        this.header = next();
    }

    @Override
    public Optional<RawRow> header() {
        return header;
    }

    @Override
    public Optional<RawRow> next() {
        Row row;
        try {
            if (!rows.hasNext()) return Optional.empty();
            row = rows.next();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        if (row.getRowNum() >= XlsxLimits.MAX_ROWS) {
            throw XlsxLimits.exceeded("has rows past row " + String.format("%,d", XlsxLimits.MAX_ROWS) + ", Excel's last");
        }
        if (row.getLastCellNum() > XlsxLimits.MAX_CELLS_PER_ROW) {
            throw XlsxLimits.exceeded("has more than " + String.format("%,d", XlsxLimits.MAX_CELLS_PER_ROW)
                    + " cells in sheet row " + (row.getRowNum() + 1) + ", Excel's limit");
        }
        int width = Math.max(0, row.getLastCellNum());
        // A spreadsheet does not store empty cells: a row whose last cells are empty is as wide as the header.
        // (header is still null while the constructor reads the header itself.)
        if (width > 0 && header != null && header.isPresent()) width = Math.max(width, header.get().fields().length);
        String[] fields = new String[width];
        for (int i = 0; i < width; i++) fields[i] = text(row.getCell(i));
        return Optional.of(new RawRow(row.getRowNum() + 1L, fields));
    }

    /**
     * POI's own limits (its zip-bomb ratio, its largest part) give the same sentence as {@link XlsxLimits}; any
     * other failure of the reader is one line, not a stack trace.
     */
    private static ImportException unreadable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportException known) return known;
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Zip bomb detected")) {
                return XlsxLimits.zipBomb();
            }
            if (t instanceof RecordFormatException) return XlsxLimits.exceeded("has a part larger than POI reads");
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String first = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return new ImportException("not a readable XLSX workbook: " + first, e);
    }

    private String text(Cell cell) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toString()
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    // XLSX stores numbers as binary doubles; the shortest decimal that reads back to the same double is
    // what the spreadsheet showed, so nothing is invented by this conversion.
    private String number(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }

    @Override
    public String rawText(RawRow row) {
        return String.join("\t", row.fields());
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
