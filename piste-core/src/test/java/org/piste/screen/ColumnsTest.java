package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

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

    /** A fine amount after coarse ones: 0.10 and 0.25 become units of 10^-17, exactly. */
    @Test
    void aFineAmountRescalesTheCoarseOnesUpTo17Decimals() {
        Columns c = Columns.of(List.of(Facts.sent("s", "r", "2024-01-01T10:00", "0.10"), Facts.sent("s", "r", "2024-01-02T10:00", "0.25"),
                amount(Facts.sent("s", "r", "2024-01-03T10:00", "1"), "0.00000000000000001")));
        assertThat(c.scale).isEqualTo(17);
        assertThat(c.sent).containsExactly(10_000_000_000_000_000L, 25_000_000_000_000_000L, 1);
    }

    /** Exact whenever 64 bits hold it: 0.01 then 10^-20 are 10^18 and 1 units at 20 decimals. */
    @Test
    void twentyDecimalsAreHeldWhenEveryAmountFits() {
        Columns c = Columns.of(List.of(Facts.withPaid(Facts.sent("s", "r", "2024-01-01T10:00", "0.01"), null),
                Facts.withPaid(amount(Facts.sent("s", "r", "2024-01-02T10:00", "1"), "0.00000000000000000001"), null)));
        assertThat(c.scale).isEqualTo(20);
        assertThat(c.sent).containsExactly(1_000_000_000_000_000_000L, 1);
    }

    /** An amount written with many trailing zeros needs only the decimals that are not zeros: 0.125 needs 3. */
    @Test
    void trailingZerosBeyondNineDecimalsAreNotDecimalsNeeded() {
        Columns c = Columns.of(List.of(amount(Facts.sent("s", "r", "2024-01-01T10:00", "1"), "0.1250000000000"),
                amount(Facts.sent("s", "r", "2024-01-02T10:00", "1"), "0E-12")));
        assertThat(c.scale).isEqualTo(3);
        assertThat(c.sent).containsExactly(125, 0);
    }

    /** A transfer with no paid amount keeps none when a finer amount rescales the others. */
    @Test
    void aMissingPaidAmountStaysMissingThroughARescale() {
        Columns c = Columns.of(List.of(Facts.withPaid(Facts.sent("s", "r", "2024-01-01T10:00", "20"), null),
                Facts.withPaid(Facts.sent("s", "r", "2024-01-02T10:00", "20"), "1220.5"),
                amount(Facts.sent("s", "r", "2024-01-03T10:00", "1"), "0.125")));
        assertThat(c.scale).isEqualTo(3);
        assertThat(c.paid).containsExactly(Columns.NO_AMOUNT, 1_220_500, 61_000);
    }

    /** 99,999,999,999,999,999 at 2 decimals is about 10^19 units: beyond a long, refused even alone. */
    @Test
    void aSingleAmountBeyond64BitUnitsIsRefused() {
        assertThatThrownBy(() -> Columns.of(List.of(amount(Facts.sent("s", "r", "2024-01-01T10:00", "1"), "99999999999999999"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99999999999999999");
        // 18 digits fit: 999,999,999,999,999,999 units.
        assertThat(Columns.of(List.of(Facts.withPaid(amount(Facts.sent("s", "r", "2024-01-01T10:00", "1"), "9999999999999999.99"), null))).sent)
                .containsExactly(999_999_999_999_999_999L);
    }

    /** Every row counts as screened, the cancelled and refunded ones too; only the others are in the columns. */
    @Test
    void rowsCountEveryTransferAndTheColumnsOnlyThoseThatMovedMoney() {
        Columns.Builder b = new Columns.Builder();
        b.add(Facts.sent("s", "r", "2024-01-01T10:00", "20"));
        b.add(Facts.fact("s", "r", "2024-01-02T10:00", "20", TransferStatus.CANCELLED, "MARTIN", "", "REYES", ""));
        b.add(Facts.fact("s", "r", "2024-01-03T10:00", "20", TransferStatus.REFUNDED, "MARTIN", "", "REYES", ""));
        b.add(Facts.fact("s", "r", "2024-01-04T10:00", "20", TransferStatus.HELD, "MARTIN", "", "REYES", ""));
        assertThat(b.rows()).isEqualTo(4);
        Columns c = b.build();
        assertThat(c.transfers()).isEqualTo(4);
        assertThat(c.n).isEqualTo(2);
        assertThat(Facts.sent("s", "r", "2024-01-05T10:00", "20").moved()).isTrue();
        assertThat(Facts.fact("s", "r", "2024-01-05T10:00", "20", TransferStatus.REFUNDED, "MARTIN", "", "REYES", "").moved()).isFalse();
    }

    private static TransferFact amount(TransferFact t, String sent) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(), new BigDecimal(sent),
                t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), t.purpose(),
                t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }
}
