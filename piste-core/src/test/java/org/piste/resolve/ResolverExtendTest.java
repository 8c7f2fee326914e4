package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extending a previous resolution: the counterparties it compares, what it keeps and what it scores again. */
class ResolverExtendTest {
    private static final int COUNTERPARTY = 1 + Comparison.COUNTERPARTY.ordinal();

    private static PersonRecord hugo(String id, String counterpart) {
        return PersonRecords.inContext(person(id, "Hugo", "Petit", "1970-05-06", "+33600000001"), "Paris", "PAR-1", counterpart);
    }

    private static PersonRecord rowena(String id, String counterpart) {
        return PersonRecords.inContext(person(id, "Rowena", "Bautista", "1982-03-04", "+639170000001"), "Manila", "MNL-1", counterpart);
    }

    private static Evidence counterparty(Resolution r, String a, String b) {
        return link(r, a, b).evidence().get(COUNTERPARTY);
    }

    private static Link link(Resolution r, String a, String b) {
        return r.links().stream().filter(l -> l.recordA().equals(a) && l.recordB().equals(b)).findFirst().orElseThrow();
    }

    private static long links(Resolution r, String a, String b) {
        return r.links().stream().filter(l -> l.recordA().equals(a) && l.recordB().equals(b)).count();
    }

    /**
     * A counterpart resolved before stands as its previous entity, a new one as itself. Hugo paid Rowena twice (t1, t2:
     * entities t1:S and t1:R). Rowena's new row t9:R names Hugo's second row, of entity t1:S: the same entity as her first
     * row's counterpart. Her row of a new transfer (t3) names a new sender: another entity.
     */
    @Test
    void counterpartiesAreThePreviousEntitiesAndANewCounterpartIsItsOwn() {
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        List<PersonRecord> existing = List.of(hugo("t1:S", "t1:R"), rowena("t1:R", "t1:S"), hugo("t2:S", "t2:R"), rowena("t2:R", "t2:S"));
        Resolution before = resolver.resolve(existing, List.of());
        assertThat(before.entityOf()).containsEntry("t2:S", "t1:S").containsEntry("t2:R", "t1:R");
        List<PersonRecord> added = List.of(hugo("t3:S", "t3:R"), rowena("t3:R", "t3:S"), rowena("t9:R", "t2:S"),
                person("n:S", "Joel", "Santos", "", "12345"));

        Resolution after = resolver.extend(before, existing, added, List.of());

        assertThat(after.entityOf()).containsEntry("t3:S", "t1:S").containsEntry("t3:R", "t1:R").containsEntry("t9:R", "t1:R")
                .containsEntry("n:S", "n:S");
        Evidence paidByHugo = counterparty(after, "t1:R", "t9:R");
        assertThat(List.of(paidByHugo.valueA(), paidByHugo.valueB(), paidByHugo.level())).containsExactly("t1:S", "t1:S", "same entity");
        Evidence newSender = counterparty(after, "t1:R", "t3:R");
        assertThat(List.of(newSender.valueA(), newSender.valueB(), newSender.level())).containsExactly("t1:S", "t3:S", "different");
        Evidence senders = counterparty(after, "t1:S", "t3:S");
        assertThat(List.of(senders.valueA(), senders.valueB())).containsExactly("t1:R", "t3:R");
        assertThat(after.notCompared()).isEqualTo(Map.of(NotCompared.SHORT_PHONE, 1L));
        assertThat(after.model()).isSameAs(before.model());
    }

    /**
     * Previous entities and their links are kept as they were, an analyst's among them, unless a decision touches
     * them: then their records are scored again, and their links made again, once. A record given again under an id
     * resolved before is scored again too.
     */
    @Test
    void entitiesADecisionTouchesAndRecordsGivenAgainAreScoredAgainTheOthersKept() {
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        List<PersonRecord> first = List.of(person("a", "Rowena", "Bautista", "1982-03-04", "+639170000001"),
                person("b", "Rowena", "Bautista", "1982-03-04", "+639170000001"),
                person("x", "Hugo", "Petit", "1970-05-06", "+33600000001"), person("y", "Hugo", "Petit", "1970-05-06", "+33600000001"),
                person("z", "Hugo", "Petit", "1970-05-06", "+33600000001"),
                person("s1", "Arnel", "Aquino", "1960-01-01", ""), person("s2", "Claire", "Durand", "1991-02-02", ""));
        Resolution before = resolver.resolve(first, List.of(new Decision("s1", "s2", Decision.Kind.SAME)));
        assertThat(before.entityOf()).containsEntry("s2", "s1").containsEntry("z", "x");

        List<PersonRecord> existing = new ArrayList<>(first);
        existing.removeIf(p -> p.id().equals("z"));
        List<PersonRecord> added = List.of(person("z", "Joel", "Santos", "1999-09-09", ""), person("c", "Lorna", "Ramos", "", ""));
        Resolution after = resolver.extend(before, existing, added, List.of(new Decision("b", "c", Decision.Kind.NOT_SAME)));

        assertThat(after.entityOf()).containsEntry("s2", "s1").containsEntry("y", "x").containsEntry("b", "a")
                .containsEntry("z", "z").containsEntry("c", "c");
        assertThat(links(after, "s1", "s2")).isEqualTo(1);
        assertThat(link(after, "s1", "s2").origin()).isEqualTo(Link.Origin.ANALYST);
        assertThat(links(after, "x", "y")).isEqualTo(1);
        assertThat(links(after, "a", "b")).as("made again, once").isEqualTo(1);
        assertThat(after.links()).noneMatch(l -> l.recordA().equals("z") || l.recordB().equals("z"));
    }

