package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.strangers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resolver's clustering on small populations (the default model): links strongest first, decisions by position. */
class ResolverClusteringTest {
    private static PersonRecord rowena(String id, String dob, String phone) {
        return new PersonRecord(id, "Rowena", "", "Bautista", "", dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob)),
                "", phone, "", "", "", "Manila", "");
    }

    /**
     * z and b share a phone (b has no date of birth), c has only the name and the city, and a date of birth that
     * contradicts z's. Default model, 23 records, Rowena Bautista counted 3 times in 23:
     * prior log2(1/22) = -4.459, given names log2(0.80 / (3/23)) = 2.617, surname log2(0.85 / (3/23)) = 2.704,
     * city log2(0.85 / 0.05) = 4.087, phone log2(0.80 / 0.0001) = 12.966. b-z weighs 17.915, b-c 4.949 (a link: above
     * log2(0.9 / 0.1) = 3.17). Merged strongest first, b joins z and c is refused (its date contradicts z's); merged in
     * the order of the pairs (b-c before b-z), b would join c and z be refused.
     */
    @Test
    void linksAreMergedStrongestFirst() {
        List<PersonRecord> records = new ArrayList<>(List.of(rowena("z", "1982-03-04", "+639170000001"),
                rowena("b", "", "+639170000001"), rowena("c", "1990-07-08", "")));
        records.addAll(strangers());
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        assertThat(r.entityOf()).containsEntry("z", "b").containsEntry("b", "b").containsEntry("c", "c");
    }

    /** Decisions reach the first record by position too, whichever side of the decision it is on. */
    @Test
    void decisionsOnTheFirstRecordAreApplied() {
        List<PersonRecord> records = List.of(rowena("a", "1982-03-04", "+639170000001"), rowena("b", "1982-03-04", "+639170000001"),
                new PersonRecord("c", "Claire", "", "Durand", "", Optional.empty(), "", "", "", "", "", "Lyon", ""));
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        assertThat(resolver.resolve(records, List.of()).entityOf().get("b")).as("without a decision").isEqualTo("a");

        Resolution apart = resolver.resolve(records, List.of(new Decision("b", "a", Decision.Kind.NOT_SAME)));
        assertThat(apart.entityOf().get("b")).isEqualTo("b");

        Resolution joined = resolver.resolve(records, List.of(new Decision("c", "a", Decision.Kind.SAME)));
        assertThat(joined.entityOf().get("c")).isEqualTo("a");
        assertThat(joined.links()).anyMatch(l -> l.origin() == Link.Origin.ANALYST && l.recordA().equals("c") && l.recordB().equals("a"));
    }

    /** The second pass adds the pairs of records paid by one counterparty to the first pass's, in order, each once. */
    @Test
    void theUnionOfPairsKeepsTheFirstsPatternsAndComparesTheNewOnes() {
        Features[] f = new Features[4];
        String[] phones = {"+33600000000", "+33600000001", "+33600000002", "+33600000002"}; // 2 and 3 alike, the others not
        for (int i = 0; i < 4; i++) {
            f[i] = new Features(new PersonRecord("r" + i, "Rowena", "", "Bautista", "", Optional.empty(), "", phones[i], "", "", "",
                    "", ""));
        }
        long p01 = 1L, p02 = 2L, p13 = 1L << 32 | 3, p23 = 2L << 32 | 3;
        long[][] u = Resolver.union(f, new long[] {p01, p13}, new long[] {101, 113}, new long[] {p01, p02, p23});
        assertThat(u[0]).containsExactly(p01, p02, p13, p23);
        long compared02 = Comparison.pattern(f[0], f[2]), compared23 = Comparison.pattern(f[2], f[3]);
        assertThat(Comparison.level(compared23, Comparison.PHONE)).isEqualTo(1);
        assertThat(u[1]).containsExactly(101, compared02, 113, compared23);
        assertThat(Resolver.union(f, new long[0], new long[0], new long[] {p23})[0]).containsExactly(p23);
        assertThat(Resolver.union(f, new long[] {p13}, new long[] {113}, new long[0])[1]).containsExactly(113);
    }

    /**
     * Two records sharing only a phone, compared by a model where every level is as likely for one person as for two
     * (m = u: each field weighs 0) with a prior of one half (log-odds 0): their weight is exactly 0, the posterior
     * exactly 0.5, and at a threshold of 0.5 they are a link.
     */
    @Test
    void aPairExactlyAtTheThresholdIsALink() {
        double[][] half = new double[Comparison.ALL.length][];
        for (Comparison c : Comparison.ALL) {
            half[c.ordinal()] = new double[c.levelCount()];
            java.util.Arrays.fill(half[c.ordinal()], 1, c.levelCount(), 0.5);
        }
        MatchModel even = MatchModel.of(half, half, 0.5);
        List<PersonRecord> records = List.of(
                new PersonRecord("a", "", "", "", "", Optional.empty(), "", "+33611223344", "", "", "", "Lyon", ""),
                new PersonRecord("b", "", "", "", "", Optional.empty(), "", "+33611223344", "", "", "", "Nice", ""));
        Resolution r = new Resolver(Resolver.Settings.defaults().withThreshold(0.5)).resolve(records.iterator(), List.of(), even);
        assertThat(r.entityOf().get("b")).isEqualTo("a");
        assertThat(r.links()).singleElement().satisfies(l -> {
            assertThat(l.weight()).isZero();
            assertThat(l.probability()).isEqualTo(0.5);
        });
    }
}
