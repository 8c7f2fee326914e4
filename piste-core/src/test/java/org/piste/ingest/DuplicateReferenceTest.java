package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateReferenceTest {
    @TempDir Path dir;

    @Test
    void secondOccurrenceInTheFileIsADuplicateOfTheFirstsLine() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .row(FrOperatorFile.transfer("1000000002"))
                .row(FrOperatorFile.transfer("1000000001", Map.of("Montant envoyé", "99,00")))
                .row(FrOperatorFile.transfer("1000000001"));

        var run = ImportRun.frOperator(file.write(dir.resolve("dup.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.counts().accepted()).isEqualTo(2);
        assertThat(run.counts().duplicates()).isEqualTo(2);
        assertThat(run.counts().quarantined()).isZero();
        for (long line : new long[] {4, 5}) {
            Rejection r = run.sink().rejectedAt(line);
            assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE_REFERENCE);
            assertThat(r.reference()).isEqualTo("1000000001");
            assertThat(r.duplicateOfLine()).isEqualTo(2);
        }
        assertThat(run.sink().acceptedAt(2).sent().amount()).as("the first occurrence is the one kept")
                .isEqualByComparingTo("1234.56");
    }

    @Test
    void quarantinedRowDoesNotClaimItsReference() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001", Map.of("Devise envoi", "QQQ")))
                .row(FrOperatorFile.transfer("1000000001"));

        var run = ImportRun.frOperator(file.write(dir.resolve("dup-after-bad.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().rejectedAt(2).reason()).isEqualTo(RejectReason.UNKNOWN_CURRENCY);
        assertThat(run.sink().acceptedAt(3).reference()).isEqualTo("1000000001");
    }

    @Test
    void referenceAlreadyStoredForTheSameProviderIsADuplicate() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .row(FrOperatorFile.transfer("1000000002"));
        Set<String> stored = Set.of(FrOperatorFile.PROVIDER + "|1000000002", "AUTRE-OPERATEUR|1000000001");

        var run = ImportRun.of(Profiles.load("fr-operator"), file.write(dir.resolve("stored.csv")),
                        (provider, reference) -> stored.contains(provider + "|" + reference))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().acceptedAt(2).reference()).as("stored under another provider only").isEqualTo("1000000001");
        Rejection r = run.sink().rejectedAt(3);
        assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE_REFERENCE);
        assertThat(r.duplicateOfLine()).isZero();
        assertThat(run.counts().duplicates()).isEqualTo(1);
    }

    @Test
    void repeatsOfAStoredReferencePointAtTheStoredTransferNotAtEachOther() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000002"))
                .row(FrOperatorFile.transfer("1000000002"));
        var run = ImportRun.of(Profiles.load("fr-operator"), file.write(dir.resolve("stored-twice.csv")),
                        (provider, reference) -> reference.equals("1000000002"))
                .assertEveryRecordAccountedFor(file.recordLines());

        for (long line : new long[] {2, 3}) {
            assertThat(run.sink().rejectedAt(line).detail()).contains("earlier file");
            assertThat(run.sink().rejectedAt(line).duplicateOfLine()).isZero();
        }
    }
}
