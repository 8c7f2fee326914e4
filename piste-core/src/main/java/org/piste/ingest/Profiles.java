package org.piste.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Finds and reads mapping profiles: built-in ones by name, or any YAML file by path. */
public final class Profiles {
    /** Built-in profiles, shipped as resources under {@code /profiles/NAME.yaml}. */
    public static final List<String> BUILT_IN = List.of("canonical", "fr-operator");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Profiles() {}

    /** A built-in profile name, or the path of a profile file. */
    public static MappingProfile load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            try (InputStream in = Profiles.class.getResourceAsStream("/profiles/" + nameOrPath + ".yaml")) {
                if (in == null) throw new IllegalStateException("built-in profile resource missing: " + nameOrPath);
                return parse(in, nameOrPath);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ProfileException("unknown profile '" + nameOrPath + "': not a built-in profile ("
                    + String.join(", ", BUILT_IN) + ") nor a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new ProfileException("cannot read profile " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a profile document; {@code origin} names it in error messages. */
    public static MappingProfile parse(InputStream in, String origin) {
        Document doc;
        try {
            doc = YAML.readValue(in, Document.class);
        } catch (JacksonException e) {
            throw new ProfileException("profile " + origin + " is not valid: " + e.getOriginalMessage(), e);
        }
        if (doc == null) throw new ProfileException("profile " + origin + " is empty");
        return doc.compile(origin);
    }

    /** The YAML document as written; {@link #compile} checks it and fills in defaults. */
    record Document(
            String name,
            String description,
            String format,
            String encoding,
            String delimiter,
            String quote,
            String sheet,
            String decimalSeparator,
            String groupingSeparator,
            List<String> dateFormats,
            List<String> timeFormats,
            List<String> dateTimeFormats,
            String timeZone,
            String provider,
            Map<String, Object> columns,
            Map<String, Map<String, String>> values,
            Map<String, String> constants) {

        MappingProfile compile(String origin) {
            String where = "profile " + origin + ": ";
            if (name == null || name.isBlank()) throw new ProfileException(where + "'name' is required");
            if (columns == null || columns.isEmpty()) throw new ProfileException(where + "'columns' is required");
            MappingProfile.Format fmt = switch (orDefault(format, "csv").toLowerCase(Locale.ROOT)) {
                case "csv" -> MappingProfile.Format.CSV;
                case "xlsx" -> MappingProfile.Format.XLSX;
                default -> throw new ProfileException(where + "format must be csv or xlsx, was '" + format + "'");
            };
            Charset charset;
            try {
                charset = Charset.forName(orDefault(encoding, "UTF-8"));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ProfileException(where + "unknown encoding '" + encoding + "'");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(orDefault(timeZone, "UTC"));
            } catch (DateTimeException e) {
                throw new ProfileException(where + "unknown time zone '" + timeZone + "' (use an IANA name such as Europe/Paris)");
            }
            char decimal = oneChar(where, "decimalSeparator", orDefault(decimalSeparator, "."));
            if (decimal != '.' && decimal != ',') throw new ProfileException(where + "decimalSeparator must be '.' or ','");

            Map<Field, List<MappingProfile.Column>> cols = new EnumMap<>(Field.class);
            columns.forEach((key, value) -> cols.put(field(where, key), columnsOf(where, key, value)));
            Map<Field, Map<String, String>> vals = new EnumMap<>(Field.class);
            if (values != null) {
                values.forEach((key, map) -> {
                    Map<String, String> folded = new LinkedHashMap<>();
                    map.forEach((k, v) -> folded.put(ValueMaps.key(k), v));
                    vals.put(field(where, key), folded);
                });
            }
            Map<Field, String> consts = new EnumMap<>(Field.class);
            if (constants != null) constants.forEach((key, value) -> consts.put(field(where, key), value));

            return new MappingProfile(name, orDefault(description, ""), fmt, charset,
                    oneChar(where, "delimiter", orDefault(delimiter, ",")), oneChar(where, "quote", orDefault(quote, "\"")),
                    orDefault(sheet, ""), decimal, orDefault(groupingSeparator, ""),
                    orDefault(dateFormats, List.of()), orDefault(timeFormats, List.of()),
                    orDefault(dateTimeFormats, List.of()), zone, orDefault(provider, ""), cols, vals, consts);
        }

        private static List<MappingProfile.Column> columnsOf(String where, String key, Object value) {
            List<String> headers = new ArrayList<>();
            if (value instanceof String s) {
                headers.add(s);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                list.forEach(item -> headers.add(String.valueOf(item)));
            } else {
                throw new ProfileException(where + "column of '" + key + "' must be a header name or a list of them");
            }
            return headers.stream()
                    .map(h -> h.endsWith("?")
                            ? new MappingProfile.Column(h.substring(0, h.length() - 1), true)
                            : new MappingProfile.Column(h, false))
                    .toList();
        }

        private static Field field(String where, String key) {
            return Field.byKey(key).orElseThrow(() -> new ProfileException(where + "unknown field '" + key
                    + "'" + closest(key) + "; fields are: " + java.util.Arrays.stream(Field.values())
                            .map(Field::key).collect(Collectors.joining(", "))));
        }

        private static String closest(String key) {
            LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
            Field best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Field f : Field.values()) {
                int d = distance.apply(key, f.key());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = f;
                }
            }
            return best != null && bestDistance <= 3 ? " (did you mean '" + best.key() + "'?)" : "";
        }

        private static char oneChar(String where, String what, String value) {
            String v = "\\t".equals(value) ? "\t" : value;
            if (v.length() != 1) throw new ProfileException(where + what + " must be one character, was '" + value + "'");
            return v.charAt(0);
        }

        private static <T> T orDefault(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
