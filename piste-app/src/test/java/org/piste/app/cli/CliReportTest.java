package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.report.ReportFixture;
import org.piste.app.store.Database;
import org.piste.ingest.Hashing;

/** {@code piste report CASE --out FILE.pdf} and {@code piste report verify FILE.pdf} (issue 18). */
class CliReportTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test
    void writesTheReportRendersItsSnapshotAgainAndVerifiesTheFile() throws Exception {
        CliEndToEndTest.signIn(home, "enqueteur", Role.INVESTIGATOR);
        CliEndToEndTest.signIn(home, "autre", Role.INVESTIGATOR);
        long id;
        String entity;
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
            ReportFixture.demoData(db, 120, files.resolve("sim"));
            entity = ReportFixture.busiestRecipient(db);
            Actor lead = Actor.user("enqueteur", Role.INVESTIGATOR, Optional.empty());
            CaseService cases = new CaseService(db.dataSource());
            id = cases.create(lead, "PARQ-CLI-5", "Console").summary().id();
            cases.addSubject(lead, id, entity, CaseFile.SubjectKind.FACILITATOR);
        }
        Path pdf = files.resolve("r.pdf");
        CliEndToEndTest.Run made = CliEndToEndTest.as(home, "enqueteur", Role.INVESTIGATOR, "report", Long.toString(id),
                "--subject", entity, "--as-of", "2030-01-01T00:00:00Z", "--out", pdf.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        String sha = Hashing.sha256(Files.readAllBytes(pdf));
        assertThat(made.out()).contains("pdf      sha256 " + sha).containsPattern("snapshot \\d+  sha256 [0-9a-f]{64}")
                .contains("pages").contains("time     snapshot ");
        String snapshot = made.out().replaceAll("(?s).*snapshot (\\d+)  sha256.*", "$1");

        Path again = files.resolve("again.pdf");
        assertThat(CliEndToEndTest.as(home, "enqueteur", Role.INVESTIGATOR, "report", Long.toString(id), "--snapshot",
                snapshot, "--out", again.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(pdf));

        CliEndToEndTest.Run verified = CliEndToEndTest.as(home, "enqueteur", Role.INVESTIGATOR, "report", "verify",
                pdf.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("was issued by Piste").contains("case " + id + " PARQ-CLI-5")
                .contains("snapshot " + snapshot + " as of 2030-01-01T00:00:00Z");

        CliEndToEndTest.Run outsiderVerifies = CliEndToEndTest.as(home, "autre", Role.INVESTIGATOR, "report", "verify",
                pdf.toString());
        assertThat(outsiderVerifies.exit()).isZero();
        assertThat(outsiderVerifies.out()).contains("for a case you may not see").doesNotContain("PARQ-CLI-5")
                .doesNotContain("enqueteur");

        Path forged = files.resolve("forged.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Files.write(forged, bytes);
        CliEndToEndTest.Run refused = CliEndToEndTest.as(home, "enqueteur", Role.INVESTIGATOR, "report", "verify",
                forged.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("NOT issued by Piste");

        CliEndToEndTest.Run outsider = CliEndToEndTest.as(home, "autre", Role.INVESTIGATOR, "report", Long.toString(id),
                "--out", files.resolve("x.pdf").toString());
        assertThat(outsider.exit()).isEqualTo(1);
        assertThat(outsider.err()).contains("no case " + id);
        assertThat(files.resolve("x.pdf")).doesNotExist();
    }
}
