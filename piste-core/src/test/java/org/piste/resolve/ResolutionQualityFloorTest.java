package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.ingest.PersonFiles;
import org.piste.ingest.Profiles;

/**
 * A floor under resolution quality on labelled third-party data (FEBRL 1, src/test/resources/er/febrl): margins are
 * generous (the benchmark, bench/resolution-quality.sh, measures the real figures), so this fails only when a change
 * breaks resolution, not when it moves a pair or two.
 */
class ResolutionQualityFloorTest {

    @Test
    void febrl1WithoutItsIdentifierKeepsPairwisePrecisionAndRecall() throws Exception {
        Path file = Path.of(ResolutionQualityFloorTest.class.getResource("/er/febrl/febrl1.csv").toURI());
        PersonFiles.Result read;
        try (InputStream profile = ResolutionQualityFloorTest.class.getResourceAsStream("/er/febrl/febrl.yaml")) {
            read = PersonFiles.read(file, Profiles.parse(profile, "febrl.yaml"));
        }
        assertThat(read.unreadableLines()).isEmpty();
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (var row : read.persons()) {
            records.add(PersonRecords.of(row.recordId(), row.person()));
            truth.add(row.recordId().split("-")[1]); // rec-N-org, rec-N-dup-k: person N
        }
        assertThat(records).hasSize(1000);

        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        List<String> predicted = records.stream().map(p -> r.entityOf().get(p.id())).toList();
        ClusterMetrics m = ClusterMetrics.of(truth, predicted, new long[0]);

        assertThat(m.truePairs()).isEqualTo(500); // every original has one duplicate
        assertThat(m.precision()).as("pairwise precision").isGreaterThanOrEqualTo(0.98);
        assertThat(m.recall()).as("pairwise recall").isGreaterThanOrEqualTo(0.95);
    }
}
