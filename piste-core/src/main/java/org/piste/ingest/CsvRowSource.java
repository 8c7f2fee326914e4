package org.piste.ingest;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.Optional;

/** Reads a delimited text file with FastCSV, tolerant of ragged rows (the mapper judges them). */
final class CsvRowSource implements RowSource {
    /** Large enough for the largest field we accept to be read and then quarantined, not to abort the file. */
    private static final int MAX_BUFFER_CHARS = 64 * 1024 * 1024;

    private final CountingInputStream counted;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Charset charset;
    private final char delimiter;
    private final char quote;
    private final Optional<RawRow> header;
    private long lastLine;

    CsvRowSource(InputStream in, MappingProfile profile) throws IOException {
        this.counted = new CountingInputStream(in);
        Decoding.Decoded decoded = Decoding.open(counted, profile.encoding());
        this.charset = decoded.charset();
        this.delimiter = profile.delimiter();
        this.quote = profile.quote();
        this.reader = CsvReader.builder()
                .fieldSeparator(profile.delimiter())
                .quoteCharacter(profile.quote())
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .maxBufferSize(MAX_BUFFER_CHARS)
                .ofCsvRecord(decoded.reader());
        this.records = reader.iterator();
        this.header = next();
    }

    @Override
    public Optional<RawRow> header() {
        return header;
    }

    @Override
    public Optional<RawRow> next() {
        try {
            if (!records.hasNext()) return Optional.empty();
            CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return Optional.of(new RawRow(record.getStartingLineNumber(), record.getFields().toArray(String[]::new)));
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) throw translate(io);
            throw new ImportException("unreadable CSV after line " + lastLine + ": " + e.getMessage(), e);
        }
    }

    private ImportException translate(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new ImportException("bytes after line " + lastLine + " are not valid " + charset.name()
                    + ": the file is probably in another encoding (try --encoding windows-1252 or UTF-8)", e);
        }
        return new ImportException("cannot read the file after line " + lastLine + ": " + e.getMessage(), e);
    }

    @Override
    public String rawText(RawRow row) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().fieldSeparator(delimiter).quoteCharacter(quote)
                .lineDelimiter(LineDelimiter.LF).build(out)) {
            writer.writeRecord(row.fields());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
