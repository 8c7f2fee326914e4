package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Channel;
import org.piste.model.Money;
import org.piste.model.Transfer;
import org.piste.model.TransferStatus;

/** What one row of the French operator's export means, field by field. */
class FrOperatorSemanticsTest {
    @TempDir Path dir;

    private Transfer importRow(Map<String, String> row) {
        var file = new FrOperatorFile().row(row);
        var run = ImportRun.frOperator(file.write(dir.resolve("one.csv"))).assertEveryRecordAccountedFor(file.recordLines());
        return run.sink().acceptedAt(2);
    }

    /** The typical transfer with some values changed. */
    private Transfer importWith(Map<String, String> changes) {
        return importRow(FrOperatorFile.transfer("1000000001", changes));
    }

    private Transfer typical() {
        return importRow(FrOperatorFile.transfer("1000000001"));
    }

    @Test
    void sendTimeIsParisLocalTime() {
        Transfer t = typical();
        // 23:30 in Paris in January (UTC+1) is 22:30 UTC.
        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
        assertThat(t.sendZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void summerSendTimeUsesParisSummerOffset() {
        Transfer t = importWith(Map.of("Date envoi", "15/07/2024", "Heure envoi", "23:30:15"));
        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-07-15T21:30:15Z"));
    }

    @Test
    void payoutInThePhilippinesIsWrittenInParisTimeButBelongsToManila() {
        Transfer t = typical();
        // 07:00 Paris (UTC+1) is 06:00 UTC, i.e. 14:00 in Manila.
        assertThat(t.payoutInstant()).contains(Instant.parse("2024-01-16T06:00:00Z"));
        assertThat(t.payoutZone()).contains(ZoneId.of("Asia/Manila"));
        assertThat(t.payoutPlace().countryCode()).contains("PH");
        assertThat(t.payoutPlace().country()).isEqualTo("Philippines");
    }

    @Test
    void unpaidTransferHasNoPayout() {
        Transfer t = importWith(Map.of("Statut", "EN ATTENTE", "Date paiement", "", "Heure paiement", "",
                "Montant payé", "", "Devise paiement", ""));
        assertThat(t.status()).isEqualTo(TransferStatus.SENT);
        assertThat(t.payoutInstant()).isEmpty();
        assertThat(t.payoutZone()).isEmpty();
        assertThat(t.paid()).isEmpty();
    }

    @Test
    void sendCountryIsTheProfilesConstantFrance() {
        Transfer t = typical();
        assertThat(t.sendPlace().country()).isEqualTo("FR");
        assertThat(t.sendPlace().countryCode()).contains("FR");
        assertThat(t.sendPlace().city()).isEqualTo("Lyon");
        assertThat(t.sendPlace().agency()).isEqualTo("AG-LYON-07");
    }

    @Test
    void amountsUseDecimalCommaAndDotGrouping() {
        Transfer t = typical();
        assertThat(t.sent()).isEqualTo(new Money(new BigDecimal("1234.56"), Currency.getInstance("EUR")));
        assertThat(t.paid()).contains(new Money(new BigDecimal("75597.26"), Currency.getInstance("PHP")));
        assertThat(t.rate()).contains(new BigDecimal("61.2345"));
    }

    @Test
    void feeCurrencyDefaultsToTheSentCurrency() {
        Transfer t = importWith(Map.of("Devise envoi", "USD"));
        assertThat(t.fee()).contains(new Money(new BigDecimal("12.50"), Currency.getInstance("USD")));
    }

    @Test
    void statusAndChannelCodesAreMappedAndTheRawValuesKept() {
        Transfer t = typical();
        assertThat(t.status()).isEqualTo(TransferStatus.PAID);
        assertThat(t.statusRaw()).isEqualTo("PAYE");
        assertThat(t.channel()).isEqualTo(Channel.AGENCY);
        assertThat(t.channelRaw()).isEqualTo("AGENCE");
    }

    @Test
    void statusCodesMatchWithoutRegardToCaseOrAccents() {
        assertThat(importWith(Map.of("Statut", "Payé")).status()).isEqualTo(TransferStatus.PAID);
        assertThat(importWith(Map.of("Statut", "  annulé ")).status()).isEqualTo(TransferStatus.CANCELLED);
    }

    @Test
    void emptyStatusIsUnknownNotRejected() {
        assertThat(importWith(Map.of("Statut", "", "Canal", "")))
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo(TransferStatus.UNKNOWN);
                    assertThat(t.channel()).isEqualTo(Channel.UNKNOWN);
                });
    }

