package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.person;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resolver on small hand-built populations. A background of distinct synthetic people gives EM and the
 * random-pair u estimate something realistic to learn from.
 */
class ResolverTest {
    private static final String[] GIVEN = {"analyn", "rowena", "marites", "jonalyn", "lorna", "joel", "ramon", "arnel",
            "claire", "sophie", "thomas", "lucas", "camille", "hugo", "manon", "nathalie", "didier", "yves"};
    private static final String[] SURNAME = {"reyes", "santos", "bautista", "ocampo", "garcia", "mendoza", "torres",
            "villanueva", "ramos", "aquino", "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand"};

    private static List<PersonRecord> background(int n) {
        Random random = new Random(7);
        List<PersonRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String dob = String.format("%d-%02d-%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String phone = "+3361" + String.format("%07d", random.nextInt(10_000_000));
            PersonRecord p = person("bg" + i, GIVEN[random.nextInt(GIVEN.length)], SURNAME[random.nextInt(SURNAME.length)], dob, phone);
            out.add(p);
            if (random.nextInt(3) == 0) { // the same person on another row, with a small variation
                out.add(person("bg" + i + "b", p.givenNames().toUpperCase(), p.surname(), random.nextBoolean() ? dob : "", phone));
            }
        }
        return out;
    }

    private static Resolution resolve(List<PersonRecord> extra, List<Decision> decisions) {
        List<PersonRecord> all = new ArrayList<>(background(700));
        all.addAll(extra);
        return new Resolver(Resolver.Settings.defaults()).resolve(all, decisions);
    }

    private static final List<PersonRecord> VARIANTS = List.of(
            person("x1", "Maria Luz", "Dela Cruz", "1975-04-12", "+33612345678"),
            person("x2", "Ma. Luz", "DE LA CRUZ", "1975-04-12", "+33612345678"),
            person("x3", "Maria-Luz", "Delacruz", "", "+33612345678"),
            person("x4", "Dela Cruz", "Maria Luz", "1975-04-12", ""));

    @Test
    void spellingVariantsOfOnePersonBecomeOneEntity() {
        Resolution r = resolve(VARIANTS, List.of());
        assertThat(r.entityOf().get("x2")).isEqualTo(r.entityOf().get("x1"));
        assertThat(r.entityOf().get("x3")).isEqualTo(r.entityOf().get("x1"));
        assertThat(r.entityOf().get("x4")).as("first and last name swapped").isEqualTo(r.entityOf().get("x1"));
        assertThat(r.entityOf().get("x1")).isEqualTo("x1");
    }

    /** The values shown are each record's own, so an explanation must say when the names were compared swapped. */
    @Test
    void aLinkThatReadTheNamesSwappedSaysSoAndKeepsItWhenStoredAsParts() {
        Resolution r = resolve(VARIANTS, List.of());
        List<Link> withX4 = r.links().stream().filter(l -> l.recordA().equals("x4") || l.recordB().equals("x4")).toList();
        assertThat(withX4).isNotEmpty().allSatisfy(l -> {
            assertThat(l.evidence().get(1).level()).isEqualTo("exact" + Comparison.SWAPPED_NOTE);
            assertThat(l.evidence().get(2).level()).endsWith(Comparison.SWAPPED_NOTE);
            assertThat(l.evidence().subList(3, l.evidence().size())).noneSatisfy(e -> assertThat(e.level()).contains("swapped"));
            String[] a = EvidenceParts.values(l.evidence(), true), b = EvidenceParts.values(l.evidence(), false);
            assertThat(EvidenceParts.join(EvidenceParts.levels(l.evidence()), EvidenceParts.weights(l.evidence()), a, b))
                    .isEqualTo(l.evidence());
        });
        assertThat(r.links().stream().filter(l -> !withX4.contains(l)).flatMap(l -> l.evidence().stream()))
                .isNotEmpty().noneSatisfy(e -> assertThat(e.level()).contains("swapped"));
    }

    @Test
    void relativesWithOneSurnameAndDifferentBirthDatesStayApart() {
        List<PersonRecord> family = List.of(
                person("f1", "Rosario", "Bautista", "1948-02-03", "+639171234567"),
                person("f2", "Rosario", "Bautista", "1979-11-21", "+639171234567"));
        Resolution r = resolve(family, List.of());
        assertThat(r.entityOf().get("f1")).isNotEqualTo(r.entityOf().get("f2"));
    }

