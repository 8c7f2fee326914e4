package org.piste.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads any list of persons (a labelled data set, a watch list) through a mapping profile that maps
 * {@code record_id} and the {@code sender_*} fields. Rows that cannot be read (wrong column count, blank)
 * are counted, never silently dropped.
 */
public final class PersonFiles {
    private PersonFiles() {}

    /** The persons read, and the lines that could not be. */
    public record Result(List<RowMapper.PersonRow> persons, List<Long> unreadableLines) {
        public Result {
            persons = List.copyOf(persons);
            unreadableLines = List.copyOf(unreadableLines);
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
            for (Optional<RawRow> next = source.next(); next.isPresent(); next = source.next()) {
                Optional<RowMapper.PersonRow> person = mapper.person(next.get());
                if (person.isPresent()) persons.add(person.get()); else unreadable.add(next.get().line());
            }
            return new Result(persons, unreadable);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
