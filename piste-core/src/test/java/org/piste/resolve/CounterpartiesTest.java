package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Partner lists: sorted, each partner once, and not intersected beyond MAX_PARTNERS. */
class CounterpartiesTest {

    /**
     * Record 0 (entity 0) is paid by entity 1, record 2 (entity 2) by entity 3. Entity 1's records deal with
     * {@code partnersOfOne} partners (records 10.., each its own entity), entity 3's one record (the last) deals with
     * entity 10, which entity 1 deals with too.
     */
    private static Counterparties hubs(int partnersOfOne) {
        int n = 10 + partnersOfOne + 1;
        int[] entity = new int[n], counterparty = new int[n];
        for (int i = 0; i < n; i++) {
            entity[i] = i;
            counterparty[i] = -1;
        }
        counterparty[0] = 1;
        counterparty[2] = 3;
        for (int k = 0; k < partnersOfOne; k++) {
            entity[10 + k] = 1;
            counterparty[10 + k] = 10 + k;
        }
        entity[n - 1] = 3;
        counterparty[n - 1] = 10;
        return new Counterparties(counterparty, entity);
    }

    @Test
    void aCounterpartyWithMoreThanMaxPartnersSharesNone() {
        assertThat(hubs(Counterparties.MAX_PARTNERS).level(0, 2)).as("5,000 partners, one shared").isEqualTo(2);
        assertThat(hubs(Counterparties.MAX_PARTNERS).level(2, 0)).isEqualTo(2);
        assertThat(hubs(Counterparties.MAX_PARTNERS + 1).level(0, 2)).isEqualTo(3);
        assertThat(hubs(Counterparties.MAX_PARTNERS + 1).level(2, 0)).as("either side").isEqualTo(3);
    }

    /** A hub's thousands of rows with one partner are one partner, not thousands. */
    @Test
    void aPartnerOnManyRowsCountsOnce() {
        int n = Counterparties.MAX_PARTNERS + 20;
        int[] entity = new int[n], counterparty = new int[n];
        Arrays.fill(counterparty, -1);
        for (int i = 0; i < n; i++) entity[i] = i;
        counterparty[0] = 1; // record 0 paid by entity 1
        counterparty[2] = 3; // record 2 paid by entity 3
        for (int k = 10; k < n - 1; k++) {
            entity[k] = 1; // entity 1's rows, all with entity 5
            counterparty[k] = 5;
        }
        entity[n - 1] = 3;
        counterparty[n - 1] = 5;
        assertThat(new Counterparties(counterparty, entity).level(0, 2)).as("both deal with entity 5").isEqualTo(2);
    }

    /** Entity 1 dealt with 9 then 4, entity 3 with 4: found in common only when the lists are sorted. */
    @Test
    void partnersAreFoundInCommonWhateverTheOrderOfTheRows() {
        //             record: 0  1  2  3  4  5  6  7  8  9
        int[] entity =        {0, 1, 2, 3, 4, 1, 6, 1, 3, 9};
        int[] counterparty =  {1, -1, 3, -1, -1, 9, -1, 4, 4, -1};
        Counterparties c = new Counterparties(counterparty, entity);
        assertThat(c.level(0, 2)).isEqualTo(2);
        assertThat(c.of(0)).isEqualTo(1);
        assertThat(c.of(1)).isEqualTo(-1);
        assertThat(c.entity(5)).isEqualTo(1);
    }

    /** A partner in common that is one of the two records' own entities is not "another" counterparty. */
    @Test
    void onlyAThirdEntityInCommonIsAnotherCounterparty() {
        // Records 0 (entity 0) and 2 (entity 2), paid by entities 1 and 3; both 1 and 3 also deal with entity 0 (records 5,
        // 6), then with entity 2 (records 7, 8), then with entity 4 (records 9, 10).
        int[] entity = {0, 1, 2, 3, 4, 1, 3, 1, 3, 1, 3};
        int[] counterparty = {1, -1, 3, -1, -1, 0, 0, 2, 2, 4, 4};
        assertThat(new Counterparties(counterparty, entity).level(0, 2)).isEqualTo(2);
        int[] ownOnly = {1, -1, 3, -1, -1, 0, 0, 2, 2, -1, -1};
        assertThat(new Counterparties(ownOnly, entity).level(0, 2)).as("entity 0 is the first record's own").isEqualTo(3);
        int[] firstOwn = {1, -1, 3, -1, -1, 0, 0, -1, -1, -1, -1};
        assertThat(new Counterparties(firstOwn, entity).level(0, 2)).isEqualTo(3);
        int[] secondOwn = {1, -1, 3, -1, -1, -1, -1, 2, 2, -1, -1};
        assertThat(new Counterparties(secondOwn, entity).level(0, 2)).isEqualTo(3);
        assertThat(new Counterparties(secondOwn, entity).level(2, 0)).isEqualTo(3);
    }

    @Test
    void aRecordWithoutCounterpartOnEitherSideIsMissing() {
        Counterparties c = new Counterparties(new int[] {1, -1, 1}, new int[] {0, 1, 2});
        assertThat(c.level(0, 2)).isEqualTo(1);
        assertThat(c.level(0, 1)).isEqualTo(Comparison.MISSING);
        assertThat(c.level(1, 0)).isEqualTo(Comparison.MISSING);
    }

    /** Entity 0 is an entity like any other, as a counterpart and as a partner in common. */
    @Test
    void entityZeroIsACounterpartLikeAnyOther() {
        //            record: 0   1  2  3  4  5
        int[] entity =       {0,  1, 2, 3, 4, 5};
        int[] counterparty = {-1, 0, 0, 4, 5, -1};
        Counterparties c = new Counterparties(counterparty, entity);
        assertThat(c.level(1, 2)).as("both paid by entity 0").isEqualTo(1);
        // records 1 and 3 paid by entities 0 and 4: entity 0 deals with nothing, entity 4 with 5
        assertThat(c.level(1, 3)).isEqualTo(3);
        // records 1 and 2 paid by entities 3 and 4, which both deal with entity 0 (records 3 and 4)
        int[] sharing = {-1, 3, 4, 0, 0, -1};
        assertThat(new Counterparties(sharing, entity).level(1, 2)).isEqualTo(2);
    }
}
