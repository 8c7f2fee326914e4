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
}
