package org.piste.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.model.RowCounts;
import org.piste.model.Transfer;

/**
 * Reads one file through a profile and hands every record to a sink as either an accepted transfer or a
 * rejection (quarantined, or a duplicate of a stored reference). Nothing is dropped: the counts it returns
 * always reconcile. Storage-agnostic: the application supplies the sink and the look-up of stored references.
 */
public final class Importer {
    /** Where rows go. Both methods are called on the importing thread, in file order. */
    public interface Sink {
        void accepted(Transfer transfer);

        /** An accepted row with its text as read, for a sink that keeps it (the transfer page shows it). */
        default void accepted(Transfer transfer, String rawText) {
            accepted(transfer);
        }

        void rejected(Rejection rejection);
    }

    /** Whether a (provider, reference) is already stored, from an earlier import. */
    @FunctionalInterface
    public interface StoredReferences {
        boolean contains(String provider, String reference);

        StoredReferences NONE = (provider, reference) -> false;
    }

    /** Told of progress about every few thousand rows. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long totalBytes, long rowsRead);

        Progress NONE = (bytesRead, totalBytes, rowsRead) -> {};
    }

    /** How many first problems a summary keeps for display. */
    public static final int FIRST_PROBLEMS = 10;

    /**
     * The outcome of reading one file.
     *
     * @param setAside values on accepted rows kept as written but not used (a placeholder date of birth), by kind
     */
    public record Result(RowCounts counts, Map<RejectReason, Long> byReason, List<Rejection> firstProblems,
            Map<ValueSetAside, Long> setAside) {
        public Result {
            byReason = Map.copyOf(byReason);
            firstProblems = List.copyOf(firstProblems);
            setAside = Map.copyOf(setAside);
        }
    }

    private final MappingProfile profile;
    private final String providerOverride;
    private final StoredReferences stored;

    public Importer(MappingProfile profile, String providerOverride, StoredReferences stored) {
        this.profile = Objects.requireNonNull(profile);
        this.providerOverride = Objects.requireNonNull(providerOverride);
        this.stored = Objects.requireNonNull(stored);
    }

    /**
     * @param sha256 the file's SHA-256, cited by every row
     * @throws ImportException for problems with the file as a whole; the sink may have received rows,
     *                         so the caller must discard them (the application rolls its transaction back)
     */
    public Result run(Path file, String sha256, Sink sink, Progress progress) {
        long totalBytes = size(file);
        try (RowSource source = RowSources.open(file, profile)) {
            Optional<RawRow> header = source.header();
            if (header.isEmpty()) throw new ImportException(file + " is empty: no header, no rows");
            RowMapper mapper = new RowMapper(profile, RowSource.headerNames(header.get()), sha256, providerOverride);
            Map<String, Long> seenInFile = new HashMap<>();
            Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
            Map<ValueSetAside, Long> setAside = new EnumMap<>(ValueSetAside.class);
            List<Rejection> first = new ArrayList<>();
            long read = 0, accepted = 0, quarantined = 0, duplicates = 0;
            for (Optional<RawRow> next = source.next(); next.isPresent(); next = source.next()) {
                RawRow row = next.get();
                read++;
                Rejection rejection = null;
                switch (mapper.map(row)) {
                    case RowMapper.Result.Accepted(Transfer t) -> {
                        String key = t.provider() + '\u0000' + t.reference();
                        Long originalLine = null;
                        // A reference stored by an earlier file is checked first, so that duplicates always
                        // point at a stored transfer, never at another rejected row.
                        if (stored.contains(t.provider(), t.reference())) {
                            rejection = new Rejection(row.line(), source.rawText(row), RejectReason.DUPLICATE_REFERENCE,
                                    "reference " + t.reference() + " of " + t.provider() + " is already stored from an earlier file",
                                    t.reference(), 0);
                        } else if ((originalLine = seenInFile.putIfAbsent(key, row.line())) != null) {
                            rejection = new Rejection(row.line(), source.rawText(row), RejectReason.DUPLICATE_REFERENCE,
                                    "reference " + t.reference() + " already appears on line " + originalLine + " of this file",
                                    t.reference(), originalLine);
                        } else {
                            sink.accepted(t, source.rawText(row));
                            accepted++;
                            mapper.countSetAside(t.sender(), setAside);
                            mapper.countSetAside(t.recipient(), setAside);
                        }
                    }
                    case RowMapper.Result.Rejected(RejectReason reason, String detail) -> rejection = new Rejection(
                            row.line(), source.rawText(row), reason, detail, mapper.value(row, Field.REFERENCE), 0);
                }
                if (rejection != null) {
                    if (rejection.isDuplicate()) duplicates++; else quarantined++;
                    byReason.merge(rejection.reason(), 1L, Long::sum);
                    if (first.size() < FIRST_PROBLEMS) first.add(rejection);
                    sink.rejected(rejection);
                }
                if ((read & 0xFFF) == 0) progress.update(source.bytesRead(), totalBytes, read);
            }
            progress.update(totalBytes, totalBytes, read);
            return new Result(new RowCounts(read, accepted, quarantined, duplicates), byReason, first, setAside);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException("no such file: " + file, e);
        }
    }
}
