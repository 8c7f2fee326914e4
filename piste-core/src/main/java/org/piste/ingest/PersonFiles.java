package org.piste.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads any list of persons (a labelled data set, a watch list) through a mapping profile that maps
 * {@code record_id} and the {@code sender_*} fields. Rows that cannot be read (wrong column count, blank)
 * are counted, never silently dropped.
 */
public final class PersonFiles {
    private PersonFiles() {}

    /** The persons read, the lines that could not be, and the values kept as written but not used, by kind. */
    public record Result(List<RowMapper.PersonRow> persons, List<Long> unreadableLines, Map<ValueSetAside, Long> setAside) {
        public Result {
            persons = List.copyOf(persons);
            unreadableLines = List.copyOf(unreadableLines);
            setAside = Map.copyOf(setAside);
        }
    }

    public static Result read(Path file, MappingProfile profile) {
        try (RowSource source = RowSources.open(file, profile)) {
            Optional<RawRow> header = source.header();
            if (header.isEmpty()) throw new ImportException(file + " is empty: no header, no rows");
            String sha = Hashing.sha256(file);
            RowMapper mapper = new RowMapper(profile, RowSource.headerNames(header.get()), sha, "");
            List<RowMapper.PersonRow> persons = new ArrayList<>();
            List<Long> unreadable = new ArrayList<>();
            Map<ValueSetAside, Long> setAside = new EnumMap<>(ValueSetAside.class);
            for (Optional<RawRow> next = source.next(); next.isPresent(); next = source.next()) {
                Optional<RowMapper.PersonRow> person = mapper.person(next.get());
                if (person.isEmpty()) {
                    unreadable.add(next.get().line());
                    continue;
                }
                persons.add(person.get());
                mapper.countSetAside(person.get().person(), setAside);
            }
            return new Result(persons, unreadable, setAside);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
