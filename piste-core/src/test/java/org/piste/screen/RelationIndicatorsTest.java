package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Facts.sent;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/**
 * The indicators of who is paid and how (identities, unrelated senders, family operation), each counted by hand.
 * Entity indexes follow id order, so "r1" is recipient 0.
 */
class RelationIndicatorsTest {
    private final RuleSet rules = RuleSet.builtIn();

    @Test
    void identitiesCountEachKindBeyondTheUsualBlanksLeftOut() {
        List<TransferFact> ts = List.of(
                Facts.withIdentity(sent("s", "r", "2024-01-01T10:00", "50"), "P1", "+33600000001", "AG-PARIS-1", Channel.ONLINE),
                Facts.withIdentity(sent("s", "r", "2024-01-02T10:00", "50"), "P2", "+33600000001", "AG-PARIS-2", Channel.AGENCY),
                Facts.withIdentity(sent("s", "r", "2024-01-03T10:00", "50"), "", "+33600000002", "AG-LYON", Channel.ONLINE),
                Facts.withIdentity(sent("s", "r", "2024-01-04T10:00", "50"), "P1", "+33600000003", "", Channel.MOBILE));
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.identities(c, c.sentBy(0));
        // 2 ID documents (1 beyond one), 3 phones (2 beyond one), 3 agencies (1 beyond two), 3 channels (2 beyond one): 6.
        assertThat(m.value()).isEqualTo(6);
        assertThat(m.explanation()).isEqualTo("2 ID documents, 3 phones, 3 agencies, 3 channels");
        assertThat(m.evidence()).hasSize(4);
        assertThat(rules.sender().get(Indicator.IDENTITIES).pointsFor(m.value())).isEqualTo(5);
    }

    @Test
    void blankIdentitiesAndTwoAgenciesCountNothing() {
        List<TransferFact> ts = List.of(Facts.withIdentity(sent("s", "r", "2024-01-01T10:00", "50"), "", "", "AG-1", Channel.BANK),
                Facts.withIdentity(sent("s", "r", "2024-01-02T10:00", "50"), "", "", "AG-2", Channel.BANK));
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.identities(c, c.sentBy(0));
        assertThat(m.value()).isZero();
        assertThat(m.explanation()).isEqualTo("0 ID documents, 0 phones, 2 agencies, 1 channels");
    }

    @Test
    void twoDocumentsAndTwoChannelsAreTwo() {
        List<TransferFact> ts = List.of(Facts.withIdentity(sent("s", "r", "2024-01-01T10:00", "50"), "P1", "", "", Channel.WALLET),
                Facts.withIdentity(sent("s", "r", "2024-01-02T10:00", "50"), "P2", "", "", Channel.UNKNOWN));
        Columns c = Columns.of(ts);
        // (2 - 1) + 0 + 0 + (2 - 1) = 2; points 5 x (2 - 1) / (4 - 1) = 5/3.
        Indicators.Measure m = Indicators.identities(c, c.sentBy(0));
        assertThat(m.value()).isEqualTo(2);
        assertThat(rules.sender().get(Indicator.IDENTITIES).pointsFor(m.value())).isCloseTo(5.0 / 3, within(1e-9));
    }

    @Test
    void distinctCountsEachValueOnceInAnyOrder() {
        assertThat(Indicators.distinct(new int[] {5, 3, 5, 1, 3, 9}, 6)).isEqualTo(4);
        assertThat(Indicators.distinct(new int[] {5, 3, 5, 1, 3, 9}, 3)).isEqualTo(2); // 5, 3, 5
        assertThat(Indicators.distinct(new int[] {4}, 0)).isZero();
    }

    @Test
    void unrelatedSendersLeaveFamilyOutAndListTheirTransfersSenderBySender() {
        TransferFact a1 = fact("s1", "r", "2024-01-01T10:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", "");
        TransferFact a2 = fact("s1", "r", "2024-01-03T10:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", "");
        TransferFact kin = fact("s2", "r", "2024-01-02T10:00", "50", TransferStatus.PAID, "REYES", "", "REYES", "");
        TransferFact b = fact("s3", "r", "2024-01-02T12:00", "50", TransferStatus.PAID, "PETIT", "", "REYES", "");
        Columns c = Columns.of(List.of(b, kin, a2, a1));
        Indicators.Measure m = Indicators.unrelatedSenders(c, 0);
        // s1 and s3; points 20 x (2 - 1) / (6 - 1) = 4.
        assertThat(m.value()).isEqualTo(2);
        assertThat(m.evidence()).containsExactly(a1.reference(), a2.reference(), b.reference());
        assertThat(m.explanation()).isEqualTo("2 senders sharing no surname or middle name with the recipient");
        assertThat(rules.recipient().get(Indicator.UNRELATED_SENDERS).pointsFor(m.value())).isCloseTo(4, within(1e-9));
    }

