package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each blocking key, and the pair it gives to two records that share nothing else. */
class BlockingKeysTest {

    private static Features record(String id, String given, String surname, String dob, String idNumber, String phone,
            String email, String address, String postcode, String city, String agency) {
        return new Features(new PersonRecord(id, given, "", surname, "", dob.isEmpty() ? Optional.empty()
                : Optional.of(LocalDate.parse(dob)), idNumber, phone, email, address, postcode, city, "", agency, ""));
    }

    @Test
    void aFullRecordHasEveryKey() {
        Features f = record("k", "Maria Luz", "Dela Cruz", "1975-04-12", "P1234567", "+63 917 123 4567",
                "Luz.Cruz@Mail.example", "12 Rizal St", "1000", "Manila", "MNL-0012");
        assertThat(Blocking.keys(f)).containsExactly(
                "id:P1234567",
                "phone:639171234567",
                "email:luz.cruz@mail.example",
                "mailuser:luz.cruz",
                "dob:1975-4-12",          // day and month in increasing order
                "sound+year:KRS:1975",    // double metaphone of the surname without particles, "cruz"
                "name:mar:c",             // first three letters of the first given name, the surname's initial
                "name:cru:m",             // the same read swapped: meets a record with the names the other way round
                "post:1000:c",
                "address:12 rizal st",
                "name+agency:cru:mar:mnl 0012", // three letters of each name, in alphabetical order: either way round
                "given+agency:maria:mnl 0012",
                "surname+agency:cruz:mnl 0012",
                "surname+city:cruz:manila",
                "given+city:maria:manila");
    }

    @Test
    void keysNeedTheirParts() {
        assertThat(Blocking.keys(record("a", "", "", "", "", "", "", "", "", "", ""))).isEmpty();
        assertThat(Blocking.keys(record("a", "", "", "", "", "", "", "Rizal", "1000", "Manila", "MNL-0012")))
                .as("an address of one word, a postcode, a place and an agency without a name").isEmpty();
        assertThat(Blocking.keys(record("a", "", "", "", "", "", "ann@mail.example", "", "", "", "")))
                .containsExactly("email:ann@mail.example", "mailuser:ann");
        assertThat(Blocking.keys(record("a", "", "", "", "", "", "an@mail.example", "", "", "", "")))
                .as("a user name of two letters says little").containsExactly("email:an@mail.example");
        assertThat(Blocking.keys(record("a", "", "", "1975-12-04", "", "", "", "", "", "", ""))).containsExactly("dob:1975-4-12");
        assertThat(Blocking.keys(record("a", "", "Cruz", "", "", "", "", "", "", "", "MNL-0012")))
                .as("a surname alone meets its namesakes of no given name in the same place").containsExactly("surname+city:cruz:");
        assertThat(Blocking.keys(record("a", "Maria", "", "", "", "", "", "", "", "Manila", "")))
                .containsExactly("given+city:maria:manila");
        assertThat(Blocking.keys(record("a", "Maria", "Cruz", "", "", "", "", "", "", "", "")))
                .as("both names, no place").containsExactly("name:mar:c", "name:cru:m");
    }

