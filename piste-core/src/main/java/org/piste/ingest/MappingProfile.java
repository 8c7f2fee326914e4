package org.piste.ingest;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to read one export layout: a small declarative file (see docs/profiles.md). Loaded by {@link Profiles}.
 *
 * @param name             identifier used on the command line
 * @param description      one line for humans
 * @param format           csv or xlsx
 * @param encoding         character set of a CSV (a byte-order mark, when present, wins)
 * @param delimiter        CSV field separator
 * @param quote            CSV quote character
 * @param sheet            XLSX sheet name; empty means the first sheet
 * @param decimalSeparator '.' or ','
 * @param groupingSeparator thousands separator allowed in amounts besides spaces; empty for none
 * @param dateFormats      patterns for dates (java.time syntax), tried in order; ISO dates always work
 * @param timeFormats      patterns for times of day, tried in order
 * @param dateTimeFormats  patterns for date-times in one column, tried in order; ISO date-times always work
 * @param timeZone         the zone in which the export writes local times
 * @param provider         default provider when neither the command line nor a column gives one
 * @param columns          canonical field key -> header name(s); several names are joined with a space;
 *                         a trailing '?' marks a column that may be absent from the file
 * @param values           canonical field key -> (value as written -> canonical value), e.g. status codes
 * @param constants        canonical field key -> value used when the row gives none
 */
public record MappingProfile(
        String name,
        String description,
        Format format,
        Charset encoding,
        char delimiter,
        char quote,
        String sheet,
        char decimalSeparator,
        String groupingSeparator,
        List<String> dateFormats,
        List<String> timeFormats,
        List<String> dateTimeFormats,
        ZoneId timeZone,
        String provider,
        Map<Field, List<Column>> columns,
        Map<Field, Map<String, String>> values,
        Map<Field, String> constants) {

    public MappingProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(format);
        Objects.requireNonNull(encoding);
        Objects.requireNonNull(sheet);
        Objects.requireNonNull(groupingSeparator);
        dateFormats = List.copyOf(dateFormats);
        timeFormats = List.copyOf(timeFormats);
        dateTimeFormats = List.copyOf(dateTimeFormats);
        Objects.requireNonNull(timeZone);
        Objects.requireNonNull(provider);
        columns = Map.copyOf(columns);
        values = Map.copyOf(values);
        constants = Map.copyOf(constants);
    }

    /** The physical format of the input. */
    public enum Format { CSV, XLSX }

    /** A header name in the file, and whether the file may lack it. */
    public record Column(String header, boolean optional) {
        public Column {
            Objects.requireNonNull(header);
        }
    }

    /** The same profile reading its CSV input with another character set (the --encoding override). */
    public MappingProfile withEncoding(Charset other) {
        return new MappingProfile(name, description, format, other, delimiter, quote, sheet, decimalSeparator,
                groupingSeparator, dateFormats, timeFormats, dateTimeFormats, timeZone, provider, columns, values,
                constants);
    }
}
