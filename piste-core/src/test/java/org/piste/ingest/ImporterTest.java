package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's bookkeeping: progress reports and the first problems kept for display. */
class ImporterTest {
    @TempDir Path dir;

    private static final String HEADER = "reference,send_datetime,sent_amount,sent_currency\n";

    private static String row(int n, boolean negative) {
        return "C-" + n + ",2024-01-15T23:30:00+01:00," + (negative ? "-" : "") + "10.00,EUR\n";
    }

    /** A canonical file of {@code rows} transfers; those for which {@code negative} holds have a negative amount. */
    private Path canonical(int rows, IntPredicate negative) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int n = 1; n <= rows; n++) text.append(row(n, negative.test(n)));
        return Files.writeString(dir.resolve("rows.csv"), text, StandardCharsets.UTF_8);
    }

    record Update(long bytesRead, long totalBytes, long rowsRead) {}

    private static Importer.Result run(Path path, List<Update> updates) {
        return new Importer(Profiles.load("canonical"), "OP", Importer.StoredReferences.NONE)
                .run(path, "sha", new CollectingSink(), (b, t, r) -> updates.add(new Update(b, t, r)));
    }

    /** Every 4096 (0x1000) rows, then once at the end with everything read. */
    @Test
    void progressIsToldEvery4096RowsAndAtTheEnd() throws IOException {
        Path path = canonical(4097, n -> false);
        long size = Files.size(path);
        List<Update> updates = new ArrayList<>();

        run(path, updates);

        assertThat(updates).hasSize(2);
        Update midway = updates.get(0);
        assertThat(midway.rowsRead()).isEqualTo(4096);
        assertThat(midway.totalBytes()).isEqualTo(size);
        // To hand over row 4096 the reader has read at least the header and those rows (all ASCII: a byte a char).
        long first4096 = HEADER.length() + IntStream.rangeClosed(1, 4096).mapToLong(n -> row(n, false).length()).sum();
        assertThat(midway.bytesRead()).isBetween(first4096, size);
        assertThat(updates.get(1)).isEqualTo(new Update(size, size, 4097));
    }

    @Test
    void smallFileIsReportedOnceAtTheEnd() throws IOException {
        Path path = canonical(3, n -> false);
        List<Update> updates = new ArrayList<>();

        run(path, updates);

        assertThat(updates).containsExactly(new Update(Files.size(path), Files.size(path), 3));
    }

    /** Twelve bad rows on lines 2-13: the first ten (lines 2-11) are kept for display, all twelve are counted. */
    @Test
    void firstTenProblemsAreKeptInFileOrder() throws IOException {
        Importer.Result result = run(canonical(12, n -> true), new ArrayList<>());

        assertThat(result.counts().quarantined()).isEqualTo(12);
        assertThat(result.firstProblems()).extracting(Rejection::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void aSingleProblemIsKept() throws IOException {
        Importer.Result result = run(canonical(3, n -> n == 2), new ArrayList<>());

        assertThat(result.firstProblems()).extracting(Rejection::line, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, RejectReason.NEGATIVE_AMOUNT));
    }

    /** A value kept as written but not used is counted on accepted rows only, by kind. */
    @Test
    void datesOfBirthSetAsideOnAcceptedRowsAreCountedByKind() throws IOException {
        String header = "reference,send_datetime,sent_amount,sent_currency,sender_birth_date,recipient_birth_date\n";
        String rows = "C-1,2024-01-15T23:30:00+01:00,10.00,EUR,1900-01-01,1885-05-17\n" // placeholder; an old date
                + "C-2,2024-01-15T23:30:00+01:00,10.00,EUR,0001-01-01,2999-01-01\n" // placeholder; in the future
                + "C-3,2024-01-15T23:30:00+01:00,10.00,EUR,1985-02-31,\n" // unreadable
                + "C-4,2024-01-15T23:30:00+01:00,-10.00,EUR,1900-01-01,1900-01-01\n"; // quarantined: not counted
        Path path = Files.writeString(dir.resolve("dates.csv"), header + rows, StandardCharsets.UTF_8);

        Importer.Result r = run(path, new ArrayList<>());

        assertThat(r.counts().accepted()).isEqualTo(3);
        assertThat(r.setAside()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(ValueSetAside.BIRTH_DATE_PLACEHOLDER, 2L,
                ValueSetAside.BIRTH_DATE_IN_FUTURE, 1L, ValueSetAside.BIRTH_DATE_UNREADABLE, 1L));
    }
}