    /**
     * The counterparts may all be the first record (position 0), or every record may have one: the counterparty is
     * compared either way. Hugo (s1) pays Rowena twice (p1, p2): their link says "same entity", s1 / s1. First with s1
     * naming no counterpart and both of Rowena's rows added at once (more records added than there were), then with
     * every record naming one and her second row added.
     */
    @Test
    void theCounterpartyIsComparedWhenTheCounterpartsAreTheFirstRecordOrWhenAllHaveOne() {
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        PersonRecord sender = PersonRecords.inContext(person("s1", "Hugo", "Petit", "1970-05-06", "+33600000001"), "Paris", "PAR-1", "");
        List<PersonRecord> existing = List.of(sender);
        Resolution after = resolver.extend(resolver.resolve(existing, List.of()), existing,
                List.of(rowena("p1", "s1"), rowena("p2", "s1")), List.of());
        Evidence paidByHugo = counterparty(after, "p1", "p2");
        assertThat(List.of(paidByHugo.valueA(), paidByHugo.valueB(), paidByHugo.level())).containsExactly("s1", "s1", "same entity");

        List<PersonRecord> paired = List.of(hugo("s1", "p1"), rowena("p1", "s1"));
        after = resolver.extend(resolver.resolve(paired, List.of()), paired, List.of(rowena("p2", "s1")), List.of());
        paidByHugo = counterparty(after, "p1", "p2");
        assertThat(List.of(paidByHugo.valueA(), paidByHugo.valueB(), paidByHugo.level())).containsExactly("s1", "s1", "same entity");
    }

    /** Maria Luz Dela Cruz of Manila, known by name and place only, paid at the agency MNL-1. */
    private static PersonRecord payee(String id, String sender) {
        return new PersonRecord(id, "Maria Luz", "", "Dela Cruz", "", java.util.Optional.empty(), "", "", "", "", "", "Manila", "",
                "MNL-1", sender);
    }

    /**
     * Two payees of one name whose senders are one previous entity (Hugo's t1:S and t2:S), resolved before into two
     * entities: extending does not compare them again, though the counterparty blocking pairs them (neither is scored
     * again; n, which the previous run did not have, is). Scored, they would be one person (the same name, city and
     * agency, the same sender).
     */
    @Test
    void twoRecordsKeptFromThePreviousRunAreNotComparedAgainThroughTheirCounterparty() {
        List<PersonRecord> existing = List.of(person("n", "Joel", "Santos", "", "+639170000009"), hugo("t1:S", "t1:R"),
                payee("t1:R", "t1:S"), hugo("t2:S", "t2:R"), payee("t2:R", "t2:S"));
        java.util.Map<String, String> entityOf = new java.util.LinkedHashMap<>();
        for (PersonRecord p : existing) entityOf.put(p.id(), p.id());
        entityOf.put("t2:S", "t1:S");
        entityOf.remove("n");
        Resolution before = new Resolution(entityOf, List.of(), DefaultModel.forRecords(5),
                new BlockingReport(4, 0, 1, 100, Map.of()));

        Resolution after = new Resolver(Resolver.Settings.defaults()).extend(before, existing, List.of(), List.of());

        assertThat(after.entityOf()).containsEntry("t1:R", "t1:R").containsEntry("t2:R", "t2:R").containsEntry("t2:S", "t1:S");
        assertThat(after.links()).isEmpty();
    }

    /**
     * Beyond the block cap (2 here), five payees of one name, place and agency are paired only with their next three
     * by id: t1:R and t5:R, four apart, only through the counterparty blocking, as both are paid by Hugo (t1:S and t5:S,
     * one previous entity); the others' senders are not among the records. Their link, the strongest (the same sender),
     * is made first.
     */
    @Test
    void newRecordsPaidByOnePreviousEntityArePairedBeyondTheBlockCap() {
        List<PersonRecord> existing = List.of(hugo("t1:S", "t1:R"), hugo("t5:S", "t5:R"));
        Resolution before = new Resolution(Map.of("t1:S", "t1:S", "t5:S", "t1:S"), List.of(), DefaultModel.forRecords(2),
                new BlockingReport(2, 1, 0, 2, Map.of()));
        List<PersonRecord> added = List.of(payee("t1:R", "t1:S"), payee("t2:R", "t2:S"), payee("t3:R", "t3:S"),
                payee("t4:R", "t4:S"), payee("t5:R", "t5:S"));

        Resolution after = new Resolver(new Resolver.Settings(0.9, 2, 1L)).extend(before, existing, added, List.of());

        Evidence sameSender = counterparty(after, "t1:R", "t5:R");
        assertThat(List.of(sameSender.valueA(), sameSender.valueB(), sameSender.level())).containsExactly("t1:S", "t1:S", "same entity");
    }
}
