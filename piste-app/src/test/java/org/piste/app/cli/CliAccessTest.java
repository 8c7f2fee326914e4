package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.as;
import static org.piste.app.cli.CliEndToEndTest.owner;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport.Person;
import org.piste.app.PartyExport;
import org.piste.app.accounts.Role;

/**
 * The console is held to the web's access table (issue 16, finding 5): data work needs a Piste account signed in
 * with its password, its role decides as on the web, a ruling is signed by that account only, and the installation's
 * owner is named from the process's user id, not from $USER.
 */
class CliAccessTest {
    @TempDir static Path home;
    @TempDir static Path files;

    @BeforeAll
    static void importOneFile() {
        PartyExport e = new PartyExport();
        e.transfer("T-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        e.transfer("T-2", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        CliEndToEndTest.Run imported = piste(home, "import", e.write(files.resolve("two.csv")).toString(), "--profile", "canonical");
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    @Test
    void withoutAnAccountTheConsoleReadsNoPersonalDataAndSignsNoRuling() {
        for (String[] command : new String[][] {{"entity", "1:S"}, {"transfers"}, {"decide", "1:S", "2:S", "same"},
                {"screen"}, {"referral", "list"}, {"quarantine", "1"}}) {
            CliEndToEndTest.Run run = owner(home, command);
            assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(run.errorLines()).singleElement().asString().contains("sign in with --as ACCOUNT");
            assertThat(run.out()).doesNotContain("Oriane").doesNotContain("Fictival");
        }
    }

    @Test
    void aConsoleSignInAndTheListOfImportsAreAuditedAsOnTheWeb() {
        assertThat(piste(home, "sources").exit()).isZero();

        assertThat(owner(home, "audit", "list", "--action", "import.view").out())
                .containsPattern("test-analyst\\s+import\\.view\\s+imports\\s+-\\s+1 sources");
        assertThat(owner(home, "audit", "list", "--action", "signin.ok").out())
                .containsPattern("test-analyst\\s+signin\\.ok\\s+user:test-analyst\\s+-\\s+console from os-account:"
                        + Main.osUser());
    }

    @Test
    void theOldWayToSignAsSomeoneElseIsGone() {
        CliEndToEndTest.Run run = piste(home, "decide", "1:S", "2:S", "same", "--by", "magistrat");

        assertThat(run.exit()).isEqualTo(2); // picocli: unknown option
        assertThat(run.err()).contains("Unknown options: '--by'");
    }

    @Test
    void aProsecutorMayReadAtTheConsoleButNotRuleAsOnTheWebAndTheRefusalIsAudited() {
        CliEndToEndTest.Run read = as(home, "test-prosecutor", Role.PROSECUTOR, "entity", "1:S");
        CliEndToEndTest.Run ruled = as(home, "test-prosecutor", Role.PROSECUTOR, "decide", "1:S", "2:S", "not-same");

        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.out()).contains("Oriane");
        assertThat(ruled.exit()).isEqualTo(1);
        assertThat(ruled.errorLines()).singleElement().asString()
                .contains("the role prosecutor may not run 'piste decide'").contains("POST /entities/decisions");
        assertThat(owner(home, "audit", "list", "--action", "access.refused").out())
                .containsPattern("test-prosecutor\\s+access\\.refused\\s+console:decide\\s+-\\s+POST /entities/decisions");
        assertThat(owner(home, "audit", "list", "--action", "entity.decide", "--user", "test-prosecutor").out()).isEmpty();
    }

    /** Issue 17: the search box at the console, under the web's rule for GET /search, audited by the service. */
    @Test
    void theSearchAtTheConsoleFindsAPhoneAsTypedIsAuditedAndRefusedToAdmins() {
        CliEndToEndTest.Run found = as(home, "test-investigator", Role.INVESTIGATOR, "search", "+63 917 000 0001");
        CliEndToEndTest.Run refused = as(home, "test-admin", Role.ADMIN, "search", "Fictival");

        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).contains("Lorna Testado").contains("by phone, 2 records").contains("Transfers: 0");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).doesNotContain("Oriane");
        assertThat(owner(home, "audit", "list", "--action", "search").out())
                .containsPattern("test-investigator\\s+search\\s+search").doesNotContain("test-admin");
    }

    @Test
    void anAdminAccountAdministersButReadsNoPersonalData() {
        CliEndToEndTest.Run users = as(home, "test-admin", Role.ADMIN, "admin", "list-users");
        CliEndToEndTest.Run entity = as(home, "test-admin", Role.ADMIN, "entity", "1:S");

        assertThat(users.exit()).as(users.err()).isZero();
        assertThat(users.out()).contains("test-admin");
        assertThat(entity.exit()).isEqualTo(1);
        assertThat(entity.out()).doesNotContain("Oriane");
        // The trail as on the web: what was imported is withheld from an admin account, not from the owner.
        CliEndToEndTest.Run asAdmin = as(home, "test-admin", Role.ADMIN, "audit", "list", "--action", "import.store");
        assertThat(asAdmin.out()).contains("import.store").doesNotContain("two.csv");
        assertThat(owner(home, "audit", "list", "--action", "import.store").out()).contains("two.csv");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExistsAndIsAudited() throws IOException {
        CliEndToEndTest.signIn(home, "test-analyst", Role.ANALYST);
        Path wrong = secret(files.resolve("wrong.password"), "not the password of anyone here");

        CliEndToEndTest.Run known = owner(home, "--as", "test-analyst", "--password-file", wrong.toString(), "entity", "1:S");
        CliEndToEndTest.Run unknown = owner(home, "--as", "nobody-here", "--password-file", wrong.toString(), "entity", "1:S");

        assertThat(known.exit()).isEqualTo(1);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(known.errorLines().getFirst().replace("test-analyst", "X"))
                .isEqualTo(unknown.errorLines().getFirst().replace("nobody-here", "X"));
        assertThat(known.out()).doesNotContain("Oriane");
        assertThat(owner(home, "audit", "list", "--action", "signin.failed").out())
                .containsPattern("anonymous\\s+signin\\.failed\\s+user:test-analyst\\s+-\\s+console from os-account:"
                        + Main.osUser()).contains("user:nobody-here");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws IOException {
        CliEndToEndTest.signIn(home, "test-analyst", Role.ANALYST);
        Path open = files.resolve("open.password");
        Files.copy(home.resolve("test-analyst.password"), open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        CliEndToEndTest.Run run = owner(home, "--as", "test-analyst", "--password-file", open.toString(), "transfers");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().contains("can be read or changed by other accounts")
                .contains("chmod 600");
    }

    /** The demo runs as the owner and resets its accounts' passwords: never on a home with anyone else's data. */
    @Test
    void theDemoRefusesAHomeHoldingAnyoneElsesImportsOrAccounts() {
        CliEndToEndTest.Run demo = owner(home, "demo", "--senders", "50", "--no-serve");

        assertThat(demo.exit()).isEqualTo(1);
        assertThat(demo.errorLines()).singleElement().asString().contains("the demo runs on a home of its own");
        assertThat(demo.out()).doesNotContain("Oriane");
        assertThat(piste(home, "sources").exit()).as("the analyst's password was not reset").isZero();
        assertThat(owner(home, "admin", "list-users").out()).doesNotContain("analyste");
    }

    /**
     * $USER is whatever the caller sets: a console change made with USER=magistrat must still be audited under the
     * process's real account. Runs piste in a child JVM, the only way to give it another environment.
     */
    @Test
    void theOwnerIsNamedFromTheUserIdNotFromTheEnvironment(@TempDir Path childHome) throws Exception {
        String realUser = new com.sun.security.auth.module.UnixSystem().getUsername();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--home", childHome.toString(),
                "admin", "create-user", "someone", "--role", "admin", "--password-stdin"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("USER", "magistrat");
        builder.environment().put("LOGNAME", "magistrat");
        builder.environment().remove("PISTE_USER");
        Process child = builder.start();
        child.getOutputStream().write("quietly orbiting walrus 7f3a\n".getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().close();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(printed).isZero();

        CliEndToEndTest.Run created = owner(childHome, "audit", "list", "--action", "user.create");
        assertThat(created.out()).containsPattern("cli:" + realUser + "\\s+user\\.create\\s+user:someone");
        if (!realUser.equals("magistrat")) assertThat(created.out()).doesNotContain("cli:magistrat");
    }

    private static Path secret(Path file, String password) throws IOException {
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
