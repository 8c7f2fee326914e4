package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Transfer;

class CanonicalProfileTest {
    @TempDir Path dir;

    private final MappingProfile canonical = Profiles.load("canonical");

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("canonical.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void minimalFileWithTheFourRequiredColumnsIsImported() throws IOException {
        Path path = csv("""
                reference,send_datetime,sent_amount,sent_currency
                C-1,2024-01-15T23:30:00+01:00,1234.56,EUR
                C-2,2024-01-16T08:00:00Z,0.5,PHP
                """);

        var run = ImportRun.of(canonical, path).assertEveryRecordAccountedFor(List.of(2L, 3L));

        Transfer t = run.sink().acceptedAt(2);
        assertThat(t.sent().amount()).isEqualTo(new BigDecimal("1234.56"));
        assertThat(t.sent().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(t.provider()).isEqualTo(FrOperatorFile.PROVIDER);
        assertThat(t.fee()).isEmpty();
        assertThat(t.payoutInstant()).isEmpty();
        assertThat(run.sink().acceptedAt(3).sent().amount()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void isoOffsetDateTimesAreExact() throws IOException {
        Path path = csv("""
                reference,send_datetime,payout_datetime,sent_amount,sent_currency
                C-1,2024-01-15T23:30:00+01:00,2024-01-16T14:00:00+08:00,10.00,EUR
                """);

        Transfer t = ImportRun.of(canonical, path).assertEveryRecordAccountedFor(List.of(2L)).sink().acceptedAt(2);

        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
        assertThat(t.sendZone()).as("no place or zone given: the written offset").isEqualTo(ZoneOffset.ofHours(1));
        assertThat(t.payoutInstant()).contains(Instant.parse("2024-01-16T06:00:00Z"));
    }

    @Test
    void offsetStaysExactWhenThePlaceGivesAnotherZone() throws IOException {
        Path path = csv("""
                reference,send_datetime,send_country,sent_amount,sent_currency
                C-1,2024-01-15T23:30:00+01:00,PH,10.00,EUR
                """);

        Transfer t = ImportRun.of(canonical, path).assertEveryRecordAccountedFor(List.of(2L)).sink().acceptedAt(2);

        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
        assertThat(t.sendZone()).isEqualTo(ZoneId.of("Asia/Manila"));
    }

    @Test
    void localDateTimeIsReadInTheDeclaredZone() throws IOException {
        Path path = csv("""
                reference,send_datetime,send_zone,sent_amount,sent_currency
                C-1,2024-01-16T14:00:00,Asia/Manila,10.00,EUR
                C-2,2024-01-16T14:00:00,,10.00,EUR
                C-3,2024-01-16T14:00:00,Mars/Olympus,10.00,EUR
                """);

        var run = ImportRun.of(canonical, path).assertEveryRecordAccountedFor(List.of(2L, 3L, 4L));

        assertThat(run.sink().acceptedAt(2).sendInstant()).isEqualTo(Instant.parse("2024-01-16T06:00:00Z"));
        assertThat(run.sink().acceptedAt(3).sendInstant()).as("profile zone UTC").isEqualTo(Instant.parse("2024-01-16T14:00:00Z"));
        assertThat(run.sink().rejectedAt(4).reason()).isEqualTo(RejectReason.UNKNOWN_ZONE);
    }

    @Test
    void providerColumnGivesEachRowItsProvider() throws IOException {
        Path path = csv("""
                provider,reference,send_datetime,sent_amount,sent_currency
                Operateur A,R-1,2024-01-15T23:30:00+01:00,10.00,EUR
                Operateur B,R-1,2024-01-15T23:30:00+01:00,10.00,EUR
                ,R-2,2024-01-15T23:30:00+01:00,10.00,EUR
                """);
        var sink = ImportRun.of(canonical, path, "", Importer.StoredReferences.NONE)
                .assertEveryRecordAccountedFor(List.of(2L, 3L, 4L)).sink();

        assertThat(sink.acceptedAt(2).provider()).isEqualTo("Operateur A");
        assertThat(sink.acceptedAt(3).provider()).as("same reference, other provider: not a duplicate").isEqualTo("Operateur B");
        assertThat(sink.rejectedAt(4).reason()).isEqualTo(RejectReason.MISSING_VALUE);
    }

    /**
     * Without a provider column and without --provider nothing can be stored: the import must stop at once with
     * the "give --provider" message, not quarantine every row as MISSING_VALUE.
     */
    @Test
    void noProviderColumnAndNoOverrideIsRefusedUpFront() throws IOException {
        Path path = csv("""
                reference,send_datetime,sent_amount,sent_currency
                C-1,2024-01-15T23:30:00+01:00,10.00,EUR
                """);

        assertThatThrownBy(() -> ImportRun.of(canonical, path, "", Importer.StoredReferences.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("--provider");
    }

    @Test
    void decimalCommaIsRefusedInTheCanonicalFile() throws IOException {
        Path path = csv("""
                reference,send_datetime,sent_amount,sent_currency
                C-1,2024-01-15T23:30:00+01:00,"50,00",EUR
                """);

        var run = ImportRun.of(canonical, path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().rejectedAt(2).reason()).isEqualTo(RejectReason.UNPARSEABLE_AMOUNT);
    }
}