    @Test
    void aRecordWithoutBirthDateCannotChainTwoConflictingOnes() {
        List<PersonRecord> chain = List.of(
                person("c1", "Jonalyn", "Ocampo", "1980-01-05", "+639181112222"),
                person("c2", "Jonalyn", "Ocampo", "", "+639181112222"),
                person("c3", "Jonalyn", "Ocampo", "1991-07-30", "+639181112222"));
        Resolution r = resolve(chain, List.of());
        assertThat(r.entityOf().get("c1")).isNotEqualTo(r.entityOf().get("c3"));
    }

    @Test
    void analystDecisionsAreAlwaysRespected() {
        Resolution split = resolve(VARIANTS, List.of(new Decision("x1", "x2", Decision.Kind.NOT_SAME)));
        assertThat(split.entityOf().get("x1")).isNotEqualTo(split.entityOf().get("x2"));

        List<PersonRecord> strangers = List.of(person("s1", "Arnel", "Aquino", "1970-01-01", ""),
                person("s2", "Claire", "Durand", "1985-05-05", ""));
        Resolution joined = resolve(strangers, List.of(new Decision("s1", "s2", Decision.Kind.SAME)));
        assertThat(joined.entityOf().get("s1")).isEqualTo(joined.entityOf().get("s2"));
        assertThat(joined.links()).anyMatch(l -> l.origin() == Link.Origin.ANALYST && l.recordB().equals("s2"));
    }

