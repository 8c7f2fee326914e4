package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    /** Amounts stream in: a later amount with more decimals rescales the earlier ones, exactly. */
    @Test
    void aLaterFinerAmountRescalesTheEarlierOnes() {
        Columns c = Columns.of(List.of(amount(Facts.sent("s", "r", "2024-01-01T10:00", "12.5"), "12.5"),
                amount(Facts.sent("s", "r", "2024-01-02T10:00", "1"), "0.125"),
                amount(Facts.sent("s", "r", "2024-01-03T10:00", "1"), "7.50000000000000")));
        assertThat(c.scale).isEqualTo(3);
        assertThat(c.sent).containsExactly(12_500, 125, 7_500);
        assertThat(c.units(new BigDecimal("12.50"))).isEqualTo(12_500);
    }

    @Test
    void anAmountBeyond64BitUnitsIsRefused() {
        assertThatThrownBy(() -> Columns.of(List.of(amount(Facts.sent("s", "r", "2024-01-01T10:00", "1"), "99999999999999999"),
                amount(Facts.sent("s", "r", "2024-01-02T10:00", "1"), "0.001")))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The radix sort of packed time keys agrees with a comparison sort, for any width of keys, duplicates included. */
    @Test
    void radixSortedKeysAreInAscendingOrder() {
        java.util.Random random = new java.util.Random(7);
        for (int bits : new int[] {0, 1, 11, 12, 33, 63}) {
            for (int n : new int[] {0, 1, 2, 1000}) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) keys[i] = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
                long[] expected = keys.clone();
                java.util.Arrays.sort(expected);
                assertThat(Columns.radixSorted(keys.clone(), bits)).as("%d keys of %d bits", n, bits).containsExactly(expected);
            }
        }
    }

    private static TransferFact amount(TransferFact t, String sent) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(), new BigDecimal(sent),
                t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), t.purpose(),
                t.senderIdNumber(), t.senderPhone(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }
}
