package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Facts.withContacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/** Family through a home: a housemate of a sender tied by name to the recipient is family of the recipient too. */
class HouseholdsTest {
    private static int day;

    /** A paid transfer from sender (surname, middle name, contacts) to recipient (surname). */
    private static TransferFact pays(String sender, String surname, String middle, String recipient, String recipientSurname,
            String phone, String email, String address) {
        day++;
        return withContacts(fact(sender, recipient, "2024-01-%02dT10:00".formatted(day), "150", TransferStatus.PAID, surname, middle,
                recipientSurname, ""), phone, email, address);
    }

    private static boolean family(Columns c, String sender, String recipient) {
        int s = List.of(c.senderIds).indexOf(sender), r = List.of(c.recipientIds).indexOf(recipient);
        int p = c.pair(s, r);
        assertThat(p).as("pair %s-%s", sender, recipient).isNotNegative();
        return c.pairFamily[p];
    }

    /**
     * A wife (middle name Del Rosario, her mother's surname) and her husband (Roxas, no tie by name) share a phone written
     * two ways: the husband's payments to her mother are family; his payments to a stranger are not, nor a neighbour's.
     */
    @Test
    void aHusbandPayingHisWifesMotherIsFamily() {
        day = 0;
        List<TransferFact> ts = List.of(
                pays("wife", "ROXAS", "DEL ROSARIO", "mother", "DEL ROSARIO", "06 18 14 76 07", "", ""),
                pays("husband", "ROXAS", "GALANG", "mother", "DEL-ROSARIO", "0618147607", "", ""),
                pays("husband", "ROXAS", "GALANG", "stranger", "LAGMAN", "0618147607", "", ""),
                pays("neighbour", "PETIT", "", "mother", "DEL ROSARIO", "0700000000", "", ""));
        Columns c = Columns.of(ts);
        assertThat(family(c, "wife", "mother")).isTrue();
        assertThat(family(c, "husband", "mother")).isTrue();
        assertThat(family(c, "husband", "stranger")).isFalse();
        assertThat(family(c, "neighbour", "mother")).isFalse();
        int wife = List.of(c.senderIds).indexOf("wife");
        int husbandPair = c.pair(List.of(c.senderIds).indexOf("husband"), List.of(c.recipientIds).indexOf("mother"));
        assertThat(c.pairKinThrough[husbandPair]).isEqualTo(wife);
        assertThat(c.pairKinThrough[c.pair(wife, List.of(c.recipientIds).indexOf("mother"))]).isEqualTo(-1); // a tie by name
        // The indicators see only the stranger among the husband's recipients.
        assertThat(Indicators.unrelatedBeneficiaries(c, List.of(c.senderIds).indexOf("husband")).value()).isEqualTo(1);
    }

    /** The husband's explanation says which recipient left as family and through whom, so a reader sees why. */
    @Test
    void theExplanationNamesTheRecipientAndTheHousemate() {
        day = 0;
        List<TransferFact> ts = List.of(
                pays("wife", "ROXAS", "DEL ROSARIO", "mother", "DEL ROSARIO", "0618147607", "", ""),
                pays("husband", "ROXAS", "", "mother", "DEL ROSARIO", "0618147607", "", ""),
                pays("husband", "ROXAS", "", "stranger", "LAGMAN", "0618147607", "", ""),
                pays("lodger", "PETIT", "", "mother", "DEL ROSARIO", "0618147607", "", ""));
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        assertThat(Results.contribution(Results.entity(r, "husband"), "network").explanation())
                .startsWith("pays 1 unrelated recipient(s)")
                .endsWith("; 1 recipient(s) left out as family through a housemate (same phone, e-mail or address) whose names "
                        + "or family money tie them, as mother through wife");
        assertThat(Results.contribution(Results.entity(r, "lodger"), "network").explanation())
                .isEqualTo("pays no recipient outside the family; 1 recipient(s) left out as family through a housemate (same "
                        + "phone, e-mail or address) whose names or family money tie them, as mother through wife");
        assertThat(Results.contribution(Results.entity(r, "wife"), "network").explanation()).isEqualTo("pays no recipient outside the family");
    }

    /**
     * In an export without middle names the wife's tie to her mother shows only in how she pays (four remittances of
     * about 300, monthly: family money); her husband, on her phone, pays the mother smaller sums at uneven intervals.
     * Through the home he is family too, once the screening has marked her remittances.
     */
    @Test
    void aHousemateOfASenderOfFamilyMoneyIsFamily() {
        day = 0;
        List<TransferFact> ts = new ArrayList<>();
        String[] months = {"2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05"};
        String[] remittances = {"300", "320", "280", "310"};
        for (int i = 0; i < 4; i++) {
            ts.add(withContacts(fact("wife", "mother", months[i] + "T12:00", remittances[i], TransferStatus.PAID, "ROXAS", "",
                    "DEL ROSARIO", ""), "0611111111", "", ""));
        }
        for (String d : new String[] {"2024-01-20", "2024-03-02", "2024-03-09"}) {
            ts.add(withContacts(fact("husband", "mother", d + "T18:00", "150", TransferStatus.PAID, "ROXAS", "", "DEL ROSARIO", ""),
                    "0611111111", "", ""));
        }
        Columns c = Columns.of(ts);
        assertThat(family(c, "husband", "mother")).as("before the screening: no tie shows").isFalse();
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(c, Set.of("mother"));
        assertThat(family(c, "wife", "mother")).isTrue();
        assertThat(family(c, "husband", "mother")).isTrue();
        assertThat(Results.contribution(Results.entity(r, "husband"), "network").explanation()).isEqualTo("pays no recipient "
                + "outside the family; 1 recipient(s) left out as family through a housemate (same phone, e-mail or address) "
                + "whose names or family money tie them, as mother through wife");
    }

