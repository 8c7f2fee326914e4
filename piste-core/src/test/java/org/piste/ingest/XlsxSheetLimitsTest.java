package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel's own sheet limits, at their boundary: the last row and the last column are read, one past is refused. */
class XlsxSheetLimitsTest {
    @TempDir Path dir;

    private final MappingProfile xlsx = ProfilesTest.parse(XlsxImportTest.PROFILE);

    private static List<RawRow> rows(Path path, MappingProfile profile) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (RowSource source = RowSources.open(path, profile)) {
            for (Optional<RawRow> row = source.next(); row.isPresent(); row = source.next()) rows.add(row.get());
        }
        return rows;
    }

    @Test
    void columnLettersAreExcels() {
        assertThat(XlsxFile.column(0)).isEqualTo("A");
        assertThat(XlsxFile.column(25)).isEqualTo("Z");
        assertThat(XlsxFile.column(26)).isEqualTo("AA");
        assertThat(XlsxFile.column(16_383)).isEqualTo("XFD");
        assertThat(XlsxFile.column(16_384)).isEqualTo("XFE");
    }

    @Test
    void sheetRow1048576IsReadAndRow1048577IsRefused() throws IOException {
        Path last = new XlsxFile("Transferts").row(1, "Référence").row(1_048_576, "last")
                .write(dir.resolve("last.xlsx"));
        Path past = new XlsxFile("Transferts").row(1, "Référence").row(1_048_577, "past")
                .write(dir.resolve("past.xlsx"));

        List<RawRow> rows = rows(last, xlsx);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(1_048_576L);
            assertThat(row.fields()).containsExactly("last");
        });
        assertThatThrownBy(() -> rows(past, xlsx)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook has rows past row 1,048,576, Excel's last; split the export or convert it to CSV");
    }

    @Test
    void column16384IsReadAndColumn16385IsRefused() throws IOException {
        Object[] widest = new Object[16_384];
        widest[16_383] = "XFD";
        Object[] wider = new Object[16_385];
        wider[16_384] = "XFE";
        Path last = new XlsxFile("Transferts").row(1, "Référence").row(2, widest).write(dir.resolve("last.xlsx"));
        Path past = new XlsxFile("Transferts").row(1, "Référence").row(2, wider).write(dir.resolve("past.xlsx"));

        List<RawRow> rows = rows(last, xlsx);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.fields()).hasSize(16_384);
            assertThat(row.fields()[16_383]).isEqualTo("XFD");
            assertThat(row.fields()[0]).isEmpty();
        });
        assertThatThrownBy(() -> rows(past, xlsx)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook has more than 16,384 cells in sheet row 2, Excel's limit; split the export or convert it to CSV");
    }
}
