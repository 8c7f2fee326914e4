package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.StoredRows;
import org.piste.app.accounts.Role;
import org.piste.app.pipeline.Services;
import org.piste.app.store.Database;
import org.piste.app.cli.Main;
import org.piste.ingest.FrOperatorFile;

/**
 * The {@code piste} command as a user runs it: {@link Main#run} with {@code --home}, so each run starts its
 * own embedded PostgreSQL under that home (a few seconds each: the runs are kept few). One import is done
 * once for the class; the other runs read it or fail before storing anything.
 */
class CliEndToEndTest {
    @TempDir static Path home;
    @TempDir static Path files;

    private static Path export;
    private static long badDateLine;
    private static long negativeLine;
    private static long duplicateLine;
    private static Run firstImport;

    record Run(int exit, String out, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("piste: error:")).toList();
        }
    }

    /** The account the tests work as at the console, unless a test says otherwise. */
    static final String ANALYST = "test-analyst";

    /** Runs piste with --home as the test analyst (signed in with a password file), capturing what it prints. */
    static Run piste(Path home, String... args) {
        return as(home, ANALYST, Role.ANALYST, args);
    }

    /** Runs piste with --home signed in as this account, which is created the first time, with that role. */
    static Run as(Path home, String username, Role role, String... args) {
        List<String> all = new ArrayList<>(signIn(home, username, role));
        all.addAll(List.of(args));
        return owner(home, all.toArray(String[]::new));
    }

    /**
     * The options that sign this account in. The first time, the installation's owner creates the account and its
     * holder sets the password through the activation link printed, as a new user would.
     */
    static List<String> signIn(Path home, String username, Role role) {
        Path file = home.resolve(username + ".password");
        if (!Files.exists(file)) {
            String password = "quietly orbiting walrus " + Integer.toHexString(username.hashCode());
            String[] create = {"admin", "create-user", username, "--role", role.name().toLowerCase(Locale.ROOT)};
            if (role == Role.ADMIN) { // the first admin (the tests make one at most) is given its password at the console
                Run created = withInput(home, password + "\n", Stream.concat(Stream.of(create), Stream.of("--password-stdin"))
                        .toArray(String[]::new));
                assertThat(created.exit()).as(created.err()).isZero();
            } else {
                Run created = owner(home, create);
                assertThat(created.exit()).as(created.err()).isZero();
                Matcher link = Pattern.compile("/activate/(\\S+)").matcher(created.out());
                assertThat(link.find()).as(created.out()).isTrue();
                try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
                    Services.on(db).activations().activate(link.group(1), password);
                }
            }
            try {
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of("--as", username, "--password-file", file.toString());
    }

    /** Runs piste with --home as the installation's owner, signed in to no account. */
    static Run owner(Path home, String... args) {
        return withInput(home, "", args);
    }

    /** As {@link #owner(Path, String...)}, with this text on standard input. */
    static Run withInput(Path home, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        PrintStream out = System.out, err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            exit = Main.run(all.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
        Run run = new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        System.out.printf("$ piste %s%n-> exit %d%n%s%s%n", String.join(" ", args), exit, run.out(), run.err());
        return run;
    }

    static Run piste(String... args) {
        return piste(home, args);
    }

    @BeforeAll
    static void importOneFile() {
        FrOperatorFile file = new FrOperatorFile();
        file.row(FrOperatorFile.transfer("7400000001"));
        badDateLine = file.row(FrOperatorFile.transfer("7400000002", Map.of("Date envoi", "31/02/2024"))).lastLine();
        file.row(FrOperatorFile.transfer("7400000003"));
        negativeLine = file.row(FrOperatorFile.transfer("7400000004", Map.of("Montant envoyé", "-25,00"))).lastLine();
        duplicateLine = file.row(FrOperatorFile.transfer("7400000001")).lastLine();
        file.row(FrOperatorFile.transfer("7400000006", Map.of("Date naissance expéditeur", "01/01/1900"))); // a placeholder
        export = file.write(files.resolve("export-cli.csv"));

        firstImport = piste("import", export.toString(), "--profile", "fr-operator", "--provider", "MTO-FICTIF",
                "--legal-ref", "REQ-2024-0042");
    }

    private static long count(String out, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + label + "\\s+([\\d,]+)").matcher(out);
        assertThat(m.find()).as("'%s' in:%n%s", label, out).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void importPrintsASummaryWhoseCountsReconcile() {
        assertThat(firstImport.exit()).as(firstImport.err()).isZero();
        assertThat(firstImport.out()).contains("Imported export-cli.csv as source #1 (sha256 " + StoredRows.sha256(export)
                + ", profile fr-operator)");
        String out = firstImport.out();
        assertThat(count(out, "rows read")).isEqualTo(6);
        assertThat(count(out, "accepted")).isEqualTo(3);
        assertThat(count(out, "quarantined")).isEqualTo(2);
        assertThat(count(out, "duplicates")).isEqualTo(1);
        assertThat(out.lines().filter(l -> l.contains("quarantined")).findFirst().orElseThrow())
                .contains("UNPARSEABLE_DATE 1").contains("NEGATIVE_AMOUNT 1").doesNotContain("DUPLICATE");
        assertThat(out).containsPattern("line " + badDateLine + "\\s+UNPARSEABLE_DATE");
        assertThat(out).containsPattern("line " + duplicateLine + "\\s+DUPLICATE_REFERENCE");
        assertThat(out).containsPattern("date of birth placeholder \\(01/01/1900 and the like\\)\\s+1\\n");
    }

    @Test
    void sourcesListsTheImportedFileWithItsCounts() {
        Run run = piste("sources");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\s+1\\s+" + StoredRows.sha256(export).substring(0, 12)
                + "\\s+export-cli\\.csv\\s+MTO-FICTIF\\s+REQ-2024-0042\\s+6\\s+3\\s+2\\s+1\\s*$");
    }

    @Test
    void quarantineShowsTheQuarantinedLinesWithReasonsAndText() {
        Run run = piste("quarantine", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Source #1 export-cli.csv").contains("2 quarantined, 1 duplicates of 6 rows read");
        assertThat(run.out()).containsPattern("line " + badDateLine + "\\s+QUARANTINED\\s+UNPARSEABLE_DATE .*31/02/2024");
        assertThat(run.out()).containsPattern("line " + negativeLine + "\\s+QUARANTINED\\s+NEGATIVE_AMOUNT");
        assertThat(run.out()).contains("    7400000002;PAYE;AGENCE;31/02/2024;23:30;Lyon;");
        assertThat(run.out()).as("duplicates only with --duplicates").doesNotContain("line " + duplicateLine + " ");
    }

    @Test
    void importingTheSameFileAgainSaysAlreadyImported() {
        Run run = piste("import", export.toString(), "--profile", "fr-operator", "--provider", "MTO-FICTIF");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Already imported as source #1").contains("nothing to do");
        assertThat(run.out()).doesNotContain("Imported ");
    }

    @Test
    void screenExplainsItsModelWithTheRuleSetsWeightsWhenNoAnalystHasRuled() {
        Run run = piste("screen", "--top", "3", "--explain-model");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("weights: senders prior, recipients prior")
                .contains("Senders' model: prior (the rule set's weights; 0 confirmed, 0 dismissed, 0 unlabelled)")
                .containsPattern("(?m)^  network +rule +60\\.0 points +x1\\.00 +-> +60\\.0$")
                .containsPattern("(?m)^  regular_senders +rule +-40\\.0 points +x1\\.00 +-> +-40\\.0$")
                .contains("0 confirmed entities, fewer than 5: the rule set's weights are kept");
    }

    @Test
    void missingFileIsAOneLineError() {
        Run run = piste("import", files.resolve("missing.csv").toString(), "--profile", "fr-operator");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1).first().asString().contains("no such file").contains("missing.csv");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownProfileIsAnErrorNamingTheBuiltInProfiles() {
        Run run = piste("import", export.toString(), "--profile", "fr-operateur");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1).first().asString()
                .contains("unknown profile 'fr-operateur'").contains("canonical").contains("fr-operator");
    }

    @Test
    void headerWithoutARequiredColumnIsAnErrorNamingItAndTheClosestHeader() {
        List<String> header = new ArrayList<>(FrOperatorFile.HEADER);
        header.set(header.indexOf("Devise envoi"), "Devise_env");
        FrOperatorFile file = new FrOperatorFile(header);
        Map<String, String> row = new java.util.HashMap<>(FrOperatorFile.transfer("7400000099"));
        row.put("Devise_env", row.remove("Devise envoi"));
        file.row(row);
        Path renamed = file.write(files.resolve("entete-renommee.csv"));

        Run run = piste("import", renamed.toString(), "--profile", "fr-operator", "--provider", "MTO-FICTIF");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1).first().asString()
                .contains("missing 'Devise envoi'").contains("closest: 'Devise_env'");
    }

    @Test
    void demoSimulatesImportsAndRejectsExactlyTheLabelledBadRows(@TempDir Path demoHome) {
        Run run = owner(demoHome, "demo", "--senders", "300", "--no-serve");

        assertThat(run.exit()).as(run.err()).isZero();
        var wrote = java.util.regex.Pattern.compile("\\(([\\d,]+) lines, of which ([\\d,]+) labelled bad rows")
                .matcher(run.out());
        assertThat(wrote.find()).as(run.out()).isTrue();
        long lines = Long.parseLong(wrote.group(1).replace(",", ""));
        long labelled = Long.parseLong(wrote.group(2).replace(",", ""));
        long read = count(run.out(), "rows read");
        assertThat(read).as("every line but the header is read").isEqualTo(lines - 1);
        assertThat(count(run.out(), "accepted") + count(run.out(), "quarantined") + count(run.out(), "duplicates"))
                .isEqualTo(read);
        assertThat(count(run.out(), "quarantined") + count(run.out(), "duplicates")).isEqualTo(labelled);
        assertThat(run.out()).contains("$ piste transfers --limit 5").containsPattern("[0-9a-f]{12}.*:\\d+");
        assertThat(run.out()).contains("$ piste screen --top 5").containsPattern("(?m)^ {3}1 {2}\\S+:[SR] ");
        assertThat(run.out()).containsPattern("Resolution \\(run #1, full: .*\\): " + String.format("%,d", 2 * count(run.out(),
                "accepted")).replace(",", "\\,") + " party records -> [\\d,]+ entities");
        // The procedure side (issue 18): the requisition sent before the import is answered by it, with its rows.
        assertThat(run.out()).contains("Case n° 1 (DEMO-2026-001) opened by enqueteur")
                .contains("Requisition REQ-DEMO-001 to ")
                .contains("Requisition REQ-DEMO-001: ANSWERED by 1 file(s), " + String.format("%,d", read) + " rows read.")
                .containsPattern("Subject \\(buyer\\): \\d+:S, ").containsPattern("Subject \\(facilitator\\): \\d+:R, ")
                .containsPattern("Request abroad EAI-\\d{4}-0001 to .*\\(PH\\): SENT")
                .contains("2 pseudonymous victims").contains("PNP-WCPC-DEMO-01").containsPattern("Report: \\d+ pages");
        Path pdf;
        try (var found = java.nio.file.Files.find(demoHome.resolve("demo"), 3,
                (p, a) -> p.getFileName().toString().equals("rapport-DEMO-2026-001.pdf"))) {
            pdf = found.findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var pdfSha = java.util.regex.Pattern.compile("PDF SHA-256 ([0-9a-f]{64})").matcher(run.out());
        assertThat(pdfSha.find()).isTrue();
        assertThat(org.piste.ingest.Hashing.sha256(pdf)).as("the file written is the one the demo reports")
                .isEqualTo(pdfSha.group(1));
    }
}
