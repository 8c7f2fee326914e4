package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.piste.ingest.RejectReason;
import org.piste.model.Transfer;
import org.piste.model.TransferStatus;

/** The real importer reads both layouts, rejects exactly the labelled bad rows, and reads the rest faithfully. */
class ImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void quarantinesExactlyTheLabelledBadRows(Format format) {
        quarantinesExactlyTheLabelledBadRows(Runs.small(800, 6).withBadRows(0.03, 0.01).withSeed(7), format);
    }

    /** Names-only beneficiaries, shared homes and offices, typos and placeholders in dates: still exactly those. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void quarantinesExactlyTheLabelledBadRowsOfTheHardPreset(Format format) {
        quarantinesExactlyTheLabelledBadRows(SimConfig.preset(SimConfig.Preset.HARD).withSenders(800).withMonths(6)
                .withBadRows(0.03, 0.01).withSeed(7), format);
    }

    private void quarantinesExactlyTheLabelledBadRows(SimConfig cfg, Format format) {
        SimSummary summary = Simulator.run(cfg, dir, format, Simulator.Progress.NONE);
        Runs.Imported imported = Runs.importFile(summary.transfersFile(), format);

        Map<Long, String> expected = new TreeMap<>();
        for (List<String> row : Runs.truth(dir.resolve("truth/bad_rows.csv"))) expected.put(Long.parseLong(row.get(0)), row.get(1));
        Map<Long, String> actual = new TreeMap<>();
        imported.rejected().forEach(r -> actual.put(r.line(), r.reason().name()));

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.values()).contains(RejectReason.EMPTY_LINE.name(), RejectReason.WRONG_COLUMN_COUNT.name(),
                RejectReason.DUPLICATE_REFERENCE.name(), RejectReason.MISSING_VALUE.name(),
                RejectReason.UNPARSEABLE_DATE.name(), RejectReason.NEGATIVE_AMOUNT.name(),
                RejectReason.UNKNOWN_CURRENCY.name());
        assertThat(imported.result().counts().read()).isEqualTo(summary.lines() - 1);
        assertThat(imported.accepted().size() + imported.rejected().size()).isEqualTo(summary.lines() - 1);
        assertThat(summary.badRows()).isEqualTo(expected.size());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void acceptedRowsCarryTheGeneratedValues(Format format) {
        SimConfig cfg = Runs.small(300, 12).withSeed(11);
        SimSummary summary = Simulator.run(cfg, dir, format, Simulator.Progress.NONE);
        Runs.Imported imported = Runs.importFile(summary.transfersFile(), format);
        Map<String, List<String>> truth = new HashMap<>();
        for (List<String> row : Runs.truth(dir.resolve("truth/transfers.csv"))) truth.put(row.get(0), row);

        for (Transfer t : imported.accepted()) {
            List<String> row = truth.get(t.reference());
            assertThat(row).as("reference %s is in the truth", t.reference()).isNotNull();
            assertThat(Long.parseLong(row.get(1))).isEqualTo(t.source().line());
            assertThat(t.sendPlace().countryCode()).contains("FR");
            assertThat(t.payoutPlace().countryCode()).contains("PH");
            assertThat(t.sent().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(t.paid()).hasValueSatisfying(p -> assertThat(p.currency().getCurrencyCode()).isEqualTo("PHP"));
            assertThat(t.status()).isNotEqualTo(TransferStatus.UNKNOWN);
            assertThat(t.sender().normalizedName()).isNotEmpty();
            assertThat(t.recipient().normalizedName()).isNotEmpty();
            if (t.status() == TransferStatus.PAID) {
                assertThat(t.payoutInstant()).isPresent();
                assertThat(t.payoutInstant().get()).isAfter(t.sendInstant());
                assertThat(t.payoutZone()).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("Asia/Manila"));
            } else {
                assertThat(t.payoutInstant()).isEmpty();
            }
        }
        assertThat(imported.accepted()).hasSizeGreaterThan(1000);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void bothLayoutsDescribeTheSameTransfers(Format format) {
        SimConfig cfg = Runs.small(200, 6).withSeed(5).withBadRows(0, 0);
        Path canonicalDir = dir.resolve("c"), otherDir = dir.resolve("o");
        Runs.Imported canonical = Runs.importFile(
                Simulator.run(cfg, canonicalDir, Format.CANONICAL, Simulator.Progress.NONE).transfersFile(), Format.CANONICAL);
        Runs.Imported other = Runs.importFile(
                Simulator.run(cfg, otherDir, format, Simulator.Progress.NONE).transfersFile(), format);
        assertThat(other.accepted()).hasSameSizeAs(canonical.accepted());
        for (int i = 0; i < canonical.accepted().size(); i++) {
            Transfer a = canonical.accepted().get(i), b = other.accepted().get(i);
            assertThat(b.reference()).isEqualTo(a.reference());
            assertThat(b.sent()).isEqualTo(a.sent());
            assertThat(b.paid()).isEqualTo(a.paid());
            assertThat(b.rate()).isEqualTo(a.rate());
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.channel()).isEqualTo(a.channel());
            assertThat(b.sendInstant()).isEqualTo(a.sendInstant());
            assertThat(b.sender().surname()).isEqualTo(a.sender().surname());
            assertThat(b.recipient().idNumber()).isEqualTo(a.recipient().idNumber());
        }
    }
}