    @Test
    void everyLinkIsExplainedAndItsEvidenceAddsUpToItsWeight() {
        Resolution r = resolve(VARIANTS, List.of());
        assertThat(r.links()).isNotEmpty();
        for (Link link : r.links()) {
            double sum = link.evidence().stream().mapToDouble(Evidence::weight).sum();
            assertThat(sum).isCloseTo(link.weight(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(link.evidence()).extracting(Evidence::field).contains("surname", "given names", "date of birth");
        }
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRecords() {
        List<PersonRecord> records = new ArrayList<>(background(700));
        records.addAll(VARIANTS);
        Resolution a = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        Collections.shuffle(records, new Random(3));
        Resolution b = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        assertThat(b.entityOf()).isEqualTo(a.entityOf());
    }

    /** The background and the first two variants: the records resolved before the others arrive. */
    private static List<PersonRecord> firstRecords() {
        List<PersonRecord> first = new ArrayList<>(background(700));
        first.addAll(VARIANTS.subList(0, 2));
        return first;
    }

    @Test
    void newRecordsJoinExistingEntitiesIncrementally() {
        List<PersonRecord> first = firstRecords();
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        Resolution before = resolver.resolve(first, List.of());
        Resolution after = resolver.extend(before, first, VARIANTS.subList(2, 4), List.of());
        assertThat(after.entityOf().get("x3")).isEqualTo(after.entityOf().get("x1"));
        assertThat(after.entityOf().get("x4")).isEqualTo(after.entityOf().get("x1"));
        // Old records keep their entities.
        first.forEach(p -> assertThat(after.entityOf().get(p.id())).isEqualTo(before.entityOf().get(p.id())));
    }

    @Test
    void onUnambiguousRecordsAStreamedRunWithThePreviousModelGivesTheEntitiesExtendingGives() {
        List<PersonRecord> first = firstRecords();
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        Resolution before = resolver.resolve(first, List.of());
        List<Decision> decisions = List.of(new Decision("x1", "x2", Decision.Kind.NOT_SAME));
        Resolution extended = resolver.extend(before, first, VARIANTS.subList(2, 4), decisions);
        List<PersonRecord> all = new ArrayList<>(first);
        all.addAll(VARIANTS.subList(2, 4));

        Resolution streamed = resolver.resolve(all.iterator(), decisions, before.model());

        assertThat(streamed.model()).isSameAs(before.model());
        assertThat(streamed.entityOf()).isEqualTo(extended.entityOf());
        assertThat(streamed.entityOf().get("x1")).isNotEqualTo(streamed.entityOf().get("x2"));
    }

    @Test
    void blockingReportsItsReduction() {
        Resolution r = resolve(VARIANTS, List.of());
        assertThat(r.blocking().candidatePairs()).isPositive();
        assertThat(r.blocking().reductionRatio()).isBetween(0.5, 1.0);
    }

    @Test
    void repeatedIdenticalRowsOfOnePersonAreLinkedWithAllExactEvidence() {
        List<PersonRecord> repeated = List.of(
                person("r1", "Marites", "Villanueva", "1969-09-09", "+639201234567"),
                person("r2", "Marites", "Villanueva", "1969-09-09", "+639201234567"),
                person("r3", "MARITES", "VILLANUEVA", "1969-09-09", "+639201234567"));
        Resolution r = resolve(repeated, List.of());
        assertThat(r.entityOf().get("r2")).isEqualTo("r1");
        assertThat(r.entityOf().get("r3")).isEqualTo("r1");
        Link toR3 = r.links().stream().filter(l -> l.recordB().equals("r3")).findFirst().orElseThrow();
        assertThat(toR3.recordA()).isEqualTo("r1");
        assertThat(toR3.evidence()).filteredOn(e -> e.field().equals("phone")).extracting(Evidence::level).containsExactly("exact");
    }

    @Test
    void everyLinksEvidenceIsRebuiltFromItsLevelsWeightsAndEachRecordsStoredValues() {
        List<PersonRecord> extra = new ArrayList<>(VARIANTS);
        extra.add(person("r1", "Marites", "Villanueva", "1969-09-09", "+639201234567"));
        extra.add(person("r2", "MARITES", "VILLANUEVA", "1969-09-09", "+639201234567"));
        extra.add(person("r3", "Marites", "Villanueva", "1969-09-09", "+639201234567"));
        extra.add(person("s1", "Hugo", "Petit", "1980-01-01", "+33600000001"));
        extra.add(person("s2", "Ramon", "Aquino", "1961-02-03", "+639170000002"));
        Resolution r = resolve(extra, List.of(new Decision("s1", "s2", Decision.Kind.SAME)));
        java.util.Map<String, String[]> values = new java.util.HashMap<>();
        r.forEachLinkedRecord((id, v) -> assertThat(values.put(id, v)).as("record %s given once", id).isNull());

        assertThat(r.links()).hasSizeGreaterThan(100).anyMatch(l -> l.origin() == Link.Origin.ANALYST);
        for (Link l : r.links()) {
            assertThat(EvidenceParts.values(l.evidence(), true)).as("%s in this link", l.recordA()).isEqualTo(values.get(l.recordA()));
            assertThat(EvidenceParts.values(l.evidence(), false)).as("%s in this link", l.recordB()).isEqualTo(values.get(l.recordB()));
            List<Evidence> rebuilt = EvidenceParts.join(EvidenceParts.levels(l.evidence()), EvidenceParts.weights(l.evidence()),
                    values.get(l.recordA()), values.get(l.recordB()));
            assertThat(rebuilt).isEqualTo(l.evidence());
        }
    }

    @Test
    void rowsSharingOnlyANameAreNotAssumedToBeOnePerson() {
        List<PersonRecord> namesakes = List.of(
                person("n1", "Joel", "Santos", "", ""),
                person("n2", "Joel", "Santos", "", ""));
        Resolution r = resolve(namesakes, List.of());
        assertThat(r.entityOf().get("n1")).isNotEqualTo(r.entityOf().get("n2"));
    }

    @Test
    void recordsReadOnceFromAnIteratorResolveAsTheListDoes() {
        List<PersonRecord> all = new ArrayList<>(background(300));
        all.addAll(VARIANTS);
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        Resolution fromList = resolver.resolve(all, List.of());
        Resolution streamed = resolver.resolve(all.iterator(), List.of());
        assertThat(streamed.entityOf()).isEqualTo(fromList.entityOf());
        assertThat(streamed.links()).isEqualTo(fromList.links());
    }

    @Test
    void aRecordIdGivenTwiceIsRefused() {
        List<PersonRecord> twice = List.of(person("d1", "Joel", "Santos", "1980-01-02", ""),
                person("d1", "Ramon", "Reyes", "1981-03-04", ""));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Resolver(Resolver.Settings.defaults()).resolve(twice.iterator(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d1' appears twice");
    }
}
