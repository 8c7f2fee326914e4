package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.resolve.People.person;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the evaluation harnesses read: candidate pairs and the evidence of any pair; a party's record. */
class ResolutionAuditTest {

    @Test
    void candidatePairsAndTheirEvidenceAsTheResolverScoresThem() {
        List<PersonRecord> records = List.of(person("a", "Arnel", "Aquino", "", "+33611223344"),
                person("b", "Claire", "Durand", "", ""), person("c", "Hugo", "Petit", "", "+33611223344"));
        long[] pairs = ResolutionAudit.candidatePairs(records, 100);
        assertThat(pairs).containsExactly(2L); // a and c share the phone
        List<List<Evidence>> evidence = ResolutionAudit.evidence(records, DefaultModel.forRecords(1000), new long[] {2L, 1L});
        Evidence phone = evidence.get(0).get(1 + Comparison.PHONE.ordinal());
        // two names on one phone: log2(0.80 / 0.0001) - log2(2) = 11.965784
        assertThat(phone.level()).isEqualTo("exact, shared with other persons");
        assertThat(phone.weight()).isCloseTo(11.965784, within(1e-6));
        assertThat(evidence.get(1).get(1 + Comparison.GIVEN.ordinal()).valueB()).isEqualTo("claire");
        // a pair of two records after the first: (1, 2) is Claire then Hugo
        Evidence given = ResolutionAudit.evidence(records, DefaultModel.forRecords(1000), new long[] {1L << 32 | 2})
                .get(0).get(1 + Comparison.GIVEN.ordinal());
        assertThat(List.of(given.valueA(), given.valueB(), given.level())).containsExactly("claire", "hugo", "different");
    }

    @Test
    void aPartysRecordTakesTheNormalisedValues() {
        org.piste.model.Party p = new org.piste.model.Party("Maria", "Santos", "Cruz", "", "Maria Santos Cruz",
                Optional.of(java.time.LocalDate.of(1980, 1, 2)), "02/01/1980", "passport", "p-123 456", "P123456", "0917 123 4567",
                Optional.empty(), "maria@mail.example", "12 Rizal St", "1000", "Manila", "Philippines", Optional.of("PH"));
        PersonRecord r = PersonRecords.of("t1:R", p);
        assertThat(r).isEqualTo(new PersonRecord("t1:R", "Maria", "Santos", "Cruz", "", Optional.of(java.time.LocalDate.of(1980, 1, 2)),
                "P123456", "09171234567", "maria@mail.example", "12 Rizal St", "1000", "Manila", "PH"));
        org.piste.model.Party e164 = new org.piste.model.Party("Maria", "", "Cruz", "", "", Optional.empty(), "", "", "", "", "0917",
                Optional.of("+639171234567"), "", "", "", "", "Philippines", Optional.empty());
        assertThat(PersonRecords.of("x", e164).phone()).isEqualTo("+639171234567");
        assertThat(PersonRecords.of("x", e164).country()).isEqualTo("Philippines");
        assertThat(PersonRecords.senderId("t1")).isEqualTo("t1:S");
        assertThat(PersonRecords.recipientId("t1")).isEqualTo("t1:R");
    }

    /**
     * A transfer's two parties in its context: each acted at its own end's agency, names the other as counterpart, and
     * takes its end's city when the row gives it none (the recipient here); the sender keeps the city of his row.
     */
    @Test
    void aTransfersSenderAndRecipientAreTheirPartiesAtTheirEnds() {
        org.piste.model.Party hugo = new org.piste.model.Party("Hugo", "", "Petit", "", "Hugo Petit", Optional.empty(), "", "",
                "", "", "06 00 00 00 01", Optional.of("+33600000001"), "", "", "", "Lyon", "France", Optional.of("FR"));
        org.piste.model.Party rowena = new org.piste.model.Party("Rowena", "", "Bautista", "", "Rowena Bautista",
                Optional.empty(), "", "", "", "", "", Optional.empty(), "", "", "", "", "", Optional.empty());
        org.piste.model.Transfer t = new org.piste.model.Transfer(new org.piste.model.RowRef("ab12", 7), "opx", "REF-1",
                org.piste.model.TransferStatus.PAID, "P", org.piste.model.Channel.AGENCY, "AG",
                java.time.Instant.parse("2024-03-01T10:00:00Z"), java.time.ZoneId.of("Europe/Paris"),
                new org.piste.model.Transfer.Place("France", Optional.of("FR"), "Paris", "PAR-1"), Optional.empty(),
                Optional.empty(), new org.piste.model.Transfer.Place("Philippines", Optional.of("PH"), "Manila", "MNL-7"),
                org.piste.model.Money.of("50.00", "EUR"), Optional.empty(), Optional.empty(), Optional.empty(), "", hugo, rowena);
        assertThat(PersonRecords.sender("42", t)).isEqualTo(new PersonRecord("42:S", "Hugo", "", "Petit", "",
                Optional.empty(), "", "+33600000001", "", "", "", "Lyon", "FR", "PAR-1", "42:R"));
        assertThat(PersonRecords.recipient("42", t)).isEqualTo(new PersonRecord("42:R", "Rowena", "", "Bautista", "",
                Optional.empty(), "", "", "", "", "", "Manila", "", "MNL-7", "42:S"));
    }

    @Test
    void recordsSharingValuesHoldOneInstanceOfEach() {
        Map<Object, Object> pool = new java.util.HashMap<>();
        PersonRecord a = PersonRecords.sharingValues(person("a", new String("Maria"), "Cruz", "", ""), pool);
        PersonRecord b = PersonRecords.sharingValues(person("b", new String("Maria"), "Cruz", "", ""), pool);
        assertThat(b.givenNames()).isSameAs(a.givenNames());
        assertThat(b).isEqualTo(person("b", "Maria", "Cruz", "", ""));
    }
}
