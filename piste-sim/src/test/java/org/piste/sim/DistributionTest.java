package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Channel;
import org.piste.model.Transfer;

/**
 * One mid-sized run (20,000 senders over 12 months), imported with the real importer, checked against the figures
 * of docs/typology.md within stated tolerances. How fast the simulator writes is measured by bench/sim-throughput.sh, not
 * here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    static Path dir;

    private SimConfig cfg;
    private SimSummary summary;
    private final Map<Role, List<Long>> cents = new EnumMap<>(Role.class);
    private final Map<Role, long[]> night = new EnumMap<>(Role.class); // {night, all}
    private final Map<String, Set<String>> sendersOfRecipient = new HashMap<>();
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private long agencyRows, agencyOutsideHours;

    @BeforeAll
    void run() {
        cfg = Runs.small(20_000, 12).withSeed(2024);
        summary = Simulator.run(cfg, dir, Format.CANONICAL, Simulator.Progress.NONE);

        for (List<String> p : Runs.truth(dir.resolve("truth/persons.csv"))) {
            roles.put(p.get(0), Role.valueOf(p.get(2)));
            groups.put(p.get(0), p.get(9));
        }
        Map<String, String[]> truth = new HashMap<>();
        for (List<String> t : Runs.truth(dir.resolve("truth/transfers.csv"))) {
            truth.put(t.get(0), new String[] {t.get(2), t.get(3)});
        }
        new Importer(Profiles.load("canonical"), "SIMOP", Importer.StoredReferences.NONE).run(summary.transfersFile(),
                "0".repeat(64), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        String[] who = truth.get(t.reference());
                        Role role = roles.get(who[0]);
                        cents.computeIfAbsent(role, k -> new ArrayList<>())
                                .add(t.sent().amount().movePointRight(2).longValueExact());
                        ZonedDateTime local = t.sendInstant().atZone(PARIS);
                        long[] n = night.computeIfAbsent(role, k -> new long[2]);
                        if (local.getHour() >= 22 || local.getHour() < 6) n[0]++;
                        n[1]++;
                        if (t.channel() == Channel.AGENCY) {
                            agencyRows++;
                            if (local.getDayOfWeek() == DayOfWeek.SUNDAY || local.getHour() < 9 || local.getHour() >= 19) {
                                agencyOutsideHours++;
                            }
                        }
                        sendersOfRecipient.computeIfAbsent(who[1], k -> new HashSet<>()).add(who[0]);
                    }

                    @Override
                    public void rejected(Rejection rejection) {}
                }, Importer.Progress.NONE);
    }

    @Test
    void twentyThousandSendersOverAYearWriteAboutThreeHundredThousandTransfers() {
        // The default world writes about 10M transfers for 355,000 senders over 24 months (README), 1.17 a sender
        // a month: 20,000 x 12 x 1.17 = 282,000; +-30 % leaves room for the seed's draw of roles.
        assertThat(summary.transfers()).isBetween(200_000L, 400_000L);
    }

    @Test
    void senderRolesFollowTheShares() {
        SimConfig.Shares s = cfg.shares();
        double n = cfg.senders();
        Map<Role, Long> by = summary.sendersByRole();
        assertThat(by.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cfg.senders());
        assertThat(by.get(Role.DIASPORA_FAMILY) / n).isCloseTo(s.diasporaFamily(), within(0.03));
        assertThat(by.get(Role.PARTNER_SUPPORTER) / n).isCloseTo(s.partner(), within(0.015));
        assertThat(by.get(Role.SPONSOR) / n).isCloseTo(s.sponsor(), within(0.015));
        assertThat(by.get(Role.EMPLOYER) / n).isCloseTo(s.employer(), within(0.01));
        assertThat(by.get(Role.ROMANCE_VICTIM) / n).isCloseTo(s.romanceVictim(), within(0.004));
        assertThat(by.get(Role.OCCASIONAL) / n).isCloseTo(s.occasional(), within(0.02));
        assertThat(by.get(Role.BUYER) / n).isCloseTo(s.buyer(), within(0.0015));
    }

    @Test
    void buyersPaySmallSumsMostlyAtNightParisTime() {
        List<Long> b = cents.get(Role.BUYER);
        assertThat(b).hasSizeGreaterThan(100);
        // docs/typology.md: mostly 10-200, almost always under 500; session prices ~15-80.
        assertThat(share(b, 1_000, 20_000)).isGreaterThan(0.85);
        assertThat(share(b, 0, 50_000)).isGreaterThan(0.97);
        assertThat(median(b)).isBetween(2_500L, 8_000L);
        // Late night / early morning in the sender's zone.
        assertThat(nightShare(Role.BUYER)).isBetween(0.45, 0.9);
    }

    @Test
    void familiesSendMonthlySumsAtOrdinaryHours() {
        List<Long> f = cents.get(Role.DIASPORA_FAMILY);
        // docs/typology.md: ~US$300-450 a month per sender; the median transfer is lower (splits, weekly allowances).
        assertThat(median(f)).isBetween(20_000L, 40_000L);
        assertThat(nightShare(Role.DIASPORA_FAMILY)).isBetween(0.05, 0.3);
        assertThat(nightShare(Role.SPONSOR)).isLessThan(0.3);
    }

    @Test
    void hardNegativesLookLikeOffenders() {
        // Sponsors: EUR 20-50 a month (a December gift doubles it).
        assertThat(cents.get(Role.SPONSOR)).allSatisfy(c -> assertThat(c).isBetween(2_000L, 10_000L));
        // Romance victims reach large sums.
        assertThat(cents.get(Role.ROMANCE_VICTIM).stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThan(100_000L);
        // A coordinator is a common beneficiary of several unrelated sponsors.
        assertThat(maxSenders(Role.COORDINATOR)).isGreaterThanOrEqualTo(5);
        // A parent is the common beneficiary of siblings.
        assertThat(maxSenders(Role.RELATIVE)).isGreaterThanOrEqualTo(2);
        // Partners send in the evening: a real share at night too.
        assertThat(nightShare(Role.PARTNER_SUPPORTER)).isBetween(0.1, 0.5);
    }

    @Test
    void facilitatorOperationsAreSharedByManyBuyers() {
        Map<String, Set<String>> buyersOfOperation = new HashMap<>();
        sendersOfRecipient.forEach((recipient, senders) -> {
            if (roles.get(recipient) == Role.FACILITATOR) {
                buyersOfOperation.computeIfAbsent(groups.get(recipient), k -> new HashSet<>()).addAll(senders);
            }
        });
        int most = buyersOfOperation.values().stream().mapToInt(Set::size).max().orElse(0);
        assertThat(most).isGreaterThanOrEqualTo(10);
    }

    @Test
    void agencyTransfersHappenWithinOpeningHours() {
        assertThat(agencyRows).isGreaterThan(10_000);
        assertThat(agencyOutsideHours).isZero();
    }

    @Test
    void sendTimesCarryParisOffsetsWithRealDaylightSaving() throws IOException {
        long winter = 0, summer = 0;
        try (Stream<String> lines = Files.lines(summary.transfersFile())) {
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] f = line.split(",", 6);
                if (f.length < 6) continue;
                String stamp = f[4];
                if (stamp.startsWith("2023-01-") || stamp.startsWith("2023-12-")) {
                    assertThat(stamp).endsWith("+01:00");
                    winter++;
                } else if (stamp.startsWith("2023-07-")) {
                    assertThat(stamp).endsWith("+02:00");
                    summer++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(winter).isPositive();
        assertThat(summer).isPositive();
    }

    private double nightShare(Role role) {
        long[] n = night.get(role);
        return (double) n[0] / n[1];
    }

    private int maxSenders(Role recipientRole) {
        return sendersOfRecipient.entrySet().stream().filter(e -> roles.get(e.getKey()) == recipientRole)
                .mapToInt(e -> e.getValue().size()).max().orElse(0);
    }

    private static double share(List<Long> values, long from, long to) {
        return values.stream().filter(v -> v >= from && v <= to).count() / (double) values.size();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

}