    /** Two records sharing one key only; the second column names it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            id;            ,,,P1234567,,,,,,;                ,,,P1234567,,,,,,
            phone;         ,,,,+63 917 123 4567,,,,,;        ,,,,(+63) 917-123-4567,,,,,
            email;         ,,,,,an@mail.example,,,,;         ,,,,,AN@Mail.Example,,,,
            mailuser;      ,,,,,ann@mail.example,,,,;        ,,,,,ann@webmail.example,,,,
            dob;           ,,1975-04-12,,,,,,,;              ,,1975-12-04,,,,,,,
            sound+year;    ,Santos,1975-01-02,,,,,,,;        ,Santoz,1975-03-04,,,,,,,
            name;          Arnel,Aquino,,,,,,,,;             Arnulfo,Abad,,,,,,,,
            name;          Arnel,Aquino,,,,,,,,;             Aquilino,Abad,,,,,,,,
            post;          ,Cruz,,,,,,1000,,;                ,Castro,,,,,,1000,,
            address;       ,,,,,,12 Rizal St,,,;             ,,,,,,12 RIZAL ST.,,,
            surname+city;  ,Cruz,,,,,,,Manila,;              ,Cruz,,,,,,,MANILA,
            given+city;    Maria,,,,,,,,Manila,;             Maria,,,,,,,,Manila,
            given+agency;  Maria,Cruz,,,,,,,,MNL-0012;       Maria,Ocampo,,,,,,,,MNL-0012
            surname+agency; Maria,Cruz,,,,,,,,MNL-0012;      Lorna,Cruz,,,,,,,,MNL-0012
            """)
    void twoRecordsSharingOneKeyArePaired(String kind, String a, String b) {
        Features[] f = {fromCsv("a", a), fromCsv("b", b)};
        assertThat(Blocking.keys(f[0]).stream().filter(Blocking.keys(f[1])::contains).map(k -> k.substring(0, k.indexOf(':'))))
                .containsExactly(kind);
        assertThat(Blocking.candidates(f, 100, null).pairs()).containsExactly(1L);
    }

    private static Features fromCsv(String id, String values) {
        String[] v = (values + ",end").split(",", -1);
        return record(id, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    @Test
    void recordsOfOneNamePaidByOneCounterpartyArePairedAndOnlyThey() {
        Features[] f = {record("a", "Maria Luz", "Dela Cruz", "", "", "", "", "", "", "", ""),
            record("b", "Cruz", "Mario", "", "", "", "", "", "", "", ""),
            record("c", "Maria", "Cruz", "", "", "", "", "", "", "", ""),
            record("d", "", "Cruz", "", "", "", "", "", "", "", ""),
            record("e", "Maria", "", "", "", "", "", "", "", "", "")};
        // a, b (names swapped) and c are paid by entity 7 and share "name+counterparty:7:cru:mar"; d and e have half a
        // name, no key
        assertThat(Blocking.byCounterparty(f, new int[] {7, 7, 7, 7, 7}, 100).pairs())
                .containsExactly(0L << 32 | 1, 0L << 32 | 2, 1L << 32 | 2);
        assertThat(Blocking.byCounterparty(f, new int[] {-1, 7, 8, 7, 7}, 100).pairs()).as("a has none, c another").isEmpty();
        assertThat(Blocking.byCounterparty(f, new int[] {0, 0, -1, 0, 0}, 100).pairs()).as("entity 0").containsExactly(1L);
        assertThat(Blocking.byCounterparty(f, new int[] {7, 7, 7, 7, 7}, 2).report().oversizedBlocksByKind())
                .isEqualTo(Map.of("name+counterparty", 1L));
    }

    /** One record whose two name keys coincide ("Santos Santiago": san:s both ways) is not paired with itself. */
    @Test
    void aRecordIsNeverPairedWithItself() {
        Features f = record("a", "Santos", "Santiago", "", "", "", "", "", "", "", "");
        assertThat(Blocking.keys(f)).containsExactly("name:san:s", "name:san:s");
        Blocking.Result r = Blocking.candidates(new Features[] {f}, 100, null);
        assertThat(r.pairs()).isEmpty();
        assertThat(r.report().reductionRatio()).as("no pair possible").isZero();
    }

    @Test
    void theReportCountsTheReduction() {
        Features[] f = {record("a", "", "", "", "", "+33611223344", "", "", "", "", ""),
            record("b", "", "", "", "", "+33611223344", "", "", "", "", ""),
            record("c", "", "", "", "", "", "", "", "", "", ""), record("d", "", "", "", "", "", "", "", "", "", "")};
        BlockingReport report = Blocking.candidates(f, 100, null).report();
        // 1 candidate of 4 * 3 / 2 = 6 possible pairs: 1 - 1/6
        assertThat(report.records()).isEqualTo(4);
        assertThat(report.candidatePairs()).isEqualTo(1);
        assertThat(report.reductionRatio()).isCloseTo(5 / 6.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.blockCap()).isEqualTo(100);
    }

