package org.piste.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;

/**
 * The demo's accounts, one per role, with fresh random passwords at every demo run (reset when they exist), printed
 * and kept in PISTE_HOME/demo-accounts.txt (readable by the owner only). The demo is a synthetic showcase, so it is
 * the one place, besides the first admin, where the console chooses passwords (issue 16): no activation links. Not
 * reachable from the web (ArchitectureTest).
 */
final class DemoAccounts {
    record Account(String username, Role role, String password) {}

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** Name, role, display name and unit of each. */
    private static final String[][] DEMO = {{"analyste", "ANALYST", "Analyste (démo)", "Cellule de renseignement financier"},
            {"enqueteur", "INVESTIGATOR", "Enquêteur (démo)", "Office central (démo)"},
            {"enqueteur2", "INVESTIGATOR", "Enquêteur 2 (démo)", "Brigade régionale (démo)"},
            {"magistrat", "PROSECUTOR", "Magistrat (démo)", "Parquet national (démo)"},
            {"admin", "ADMIN", "Administrateur (démo)", "Support"}};

    /** The demo's account names (the demo refuses a home with any other account). */
    static final java.util.Set<String> NAMES = java.util.Arrays.stream(DEMO).map(d -> d[0])
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private DemoAccounts() {}

    static List<Account> create(Main main) {
        UserStore users = main.services().userStore();
        SecureRandom random = new SecureRandom();
        List<Account> accounts = new ArrayList<>();
        for (String[] d : DEMO) {
            String password = newPassword(random);
            if (users.find(d[0]).isPresent()) {
                users.setPassword(d[0], password, main.actor().username());
            } else {
                users.create(new UserStore.NewUser(d[0], d[2], Role.valueOf(d[1]), d[3], d[0] + "@demo.invalid"),
                        password, main.actor().username());
            }
            accounts.add(new Account(d[0], Role.valueOf(d[1]), password));
        }
        save(main.home().resolve("demo-accounts.txt"), accounts);
        return accounts;
    }

    /** 16 random characters of an alphabet without look-alikes: about 10^28, far above the password policy's 10^9. */
    static String newPassword(java.util.Random random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return password.toString();
    }

    static void print(PrintWriter out, List<Account> accounts) {
        out.println("Demo accounts, one per role (fresh passwords at every run, also in demo-accounts.txt):");
        for (Account a : accounts) {
            out.printf("  %-11s %-13s password %s%n", a.username(), a.role().name().toLowerCase(java.util.Locale.ROOT),
                    a.password());
        }
    }

    private static void save(Path file, List<Account> accounts) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder s = new StringBuilder();
            for (Account a : accounts) s.append(a.username()).append(' ').append(a.password()).append('\n');
            Files.writeString(file, s);
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("piste: warning: cannot write " + file + ": " + e.getMessage());
        }
    }
}
