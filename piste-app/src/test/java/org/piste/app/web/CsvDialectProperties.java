package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a cell holds, a reader set to the same dialect gets it back (neutralised if it looked like a formula). */
class CsvDialectProperties {

    @Property(tries = 300)
    void anyCellRoundTrips(@ForAll("dialects") CsvDialect dialect, @ForAll("cells") List<String> cells) throws Exception {
        List<String> written = new ArrayList<>();
        written.add("id"); // a leading cell, so a record of one empty cell is not an empty line
        cells.forEach(c -> written.add(CsvDialect.text(c)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = dialect.open(out)) {
            csv.writeRecord(written);
            csv.writeRecord(written);
        }
        List<CsvRecord> read = CsvReader.builder().fieldSeparator(dialect.separator()).detectBomHeader(dialect.bom())
                .ofCsvRecord(new ByteArrayInputStream(out.toByteArray())).stream().toList();
        assertThat(read).hasSize(2);
        for (CsvRecord r : read) {
            assertThat(r.getFields()).containsExactlyElementsOf(written);
            for (String cell : r.getFields()) assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
        }
        assertThat(out.toByteArray()[0] == (byte) 0xEF).isEqualTo(dialect.bom());
    }

    @Example
    void theLanguageChoosesTheDialect() {
        assertThat(CsvDialect.of(Locale.FRENCH)).isEqualTo(new CsvDialect(';', ',', true));
        assertThat(CsvDialect.of(Locale.CANADA_FRENCH)).isEqualTo(CsvDialect.FRENCH);
        assertThat(CsvDialect.of(Locale.ENGLISH)).isEqualTo(new CsvDialect(',', '.', false));
        assertThat(CsvDialect.FRENCH.amount(new BigDecimal("65.00"))).isEqualTo("65,00");
        assertThat(CsvDialect.FRENCH.amount(new BigDecimal("-1234567.5"))).isEqualTo("-1234567,5");
        assertThat(CsvDialect.ENGLISH.amount(new BigDecimal("65.00"))).isEqualTo("65.00");
        assertThat(CsvDialect.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvDialect.text("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvDialect.text("Dupont; Jean")).isEqualTo("Dupont; Jean");
    }

    @Provide
    Arbitrary<CsvDialect> dialects() {
        return Arbitraries.of(CsvDialect.FRENCH, CsvDialect.ENGLISH);
    }

    /** Cells of any text but lone surrogates (not UTF-8), with the characters CSV quotes for seeded often. */
    @Provide
    Arbitrary<List<String>> cells() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .withChars(';', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', '\uFEFF', 'é').ofMaxLength(20);
        return text.list().ofMinSize(1).ofMaxSize(6);
    }
}