    /**
     * Recipient r1 (OCAMPO) is paid by two unrelated senders, b1 and b2, and by a relative. b1 also pays r2 (OCAMPO, twice)
     * and r4 (SANTOS); b2 pays r3 (OCAMPO) and r6 (OCAMPO, whose middle name is b2's surname: family of b2); the
     * relative pays r5 (OCAMPO). Only r2 and r3 are relatives taking turns with r1 for the same senders.
     */
    @Test
    void familyOperationCountsOtherRecipientsOfTheSameSurnamePaidByTheSameUnrelatedSenders() {
        TransferFact b1r1 = fact("b1", "r1", "2024-01-01T23:00", "30", TransferStatus.PAID, "MARTIN", "", "OCAMPO", "");
        TransferFact b2r1 = fact("b2", "r1", "2024-01-02T23:00", "30", TransferStatus.PAID, "BERNARD", "", "OCAMPO", "");
        TransferFact kinR1 = fact("kin", "r1", "2024-01-03T10:00", "300", TransferStatus.PAID, "OCAMPO", "", "OCAMPO", "");
        TransferFact b1r2 = fact("b1", "r2", "2024-01-04T23:00", "30", TransferStatus.PAID, "MARTIN", "", "OCAMPO", "");
        TransferFact b1r2again = fact("b1", "r2", "2024-01-05T23:00", "30", TransferStatus.PAID, "MARTIN", "", "OCAMPO", "");
        TransferFact b2r3 = fact("b2", "r3", "2024-01-06T23:00", "30", TransferStatus.PAID, "BERNARD", "", "OCAMPO", "");
        TransferFact b1r4 = fact("b1", "r4", "2024-01-07T23:00", "30", TransferStatus.PAID, "MARTIN", "", "SANTOS", "");
        TransferFact kinR5 = fact("kin", "r5", "2024-01-08T10:00", "300", TransferStatus.PAID, "OCAMPO", "", "OCAMPO", "");
        TransferFact b2r6 = fact("b2", "r6", "2024-01-09T23:00", "30", TransferStatus.PAID, "BERNARD", "", "OCAMPO", "BERNARD");
        Columns c = Columns.of(List.of(b1r1, b2r1, kinR1, b1r2, b1r2again, b2r3, b1r4, kinR5, b2r6));
        Screener.FamilyOperations families = new Screener.FamilyOperations(c);

        Indicators.Measure r1 = families.measure(0);
        assertThat(r1.value()).isEqualTo(2);
        assertThat(r1.evidence()).containsExactlyInAnyOrder(b1r2.reference(), b1r2again.reference(), b2r3.reference());
        assertThat(r1.explanation()).isEqualTo("2 other recipients named ocampo receive from the same unrelated senders");
        assertThat(rules.recipient().get(Indicator.FAMILY_OPERATION).pointsFor(r1.value())).isEqualTo(15);
        // r2 is paid by b1 alone, who pays r1 as well: 1; points 15 x 1 / 2 = 7.5.
        Indicators.Measure r2 = families.measure(1);
        assertThat(r2.value()).isEqualTo(1);
        assertThat(r2.evidence()).containsExactly(b1r1.reference());
        assertThat(rules.recipient().get(Indicator.FAMILY_OPERATION).pointsFor(r2.value())).isEqualTo(7.5);
    }

    @Test
    void aRecipientWithNoSurnameHasNoFamilyToCompare() {
        Columns c = Columns.of(List.of(fact("b1", "r1", "2024-01-01T23:00", "30", TransferStatus.PAID, "MARTIN", "", "", ""),
                fact("b1", "r2", "2024-01-02T23:00", "30", TransferStatus.PAID, "MARTIN", "", "", "")));
        Indicators.Measure m = new Screener.FamilyOperations(c).measure(0);
        assertThat(m.value()).isZero();
        assertThat(m.explanation()).isEqualTo("no surname to compare");
    }
}