    /** An e-mail differing in case, or an address in capitals without accents, is the same home; a city alone is none. */
    @Test
    void aHomeIsAnEmailOrAnAddressAsWellButNotACity() {
        day = 0;
        List<TransferFact> ts = List.of(
                pays("wife", "NGUYEN", "DEL ROSARIO", "mother", "DEL ROSARIO", "", "Family.Nguyen@mail.example", "PARIS"),
                pays("husband", "NGUYEN", "", "mother", "DEL ROSARIO", "", "family.nguyen@mail.example ", ""),
                pays("sister", "SANTOS", "REYES", "aunt", "REYES", "", "", "25 rue des Écoles 75018"),
                pays("brother-in-law", "MARTIN", "", "aunt", "REYES", "", "", "25 RUE DES ECOLES 75018"),
                pays("townsman", "DUBOIS", "", "mother", "DEL ROSARIO", "", "", "Paris"));
        Columns c = Columns.of(ts);
        assertThat(family(c, "husband", "mother")).isTrue();
        assertThat(family(c, "brother-in-law", "aunt")).isTrue();
        assertThat(family(c, "townsman", "mother")).isFalse();
    }

    /** Placeholders are no home: an e-mail without a domain, a phone of a few digits, an address without a number. */
    @Test
    void placeholdersAreNoHome() {
        day = 0;
        List<TransferFact> ts = List.of(
                pays("daughter", "CRUZ", "", "mother", "CRUZ", "0", "n/a", "75001 Paris"),
                pays("stranger", "MARTIN", "", "mother", "CRUZ", "0", "n/a", "75001 Paris"));
        assertThat(family(Columns.of(ts), "stranger", "mother")).isFalse();
    }

    /** A value carried by six senders can be one home; by seven it is a placeholder or a counter phone, and ties nobody. */
    @Test
    void aValueSharedByMoreThanSixSendersIsNoHome() {
        for (int carriers : new int[] {Households.MAX_SENDERS, Households.MAX_SENDERS + 1}) {
            day = 0;
            List<TransferFact> ts = new ArrayList<>();
            ts.add(pays("daughter", "CRUZ", "", "mother", "CRUZ", "0000000000", "", ""));
            for (int i = 1; i < carriers; i++) ts.add(pays("other" + i, "MARTIN", "", "mother", "CRUZ", "0000000000", "", ""));
            Columns c = Columns.of(ts);
            assertThat(family(c, "other1", "mother")).as("%d senders on one phone", carriers).isEqualTo(carriers <= Households.MAX_SENDERS);
        }
    }

    /**
     * Six senders on one phone, each sending many times: each counts once among the phone's carriers, so the phone is
     * still a home. Two housemates tie the husband to the mother; the explanation names the first by id (daughter1).
     */
    @Test
    void aSenderCountsOnceAmongAValuesCarriersAndTheFirstHousemateIsNamed() {
        day = 0;
        List<TransferFact> ts = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ts.add(pays("daughter2", "CRUZ", "", "mother", "CRUZ", "0611111111", "", ""));
            ts.add(pays("daughter1", "CRUZ", "", "mother", "CRUZ", "0611111111", "", ""));
            ts.add(pays("husband", "MARTIN", "", "mother", "CRUZ", "0611111111", "", ""));
            for (int i = 1; i <= 3; i++) ts.add(pays("lodger" + i, "PETIT", "", "elsewhere", "DURAND", "0611111111", "", ""));
        }
        Columns c = Columns.of(ts);
        assertThat(family(c, "husband", "mother")).isTrue();
        int husbandPair = c.pair(List.of(c.senderIds).indexOf("husband"), List.of(c.recipientIds).indexOf("mother"));
        assertThat(c.senderIds[c.pairKinThrough[husbandPair]]).isEqualTo("daughter1");
    }

    /** One step only: a housemate's own tie must show in the names, so a home never chains families. */
    @Test
    void aTieThroughAHomeDoesNotPassOnToAnotherHome() {
        day = 0;
        List<TransferFact> ts = List.of(
                pays("wife", "ROXAS", "DEL ROSARIO", "mother", "DEL ROSARIO", "0611111111", "", ""),
                pays("husband", "ROXAS", "", "mother", "DEL ROSARIO", "0611111111", "h@mail.example", ""),
                pays("colleague", "DURAND", "", "mother", "DEL ROSARIO", "0622222222", "h@mail.example", ""));
        Columns c = Columns.of(ts);
        assertThat(family(c, "husband", "mother")).isTrue();
        assertThat(family(c, "colleague", "mother")).isFalse();
    }
}
