package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * FAMILY_HEAVY's families: siblings, couples and same-name fathers and sons who share a home, a household e-mail and
 * sometimes a phone, and same-name fathers and sons among the beneficiaries. Names are written without noise
 * (no case changes, accents, particles or typos) so that the written names can be compared with the truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KinshipTest {
    // Columns of truth/persons.csv.
    private static final int SIDE = 1, SEX = 3, GIVEN = 4, MIDDLE = 5, SURNAME = 6, BIRTH = 7, CITY = 8, GROUP = 9;

    @TempDir
    static Path dir;

    private SimConfig cfg;
    private SimSummary summary;
    private SimConfig.Patterns p;
    private Map<String, List<String>> persons;
    private List<TransferRows.Row> rows;
    private final Map<String, Set<String>> addresses = new HashMap<>(), emails = new HashMap<>(), phones = new HashMap<>();
    /** Diaspora families' senders in slot order. */
    private final Map<String, List<String>> familySenders = new TreeMap<>();

    @BeforeAll
    void run() {
        SimConfig.Noise n = SimConfig.Noise.defaults();
        SimConfig.Noise quiet = new SimConfig.Noise(0, 0, 0, 0, 0, 0, 0, 0, n.missingBirthDate(), n.missingPhone(),
                n.renewDocument(), n.renewPhone(), n.buyerFactor(), n.recipientBirthDate(), n.recipientMiddle());
        SimConfig heavy = SimConfig.preset(SimConfig.Preset.FAMILY_HEAVY);
        // FAMILY_HEAVY's families, with shares far enough apart that a mix-up between two patterns shows.
        cfg = heavy.withPatterns(heavy.patterns().withFamilies(heavy.patterns().familySizes(), 0.35, 0.25, 0.1, 0.4, 0.2, 0.35))
                .withSenders(3_000).withMonths(12).withSeed(23).withBadRows(0, 0).withNoise(quiet);
        p = cfg.patterns();
        summary = Simulator.run(cfg, dir, Format.CANONICAL, Simulator.Progress.NONE);
        persons = TransferRows.persons(dir);
        rows = TransferRows.intact(dir, Format.CANONICAL);
        for (TransferRows.Row r : rows) {
            String s = r.senderId();
            addresses.computeIfAbsent(s, k -> new HashSet<>()).add(r.get("sender_address").toUpperCase(Locale.ROOT));
            if (!r.get("sender_email").isEmpty()) emails.computeIfAbsent(s, k -> new HashSet<>()).add(r.get("sender_email"));
            if (!r.get("sender_phone").isEmpty()) phones.computeIfAbsent(s, k -> new HashSet<>()).add(last9(r.get("sender_phone")));
        }
        persons.values().stream().filter(x -> x.get(SIDE).equals("SENDER") && x.get(GROUP).startsWith("FAM"))
                .sorted((x, y) -> Integer.compare(slot(x.get(0)), slot(y.get(0))))
                .forEach(x -> familySenders.computeIfAbsent(x.get(GROUP), k -> new ArrayList<>()).add(x.get(0)));
    }

    @Test
    void moreAndLargerFamilies() {
        double diaspora = (double) summary.sendersByRole().get(Role.DIASPORA_FAMILY) / cfg.senders();
        assertThat(diaspora).isCloseTo(cfg.shares().diasporaFamily(), within(0.03));
        // Mean senders per family with shares 0.35/0.3/0.2/0.15 for 1-4: 0.35 + 0.6 + 0.6 + 0.6 = 2.15 (1.52 by default).
        double mean = familySenders.values().stream().mapToInt(List::size).average().orElse(0);
        assertThat(mean).isCloseTo(2.15, within(0.12));
    }

    @Test
    void siblingsCouplesAndSameNameSendersShareAHomeAtTheirRates() {
        int families = 0, together = 0, couples = 0, sameName = 0, onePhone = 0;
        for (List<String> senders : familySenders.values()) {
            if (senders.size() < 2 || !addresses.containsKey(senders.get(0)) || !addresses.containsKey(senders.get(1))) continue;
            families++;
            List<String> a = persons.get(senders.get(0)), b = persons.get(senders.get(1));
            assertThat(addresses.get(a.get(0))).as("one home address per sender").hasSize(1);
            if (!addresses.get(a.get(0)).equals(addresses.get(b.get(0)))) {
                assertThat(shared(emails, a.get(0), b.get(0))).as("senders living apart share no e-mail").isFalse();
                continue;
            }
            together++;
            // One household e-mail: whatever e-mail either writes is the same one, and nobody outside writes it.
            Set<String> both = new HashSet<>(emails.getOrDefault(a.get(0), Set.of()));
            both.addAll(emails.getOrDefault(b.get(0), Set.of()));
            assertThat(both).hasSizeLessThanOrEqualTo(1);
            for (String e : both) {
                emails.forEach((who, written) -> {
                    if (written.contains(e)) assertThat(persons.get(who).get(GROUP)).isEqualTo(a.get(GROUP));
                });
            }
            if (shared(phones, a.get(0), b.get(0))) onePhone++;
            // Two distinct persons with distinct dates of birth, whatever else they share.
            assertThat(a.get(BIRTH)).isNotEqualTo(b.get(BIRTH));
            assertThat(a.get(SURNAME)).isEqualTo(b.get(SURNAME));
            if (!a.get(SEX).equals(b.get(SEX)) && !a.get(MIDDLE).equals(b.get(MIDDLE))) {
                couples++; // a spouse: other sex, other middle name (a sibling has the same one)
                assertThat(a.get(GIVEN)).isNotEqualTo(b.get(GIVEN));
            } else if (a.get(GIVEN).equals(b.get(GIVEN)) && yearsBetween(a.get(BIRTH), b.get(BIRTH)) >= 21) {
                sameName++; // a father and son (two siblings may have the same given name, but not 21 years apart)
                assertThat(a.get(SEX)).isEqualTo(b.get(SEX));
                assertThat(yearsBetween(a.get(BIRTH), b.get(BIRTH))).isLessThanOrEqualTo(31L);
            } else {
                // Siblings living together: every one of them at that address, with the family's names.
                for (String s : senders) {
                    if (!addresses.containsKey(s)) continue;
                    assertThat(addresses.get(s)).isEqualTo(addresses.get(a.get(0)));
                    assertThat(persons.get(s).get(SURNAME)).isEqualTo(a.get(SURNAME));
                    assertThat(persons.get(s).get(MIDDLE)).isEqualTo(a.get(MIDDLE));
                }
            }
        }
        // About 650 families with two or more senders (3,000 senders, 72% in families of 2.15 on average, 65%
        // of them with two or more): a standard error under 0.02 on each share.
        assertThat(families).isGreaterThan(500);
        double expectedTogether = p.sharedHousehold() + p.couple() + p.sameNameSenders(); // 0.35 + 0.25 + 0.1
        assertThat((double) together / families).isCloseTo(expectedTogether, within(0.06));
        assertThat((double) couples / families).isCloseTo(p.couple(), within(0.05));
        assertThat((double) sameName / families).isCloseTo(p.sameNameSenders(), within(0.04));
        assertThat((double) onePhone / together).isCloseTo(p.sharedHouseholdPhone(), within(0.07));
    }

    @Test
    void aFatherAndHisNamesakeSonBothReceive() {
        // A son who receives with his father: both men, one given name and surname, one city, a generation apart.
        // (A related second recipient may share a parent's names by chance, but rarely all of this.)
        Set<String> juniors = new HashSet<>();
        int families = 0;
        for (String group : familySenders.keySet()) {
            families++;
            String n = group.substring(3);
            List<String> father = persons.get("R" + n + "-0"), son = persons.get("R" + n + "-1");
            if (son != null && son.get(GIVEN).equals(father.get(GIVEN)) && son.get(SURNAME).equals(father.get(SURNAME))
                    && father.get(SEX).equals("M") && son.get(SEX).equals("M") && son.get(CITY).equals(father.get(CITY))
                    && yearsBetween(father.get(BIRTH), son.get(BIRTH)) >= 21) {
                juniors.add(son.get(0));
                assertThat(son.get(GROUP)).isEqualTo(group);
            }
        }
        // About 1,000 families: standard error ~0.014.
        assertThat((double) juniors.size() / families).isCloseTo(p.sameNameRecipients(), within(0.045));

        long toJuniors = 0, suffixed = 0;
        Set<String> paidJuniors = new HashSet<>(), paidFathers = new HashSet<>();
        Map<String, Set<String>> address = new HashMap<>();
        for (TransferRows.Row r : rows) {
            String given = r.get("recipient_given_names").replace('-', ' ');
            if (!juniors.contains(r.recipientId())) {
                assertThat(given).doesNotEndWith(" Jr.");
                continue;
            }
            toJuniors++;
            String fatherId = r.recipientId().replace("-1", "-0");
            List<String> father = persons.get(fatherId);
            String fathersGiven = father.get(GIVEN).replace('-', ' ');
            assertThat(given).isIn(fathersGiven, fathersGiven + " Jr.");
            assertThat(r.get("recipient_surname")).isEqualTo(father.get(SURNAME));
            if (given.endsWith(" Jr.")) suffixed++;
            paidJuniors.add(r.recipientId());
            address.computeIfAbsent(r.recipientId(), k -> new HashSet<>()).add(r.get("recipient_address").toUpperCase(Locale.ROOT));
        }
        for (TransferRows.Row r : rows) {
            if (juniors.contains(r.recipientId().replace("-0", "-1"))) {
                paidFathers.add(r.recipientId());
                address.computeIfAbsent(r.recipientId(), k -> new HashSet<>()).add(r.get("recipient_address").toUpperCase(Locale.ROOT));
            }
        }
        assertThat(paidJuniors).hasSizeGreaterThan(juniors.size() * 9 / 10);
        assertThat(paidFathers).hasSizeGreaterThan(juniors.size() * 9 / 10);
        for (String junior : paidJuniors) {
            String fatherId = junior.replace("-1", "-0");
            if (address.containsKey(fatherId)) assertThat(address.get(junior)).isEqualTo(address.get(fatherId));
        }
        // Hundreds of rows to sons: the share that writes "Jr." within a few standard errors.
        assertThat(toJuniors).isGreaterThan(1_000);
        assertThat((double) suffixed / toJuniors).isCloseTo(p.juniorSuffix(), within(0.05));
    }

    @Test
    void onlyTheYoungerSameNameSenderWritesJr() {
        long youngerRows = 0, suffixed = 0;
        for (TransferRows.Row r : rows) {
            List<String> s = persons.get(r.senderId());
            String given = r.get("sender_given_names").replace('-', ' ');
            // The younger of a father and son: same given name and surname as a sender 21 or more years older.
            boolean younger = s.get(SEX).equals("M") && familySenders.get(s.get(GROUP)) != null
                    && familySenders.get(s.get(GROUP)).stream().map(persons::get).anyMatch(o -> o.get(GIVEN).equals(s.get(GIVEN))
                            && o.get(SURNAME).equals(s.get(SURNAME)) && o.get(BIRTH).compareTo(s.get(BIRTH)) < 0
                            && yearsBetween(o.get(BIRTH), s.get(BIRTH)) >= 21);
            if (!younger) {
                assertThat(given).as("row %d", r.line()).isEqualTo(s.get(GIVEN).replace('-', ' '));
                continue;
            }
            youngerRows++;
            if (given.endsWith(" Jr.")) suffixed++;
        }
        // ~650 families with two or more senders x 0.1 same-name x 0.3 whose first sender is a man (the rest are
        // mothers and daughters, who write no suffix) = ~20 sons, sending ~14 times a year: ~270 rows. The share
        // that writes "Jr." then has a standard error of sqrt(0.35 * 0.65 / 270) = 0.029.
        assertThat(youngerRows).isGreaterThan(150);
        assertThat((double) suffixed / youngerRows).isCloseTo(p.juniorSuffix(), within(0.085));
    }

    @Test
    void everyRowsDateOfBirthIsItsTruePersons() {
        // Namesakes share names, addresses and e-mails: the date of birth tells them apart, row by row.
        long checked = 0;
        for (TransferRows.Row r : rows) {
            for (String[] side : new String[][] {{"sender_birth_date", r.senderId()}, {"recipient_birth_date", r.recipientId()}}) {
                if (r.get(side[0]).isEmpty()) continue;
                assertThat(r.get(side[0])).as("row %d", r.line()).isEqualTo(persons.get(side[1]).get(BIRTH));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(rows.size());
    }

    private static boolean shared(Map<String, Set<String>> values, String a, String b) {
        Set<String> x = new HashSet<>(values.getOrDefault(a, Set.of()));
        x.retainAll(values.getOrDefault(b, Set.of()));
        return !x.isEmpty();
    }

    private static String last9(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.substring(Math.max(0, digits.length() - 9));
    }

    private static int slot(String senderId) {
        return Integer.parseInt(senderId.substring(1));
    }

    private static long yearsBetween(String a, String b) {
        return Math.abs(ChronoUnit.YEARS.between(LocalDate.parse(a), LocalDate.parse(b)));
    }
}
