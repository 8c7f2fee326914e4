package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resolution built from plain values reads back the same through its compact form. */
class ResolutionTest {
    private static final MatchModel MODEL = DefaultModel.forRecords(3);
    private static final BlockingReport REPORT = new BlockingReport(3, 0, 0, 100, Map.of());

    @Test
    void membershipAndLinksReadBackAsGiven() {
        Map<String, String> entityOf = new LinkedHashMap<>();
        entityOf.put("t1:S", "t1:S");
        entityOf.put("t2:S", "t1:S");
        entityOf.put("t3:R", "t9:R"); // an entity named by a record not in this resolution
        List<Evidence> evidence = List.of(new Evidence("phone", "336", "336", "exact", 7.5));
        List<Link> links = List.of(new Link("t1:S", "t2:S", 9.25, 0.99, evidence, Link.Origin.SCORED),
                new Link("t3:R", "t9:R", 1.5, 0.75, List.of(), Link.Origin.ANALYST));

        Resolution r = new Resolution(entityOf, links, MODEL, REPORT);

        assertThat(r.entityOf()).isEqualTo(entityOf);
        assertThat(r.entityOf().keySet()).containsExactly("t1:S", "t2:S", "t3:R");
        assertThat(r.entityOf().get("t9:R")).as("not a record of this resolution").isNull();
        assertThat(r.entityOf().containsKey("t9:R")).isFalse();
        assertThat(r.links()).isEqualTo(links);
        assertThat(r.entities()).isEqualTo(2);
        assertThat(r.multiRecordEntities()).isEqualTo(1);
    }

    @Test
    void aRecordShowingOtherValuesInAnotherLinkIsRefusedNotStoredWrong() {
        String[] one = new String[EvidenceParts.FIELDS], other = new String[EvidenceParts.FIELDS];
        java.util.Arrays.fill(one, "dela cruz");
        java.util.Arrays.fill(other, "delacruz");
        double[] w = new double[EvidenceParts.FIELDS + 1];
        Map<String, String> entityOf = Map.of("t1:S", "t1:S", "t2:S", "t1:S", "t3:S", "t1:S");
        List<Link> links = List.of(new Link("t1:S", "t2:S", 1, 0.5, EvidenceParts.join(0, w, one, one), Link.Origin.SCORED),
                new Link("t3:S", "t1:S", 1, 0.5, EvidenceParts.join(0, w, one, other), Link.Origin.SCORED));
        Resolution r = new Resolution(entityOf, links, MODEL, REPORT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.forEachLinkedRecord((id, v) -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("record t1:S shows other values");
    }

    @Test
    void aLinkBetweenIdsThatAreNoRecordsReadsBack() {
        Link link = new Link("t7:S", "t8:S", 1.5, 0.75, List.of(), Link.Origin.ANALYST);
        Resolution r = new Resolution(Map.of(), List.of(link), MODEL, REPORT);
        assertThat(r.links()).containsExactly(link);
        assertThat(r.entityOf()).isEmpty();
        assertThat(r.notCompared()).isEmpty();
    }

    @Test
    void theRecordsMapIsReadOnlyAndItsIteratorEndsWithTheRecords() {
        Map<String, String> entityOf = new LinkedHashMap<>();
        entityOf.put("t1:S", "t1:S");
        entityOf.put("t2:S", "t1:S");
        Resolution r = new Resolution(entityOf, List.of(), MODEL, REPORT);
        assertThat(r.entityOf().containsKey("t1:S")).as("the first record").isTrue();
        assertThat(r.entityOf().containsKey(42)).isFalse();
        assertThat(r.entityOf().get(42)).isNull();
        assertThat(r.entityOf().entrySet()).hasSize(2);
        java.util.Iterator<Map.Entry<String, String>> it = r.entityOf().entrySet().iterator();
        it.next();
        it.next();
        assertThat(it.hasNext()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    }

    /**
     * The resolver's links share one evidence list (made for a and b, both paid by x) and each shows its own records'
     * counterparties: a (x) with c (y), c (y) with b (x), and a with z, an id that is no record (none shown).
     */
    @Test
    void eachLinkShowsItsOwnRecordsCounterpartiesOverTheSharedEvidence() {
        IdTable ids = new IdTable();
        for (String id : List.of("a", "b", "c", "x", "y", "z")) ids.add(id);
        String[] values = new String[EvidenceParts.FIELDS];
        java.util.Arrays.fill(values, "");
        String[] paidByX = values.clone();
        paidByX[Comparison.COUNTERPARTY.ordinal()] = "x";
        List<Evidence> shared = EvidenceParts.join(0, new double[EvidenceParts.FIELDS + 1], paidByX, paidByX);
        Link shape = new Link("", "", 1, 0.5, shared, Link.Origin.SCORED);
        //                   records a, b, c, x, y (z, position 5, is only named by a link); x is 3, y is 4
        Resolution r = new Resolution(ids, 5, new int[] {0, 0, 0, 3, 4}, new int[] {0, 0, 2, 0}, new int[] {1, 2, 1, 5},
                new int[] {0, 0, 0, 0}, new Link[] {shape}, MODEL, REPORT, new int[] {3, 3, 4, -1, -1}, new long[3]);
        List<String> shown = r.links().stream().map(l -> {
            Evidence e = l.evidence().get(1 + Comparison.COUNTERPARTY.ordinal());
            return l.recordA() + "-" + l.recordB() + ": " + e.valueA() + "/" + e.valueB();
        }).toList();
        assertThat(shown).containsExactly("a-b: x/x", "a-c: x/y", "c-b: y/x", "a-z: x/");
    }
}
