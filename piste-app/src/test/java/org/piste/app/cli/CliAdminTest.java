package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.UserStore;
import org.piste.app.store.Database;

/**
 * Issue 16 (admin), at the console: the first admin is given a password there (no admin, maybe no web server yet);
 * after that an account's password is never chosen at the console: create-user prints a one-time activation link
 * under the public address, and a password on standard input is refused. The console's audit list keeps what the
 * admins' web view withholds (a ruling's note).
 */
class CliAdminTest {
    static final Pattern LINK = Pattern.compile("https://piste\\.example/activate/([A-Za-z0-9_-]{43})");
    @TempDir Path home;
    @TempDir Path files;

    private CliEndToEndTest.Run withStdin(String line, String... args) {
        return CliEndToEndTest.withInput(home, line + "\n", args);
    }

    @Test
    void theFirstAdminGetsAPasswordThenEveryoneElseALink() throws Exception {
        Files.writeString(home.resolve("web.properties"), "piste.public-url=https://piste.example/\n");
        CliEndToEndTest.Run first = withStdin("chosen-by-the-operator-1", "admin", "create-user", "boss", "--role", "admin",
                "--password-stdin");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("boss");

        CliEndToEndTest.Run refused = withStdin("chosen-by-the-admin-1", "admin", "create-user", "magistrat", "--role",
                "prosecutor", "--password-stdin");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("the holder sets their own password");

        CliEndToEndTest.Run created = CliEndToEndTest.owner(home, "admin", "create-user", "magistrat", "--role", "prosecutor");
        assertThat(created.exit()).as(created.err()).isZero();
        Matcher link = LINK.matcher(created.out());
        assertThat(link.find()).as(created.out()).isTrue();
        CliEndToEndTest.Run second = CliEndToEndTest.owner(home, "admin", "create-user", "boss2", "--role", "admin");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(LINK.matcher(second.out()).find()).as("a second admin gets a link too").isTrue();

        // set-password is the recovery of an installation no admin can sign in to, nothing else.
        CliEndToEndTest.Run set = withStdin("chosen-by-the-admin-1", "admin", "set-password", "magistrat", "--password-stdin");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.err()).contains("activation-link");
        assertThat(withStdin("chosen-by-the-admin-1", "admin", "set-password", "boss", "--password-stdin").exit()).isEqualTo(1);

        CliEndToEndTest.Run reset = CliEndToEndTest.owner(home, "admin", "activation-link", "magistrat");
        assertThat(reset.exit()).as(reset.err()).isZero();
        Matcher newLink = LINK.matcher(reset.out());
        assertThat(newLink.find()).isTrue();
        assertThat(newLink.group(1)).isNotEqualTo(link.group(1));

        try (Database db = Database.open(Database.Settings.fromEnvironment(home))) {
            UserStore users = new UserStore(db.dataSource(), Passwords.encoder());
            assertThat(users.find("magistrat").orElseThrow().canSignInWithPassword()).isFalse();
            assertThat(Passwords.encoder().matches("chosen-by-the-admin-1", users.passwordHash("magistrat").orElseThrow()))
                    .isFalse();
            assertThat(users.find("boss").orElseThrow().canSignInWithPassword()).isTrue();
        }
        CliEndToEndTest.Run list = CliEndToEndTest.owner(home, "admin", "list-users");
        assertThat(list.out()).containsPattern("magistrat\\s+prosecutor\\s+awaiting");
    }

    @Test
    void theConsolesAuditListKeepsARulingsNote() {
        PartyExport e = new PartyExport();
        e.transfer("T-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        e.transfer("T-2", Person.sender("Oriane", "Fictivale", "1979-05-05", "06 00 00 00 34", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        assertThat(piste(home, "import", e.write(files.resolve("two.csv")).toString(), "--profile", "canonical").exit())
                .isZero();
        CliEndToEndTest.Run decided = piste(home, "decide", "1:S", "2:S", "not-same", "--note",
                "Vue au guichet avec son frere Zorglub");
        assertThat(decided.exit()).as(decided.err()).isZero();

        CliEndToEndTest.Run list = CliEndToEndTest.owner(home, "audit", "list", "--action", "entity.decide");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("note=Vue au guichet avec son frere Zorglub");
    }

    /** The demo is a synthetic showcase: its accounts, one per role, sign in with the passwords it prints. */
    @Test
    void theDemosAccountsSignInWithThePasswordsItPrints() {
        try (Main main = new Main()) {
            main.home = home;
            var accounts = DemoAccounts.create(main);
            assertThat(accounts).hasSize(5);
            UserStore users = main.services().userStore();
            for (var a : accounts) {
                assertThat(users.find(a.username()).orElseThrow().canSignInWithPassword()).as(a.username()).isTrue();
                assertThat(Passwords.encoder().matches(a.password(), users.passwordHash(a.username()).orElseThrow()))
                        .as(a.username()).isTrue();
            }
        }
    }
}
