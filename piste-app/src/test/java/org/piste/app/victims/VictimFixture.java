package org.piste.app.victims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.piste.app.PartyExport;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.store.Database;

/**
 * A small invented export: two buyers (B1, B2) paying two facilitators (F1, F2) linked to a victim, and a third
 * facilitator (F3) linked to none; one transfer before the victim's period; euros and dollars. Every person is invented
 * and an adult; a victim is a code only.
 */
public final class VictimFixture {
    static final String B1 = "Oriane,Fictival,1979-05-05,06 00 00 00 33,Lyon,France";
    static final String B2 = "Jean-Marc,Testeur,1970-01-20,06 00 00 00 44,Nantes,France";
    static final String F1 = "Lorna,Testado,0917 000 0001,Quezon City,Philippines";
    static final String F2 = "Ariel,Sampol,0917 000 0002,Quezon City,Philippines";
    static final String F3 = "Jomar,Halimbawa,0917 000 0003,Quezon City,Philippines";

    private VictimFixture() {}

    public static Path write(Path dir) {
        List<String> rows = List.of(
                row("V-1", "2024-03-05", "100.00", "EUR", B1, F1),
                row("V-2", "2024-03-20", "50.50", "EUR", B1, F1),
                row("V-3", "2024-04-02", "30.00", "EUR", B1, F2),
                row("V-4", "2024-03-10", "200.00", "USD", B2, F1),
                row("V-5", "2024-03-11", "25.25", "EUR", B2, F2),
                row("V-6", "2023-12-30", "999.00", "EUR", B1, F1), // before the victim's period
                row("V-7", "2024-03-12", "77.00", "EUR", B2, F3), // a facilitator linked to no victim
                row("V-8", "2024-04-03", "10.00", "USD", B1, F2));
        try {
            Path file = dir.resolve("victims.csv");
            Files.writeString(file, String.join(",", PartyExport.HEADER) + "\n" + String.join("\n", rows) + "\n",
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String reference, String day, String amount, String currency, String sender,
            String recipient) {
        return String.join(",", "MTO-FICTIF", reference, day + "T10:00:00+00:00", amount, currency, sender, recipient);
    }

    /** Imports the export and resolves it, as the pipeline would. */
    public static void load(Database db, Path dir) {
        ImportOutcome outcome = new ImportService(db).importFile(ImportRequest.of(write(dir), "canonical"), (b, t, r) -> {});
        if (!(outcome instanceof ImportOutcome.Imported)) throw new IllegalStateException("not imported: " + outcome);
        new ResolutionService(db).run(ResolutionService.Mode.FULL).orElseThrow();
    }

    public static Actor user(Database db, String name, Role role) {
        new UserStore(db.dataSource(), Passwords.encoder()).create(new UserStore.NewUser(name, "Test " + name, role,
                "unit", name + "@test.invalid"), "correct-horse-battery-staple", "test");
        return Actor.user(name, role, Optional.empty());
    }

    public static String sender(Database db, String reference) {
        return transferId(db, reference) + ":S";
    }

    public static String recipient(Database db, String reference) {
        return transferId(db, reference) + ":R";
    }

    public static String entityOf(Database db, String record) {
        return one(db, "SELECT entity_id FROM entity_member WHERE record_id = ?", record);
    }

    public static long transferId(Database db, String reference) {
        return Long.parseLong(one(db, "SELECT id::text FROM transfer WHERE reference = ?", reference));
    }

    public static String one(Database db, String sql, String param) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("nothing for " + param);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
