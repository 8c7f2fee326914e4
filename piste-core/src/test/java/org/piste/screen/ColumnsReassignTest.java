package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/**
 * A builder kept between screenings takes a resolution's moves as {@link Columns.Builder#reassign}: it must then build
 * exactly what a fresh builder fed the rows with their new entities builds (no entity left with no transfer, a cancelled
 * row's family tie following its new pair).
 */
class ColumnsReassignTest {
    private static TransferFact with(TransferFact t, String sender, String recipient) {
        return new TransferFact(t.reference(), sender, recipient, t.sent(), t.senderZone(), t.payout(), t.sentAmount(),
                t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), t.purpose(),
                t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(),
                t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }

    @Test
    void aReassignedBuilderBuildsWhatAFreshOneBuilds() {
        List<TransferFact> before = Facts.nineDaysOfThreePairs();
        // A cancelled transfer whose names show a tie (same surname), first between s3 and r9, then moved to s1 and r1.
        before.add(Facts.fact("s3", "r9", "2024-03-10T10:00", "50", TransferStatus.CANCELLED, "REYES", "", "REYES", ""));
        before.add(Facts.sent("s4", "r9", "2024-03-10T11:00", "40"));
        // The resolution merges s2 into s1 (s2 is left with no transfer) and moves the cancelled row to the pair s1-r1.
        List<TransferFact> after = new ArrayList<>();
        for (TransferFact t : before) {
            boolean cancelled = t.status() == TransferStatus.CANCELLED;
            after.add(cancelled ? with(t, "s1", "r1") : t.senderEntity().equals("s2") ? with(t, "s1", t.recipientEntity()) : t);
        }
        Columns.Builder kept = new Columns.Builder();
        before.forEach(kept::add);
        kept.build(); // built once before the moves, as a screening did
        for (int row = 0; row < before.size(); row++) {
            if (!after.get(row).equals(before.get(row))) {
                kept.reassign(row, after.get(row).senderEntity(), after.get(row).recipientEntity());
            }
        }
        Columns moved = kept.build(), fresh = Columns.of(after);

        assertThat(moved.senderIds).containsExactly("s1", "s3", "s4").containsExactly(fresh.senderIds);
        assertThat(moved.recipientIds).containsExactly(fresh.recipientIds);
        assertThat(moved.pairFamily).containsExactly(fresh.pairFamily);
        assertThat(fresh.pairFamily).as("the cancelled row's tie now marks s1-r1").contains(true);
        Screener screener = new Screener(RuleSet.builtIn());
        assertThat(screener.screen(moved, Set.of()).senders()).isEqualTo(screener.screen(fresh, Set.of()).senders());
        assertThat(screener.screen(kept.build(), Set.of()).recipients()).isEqualTo(screener.screen(Columns.of(after), Set.of()).recipients());
    }

    @Test
    void aRowNotAddedCannotBeReassigned() {
        Columns.Builder b = new Columns.Builder();
        b.add(Facts.sent("s1", "r1", "2024-03-01T10:00", "15"));
        assertThatThrownBy(() -> b.reassign(1, "s1", "r1")).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
