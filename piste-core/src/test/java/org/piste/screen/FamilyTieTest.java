package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.screen.Facts.fact;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/** Family ties from names as written: a shared surname, one's middle name as the other's surname, a shared middle name. */
class FamilyTieTest {
    @Test
    void aSharedSurnameOrMiddleNameIsATie() {
        assertThat(FamilyTie.related("Dela Cruz", "", "DE LA CRUZ", "")).isTrue(); // the same surname, particles aside
        assertThat(FamilyTie.related("Martin", "Bautista", "Bautista", "Reyes")).isTrue(); // the sender's mother's surname
        assertThat(FamilyTie.related("Martin", "", "Ocampo", "Martin")).isTrue(); // the recipient's mother's surname
        assertThat(FamilyTie.related("Santos", "Reyes", "Cruz", "Reyes")).isTrue(); // siblings: one mother
        assertThat(FamilyTie.related("Martin", "Dubois", "Ocampo", "Santos")).isFalse();
        assertThat(FamilyTie.related("", "", "", "")).isFalse(); // no name is no tie
        assertThat(FamilyTie.related("", "Reyes", "", "")).isFalse();
    }

    @Test
    void aTransferShowsATieByItsNames() {
        assertThat(FamilyTie.related(fact("s", "r", "2024-01-01T10:00", "50", TransferStatus.PAID, "Reyes", "", "REYES", ""))).isTrue();
        assertThat(FamilyTie.related(fact("s", "r", "2024-01-01T10:00", "50", TransferStatus.PAID, "Martin", "", "Reyes", ""))).isFalse();
    }

    /**
     * Sender s pays r1 to r7; cancelled rows show a tie with r1 and r6 (a shared surname) and r2 (s's middle name is r2's
     * surname), none with r4; other cancelled rows name an entity that moved no money, or a pair that moved none: they are ignored.
     */
    @Test
    void aCancelledTransferStillShowsItsPairsTie() {
        List<TransferFact> ts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) ts.add(fact("s", "r" + i, "2024-01-0" + i + "T10:00", "50", TransferStatus.PAID, "MARTIN", "", "OCAMPO", ""));
        ts.add(fact("t", "r8", "2024-01-08T10:00", "50", TransferStatus.PAID, "PETIT", "", "OCAMPO", ""));
        ts.add(fact("s", "r1", "2024-02-01T09:00", "50", TransferStatus.CANCELLED, "MARTIN", "", "MARTIN", ""));
        ts.add(fact("s", "r2", "2024-02-01T10:00", "50", TransferStatus.CANCELLED, "MARTIN", "AQUINO", "AQUINO", ""));
        ts.add(fact("s", "r6", "2024-02-02T10:00", "50", TransferStatus.REFUNDED, "MARTIN", "", "MARTIN", ""));
        ts.add(fact("s", "r4", "2024-02-03T10:00", "50", TransferStatus.CANCELLED, "MARTIN", "", "OCAMPO", ""));
        ts.add(fact("ghost", "r1", "2024-02-04T10:00", "50", TransferStatus.CANCELLED, "OCAMPO", "", "OCAMPO", ""));
        ts.add(fact("s", "nobody", "2024-02-05T10:00", "50", TransferStatus.CANCELLED, "MARTIN", "", "MARTIN", ""));
        ts.add(fact("t", "r3", "2024-02-06T10:00", "50", TransferStatus.CANCELLED, "PETIT", "", "PETIT", ""));
        Columns c = Columns.of(ts);
        assertThat(c.senderIds).containsExactly("s", "t");
        boolean[] family = new boolean[c.pairSender.length];
        for (int p = 0; p < family.length; p++) family[p] = c.pairFamily[p];
        // Pairs by sender then recipient: s-r1 .. s-r7, t-r8.
        assertThat(family).containsExactly(true, true, false, false, false, true, false, false);
        Indicators.Measure m = Indicators.unrelatedBeneficiaries(c, 0);
        assertThat(m.value()).isEqualTo(4);
        assertThat(m.evidence()).containsExactly(ts.get(2).reference(), ts.get(3).reference(), ts.get(4).reference(),
                ts.get(6).reference());
        assertThat(m.explanation()).isEqualTo("4 recipients sharing no surname or middle name with the sender");
        for (int t = 0; t < c.n; t++) assertThat(c.family(t)).isEqualTo(family[c.pairOf[t]]);
    }

    /** A cancelled row between a sender and a recipient that never moved money to each other changes no pair. */
    @Test
    void aCancelledRowOfAPairThatMovedNothingChangesNoPair() {
        Columns c = Columns.of(List.of(fact("s", "r1", "2024-01-01T10:00", "50", TransferStatus.PAID, "MARTIN", "", "OCAMPO", ""),
                fact("t", "r2", "2024-01-02T10:00", "50", TransferStatus.PAID, "PETIT", "", "OCAMPO", ""),
                fact("t", "r1", "2024-01-03T10:00", "50", TransferStatus.CANCELLED, "PETIT", "", "PETIT", "")));
        assertThat(c.pair(1, 0)).isEqualTo(-1);
        assertThat(c.pairFamily[0]).isFalse();
        assertThat(c.pairFamily[1]).isFalse();
    }
}