    @Test
    void recipientPhoneIsReadInThePayoutCountryWhenTheRecipientCountryIsEmpty() {
        Transfer t = typical();
        assertThat(t.recipient().country()).isEmpty();
        assertThat(t.recipient().phone()).isEqualTo("0917 123 4567");
        assertThat(t.recipient().phoneE164()).contains("+639171234567");
    }

    @Test
    void senderPhoneIsReadInTheSendersCountry() {
        Transfer t = typical();
        assertThat(t.sender().countryCode()).contains("FR");
        assertThat(t.sender().phoneE164()).contains("+33612345678");
    }

    @Test
    void senderPhoneFallsBackToTheSendCountry() {
        Transfer t = importWith(Map.of("Pays expéditeur", ""));
        assertThat(t.sender().phoneE164()).contains("+33612345678");
    }

    @Test
    void partiesKeepWhatWasWrittenBesideTheNormalisedValues() {
        Transfer t = typical();
        assertThat(t.sender().givenNames()).isEqualTo("Jean-Pierre");
        assertThat(t.sender().surname()).isEqualTo("MARTIN");
        assertThat(t.sender().normalizedName()).isEqualTo("Jean-Pierre MARTIN");
        assertThat(t.sender().birthDate()).contains(LocalDate.of(1985, 3, 12));
        assertThat(t.sender().idNumber()).isEqualTo("19AB 12345");
        assertThat(t.sender().idNumberNormalized()).isEqualTo("19AB12345");
        assertThat(t.sender().email()).isEqualTo("jp.martin@example.org");
        assertThat(t.recipient().normalizedName()).isEqualTo("Maria DELA CRUZ");
        assertThat(t.recipient().idNumberNormalized()).isEqualTo("011122223334");
    }

    @Test
    void middleNameSitsBetweenGivenNamesAndSurname() {
        Transfer t = importWith(Map.of("Second prénom bénéficiaire", "Santos"));
        assertThat(t.recipient().normalizedName()).isEqualTo("Maria Santos DELA CRUZ");
    }

    @Test
    void rowCitesTheFileAndItsLine() {
        var file = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001"));
        Path path = file.write(dir.resolve("cite.csv"));
        var run = ImportRun.frOperator(path);
        Transfer t = run.sink().acceptedAt(2);
        assertThat(t.source().sourceSha256()).isEqualTo(Hashing.sha256(path)).hasSize(64);
        assertThat(t.provider()).isEqualTo(FrOperatorFile.PROVIDER);
        assertThat(t.reference()).isEqualTo("1000000001");
    }

    @Test
    void twoDigitYearsAreRead() {
        Transfer t = importWith(Map.of("Date envoi", "15/01/24"));
        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
    }

    /**
     * A birth date written with a two-digit year must not land in the future (a person born in 2085). True on
     * any day from 1985 to 2085; the boundary, on a fixed day, is in ValuesBirthDateTest.
     */
    @Test
    void twoDigitBirthYearIsNotPlacedInTheFuture() {
        Transfer t = importWith(Map.of("Date naissance expéditeur", "12/03/85"));
        assertThat(t.sender().birthDateRaw()).isEqualTo("12/03/85");
        assertThat(t.sender().birthDate()).contains(LocalDate.of(1985, 3, 12));
    }
}
