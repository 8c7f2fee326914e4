package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ground truth agrees with the files: references, lines, persons, roles and referrals. */
class GroundTruthTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void truthMatchesTheTransfersFile(Format format) throws IOException {
        truthMatchesTheTransfersFile(Runs.small(3_000, 12).withBadRows(0.02, 0.01).withReferrals(6).withSeed(3), format);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void truthMatchesTheTransfersFileUnderTheHardPreset(Format format) throws IOException {
        truthMatchesTheTransfersFile(SimConfig.preset(SimConfig.Preset.HARD).withSenders(1_500).withMonths(12)
                .withBadRows(0.02, 0.01).withReferrals(6).withSeed(3), format);
    }

    private void truthMatchesTheTransfersFile(SimConfig cfg, Format format) throws IOException {
        SimSummary summary = Simulator.run(cfg, dir, format, Simulator.Progress.NONE);

        Map<String, Role> roles = new HashMap<>();
        for (List<String> p : Runs.truth(dir.resolve("truth/persons.csv"))) {
            assertThat(roles.put(p.get(0), Role.valueOf(p.get(2)))).as("person id %s unique", p.get(0)).isNull();
        }
        Map<String, List<String>> truth = new HashMap<>();
        Map<Long, String> lineToReference = new HashMap<>();
        for (List<String> t : Runs.truth(dir.resolve("truth/transfers.csv"))) {
            assertThat(truth.put(t.get(0), t)).as("reference %s once in the truth", t.get(0)).isNull();
            assertThat(t.get(0)).matches("\\d{10}");
            lineToReference.put(Long.parseLong(t.get(1)), t.get(0));
            assertThat(roles.get(t.get(2)).side()).isEqualTo(Role.Side.SENDER);
            assertThat(roles.get(t.get(3)).side()).isEqualTo(Role.Side.RECIPIENT);
            // Buyers pay facilitators; with the switches on, buyers also pay a relative or partner, and facilitators also
            // receive family money from relatives abroad: nothing else crosses between the two worlds.
            Role sender = roles.get(t.get(2)), recipient = roles.get(t.get(3));
            if (sender == Role.BUYER && recipient != Role.FACILITATOR) assertThat(recipient).isIn(Role.RELATIVE, Role.PARTNER);
            if (recipient == Role.FACILITATOR && sender != Role.BUYER) assertThat(sender).isEqualTo(Role.DIASPORA_FAMILY);
        }
        assertThat((long) truth.size()).isEqualTo(summary.transfers());
        Set<Long> duplicateLines = new HashSet<>();
        Set<Long> badLines = new HashSet<>();
        for (List<String> b : Runs.truth(dir.resolve("truth/bad_rows.csv"))) {
            long line = Long.parseLong(b.get(0));
            badLines.add(line);
            if (b.get(1).equals("DUPLICATE_REFERENCE")) {
                duplicateLines.add(line);
                assertThat(truth).containsKey(b.get(2));
            } else if (!b.get(1).equals("EMPTY_LINE")) {
                assertThat(lineToReference.get(line)).isEqualTo(b.get(2));
            }
        }

        // Every intact row's reference is the truth's reference for that line; duplicates repeat an earlier one.
        Charset charset = format == Format.CANONICAL ? Charset.forName("UTF-8") : Charset.forName("windows-1252");
        int referenceColumn = format == Format.CANONICAL ? 1 : 0;
        Set<String> seen = new HashSet<>();
        long rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(format == Format.CANONICAL ? ',' : ';')
                .skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(summary.transfersFile(), charset)) {
            for (CsvRecord rec : reader) {
                long line = rec.getStartingLineNumber();
                if (line == 1) continue;
                rows++;
                if (badLines.contains(line) && !duplicateLines.contains(line)) continue;
                String reference = rec.getField(referenceColumn);
                if (duplicateLines.contains(line)) {
                    assertThat(seen).contains(reference);
                } else {
                    assertThat(reference).isEqualTo(lineToReference.get(line));
                    assertThat(seen.add(reference)).isTrue();
                }
            }
        }
        assertThat(rows).isEqualTo(summary.lines() - 1);

        // Referrals name true offenders, and the references they cite are those offenders' transfers.
        Map<String, List<List<String>>> subjects = new HashMap<>();
        for (List<String> s : Runs.truth(dir.resolve("truth/referrals.csv"))) {
            subjects.computeIfAbsent(s.get(0), k -> new java.util.ArrayList<>()).add(s);
            assertThat(roles.get(s.get(2)).offender()).isTrue();
        }
        assertThat(subjects).hasSize(6);
        String json = Files.readString(dir.resolve("referrals.json"));
        Matcher m = Pattern.compile("\"referral_ref\": \"([^\"]+)\"").matcher(json);
        int referrals = 0;
        while (m.find()) {
            referrals++;
            assertThat(subjects).containsKey(m.group(1));
        }
        assertThat(referrals).isEqualTo(6);
        Matcher lists = Pattern.compile("\"transfer_refs\": \\[([^\\]]*)\\]").matcher(json);
        int cited = 0;
        while (lists.find()) {
            Matcher refs = Pattern.compile("\"(\\d{10})\"").matcher(lists.group(1));
            while (refs.find()) {
                cited++;
                List<String> t = truth.get(refs.group(1));
                assertThat(t).isNotNull();
                assertThat(roles.get(t.get(2))).isEqualTo(Role.BUYER);
                assertThat(badLines).doesNotContain(Long.parseLong(t.get(1)));
            }
        }
        assertThat(cited).isPositive();
    }
}