    /**
     * Six records sharing a phone, over a cap of 3: sorted by their names either way round, then id, they read
     * e(3) d(4) h(5) [abe|reyes, ace|reyes, ada|reyes] then c(2) f(0) b(1) [ana|cruz twice, ben|cruz], and each is
     * paired with its next three: the three pairs further apart are (3, 0), (3, 1) and (4, 1). No other key pairs
     * any of those three (in id order the missing pairs would be (0, 4), (0, 5) and (1, 5)).
     */
    @Test
    void anOversizedBlockIsSortedByNameBeforeItsNeighboursArePaired() {
        Features[] f = {
            record("f", "Ana", "Cruz", "", "", "+33611223344", "", "", "", "", ""),
            record("b", "Ben", "Cruz", "", "", "+33611223344", "", "", "", "", ""),
            record("c", "Ana", "Cruz", "", "", "+33611223344", "", "", "", "", ""),
            record("e", "Abe", "Reyes", "", "", "+33611223344", "", "", "", "", ""),
            record("d", "Ace", "Reyes", "", "", "+33611223344", "", "", "", "", ""),
            record("h", "Ada", "Reyes", "", "", "+33611223344", "", "", "", "", "")};
        Blocking.Result r = Blocking.candidates(f, 3, null);
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        for (long p : r.pairs()) pairs.add(p);
        java.util.Set<Long> all = new java.util.HashSet<>();
        for (long i = 0; i < 6; i++) for (long j = i + 1; j < 6; j++) all.add(i << 32 | j);
        all.removeAll(java.util.List.of(0L << 32 | 3, 1L << 32 | 3, 1L << 32 | 4));
        assertThat(pairs).isEqualTo(all);
        assertThat(r.report().oversizedBlocksByKind()).isEqualTo(Map.of("phone", 1L));
    }

    /** A block of exactly the cap is paired in full (5 * 4 / 2 = 10 pairs) and not reported. */
    @Test
    void aBlockOfTheCapsSizeIsNotOversized() {
        Features[] f = new Features[5];
        for (int i = 0; i < 5; i++) f[i] = record("r" + i, "", "", "", "", "+33611223344", "", "", "", "", "");
        Blocking.Result r = Blocking.candidates(f, 5, null);
        assertThat(r.pairs()).hasSize(10).doesNotHaveDuplicates();
        assertThat(r.report().oversizedBlocksByKind()).isEmpty();
    }

    /**
     * The persons carrying each identifier, counted from its block: two strangers on a phone, an address or an e-mail
     * are two; a father and son of one name on a phone two (their dates), on an ID number one (one document); a shared
     * user name of two e-mails says nothing about persons.
     */
    @Test
    void eachIdentifiersBlockCountsItsPersons() {
        Features[] f = {
            record("a", "Arnel", "Aquino", "", "P1234567", "+33611223344", "ann@mail.example", "12 rue pasteur", "", "", ""),
            record("b", "Claire", "Durand", "", "", "+33611223344", "ann@webmail.example", "12 rue pasteur", "", "", ""),
            record("c", "Kenneth", "De Leon", "1962-09-09", "X7654321", "+639170000001", "", "", "", "", ""),
            record("d", "Kenneth", "De Leon", "1984-08-16", "X7654321", "+639170000001", "", "", "", "", ""),
            record("e", "Arnel", "Aquino", "", "", "", "ofc@mail.example", "", "", "", ""),
            record("g", "Rowena", "Garcia", "", "", "", "ofc@mail.example", "", "", "", "")};
        Blocking.candidates(f, 100, null);
        assertThat(f[0].personsCarrying(Comparison.PHONE)).isEqualTo(2);
        assertThat(f[1].personsCarrying(Comparison.ADDRESS)).isEqualTo(2);
        assertThat(f[0].personsCarrying(Comparison.EMAIL)).as("only the user name in common").isEqualTo(1);
        assertThat(f[0].personsCarrying(Comparison.ID_NUMBER)).as("its own").isEqualTo(1);
        assertThat(f[2].personsCarrying(Comparison.PHONE)).isEqualTo(2);
        assertThat(f[3].personsCarrying(Comparison.ID_NUMBER)).isEqualTo(1);
        assertThat(f[4].personsCarrying(Comparison.EMAIL)).isEqualTo(2);
        assertThat(f[2].personsCarrying(Comparison.ADDRESS)).as("no address: nobody else's").isEqualTo(1);
    }
}
