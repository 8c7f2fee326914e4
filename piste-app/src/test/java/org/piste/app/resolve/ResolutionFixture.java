package org.piste.app.resolve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.store.Database;
import org.piste.model.RecordId;
import org.piste.model.Side;

/**
 * Two small synthetic exports: the same sender written several ways (Maria Luz Dela Cruz: "Ma. Luz",
 * "De La Cruz", upper case; same phone and date of birth), another Maria Dela Cruz born decades earlier with
 * another phone, and a few other invented senders and recipients. References say who is who.
 */
final class ResolutionFixture {
    static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    static final Person OTHER_MARIA = Person.sender("Maria", "Dela Cruz", "1961-11-30", "06 00 00 00 22", "Paris");
    static final Person ORIANE = Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon");
    static final Person JEAN_MARC = Person.sender("Jean-Marc", "Testeur", "1970-01-20", "06 00 00 00 44", "Nantes");
    static final Person SYLVIE = Person.sender("Sylvie", "Exemplon", "1990-09-09", "06 00 00 00 55", "Lille");
    static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");
    static final Person ARIEL = Person.recipient("Ariel", "Sampol", "0917 000 0002");
    static final Person JOMAR = Person.recipient("Jomar", "Halimbawa", "0917 000 0003");

    private ResolutionFixture() {}

    /** The first export: references LUZ-*, MARIA-*, ORIANE-*, JM-*, SYLVIE-*. */
    static Path first(Path dir) {
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", LUZ, LORNA);
        e.transfer("LUZ-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("LUZ-3", LUZ.as("MARIA LUZ", "DELA CRUZ"), ARIEL);
        e.transfer("MARIA-1", OTHER_MARIA, JOMAR);
        e.transfer("MARIA-2", OTHER_MARIA.as("MARIA", "DELA CRUZ"), JOMAR);
        e.transfer("ORIANE-1", ORIANE, ARIEL);
        e.transfer("ORIANE-2", ORIANE.as("ORIANE", "FICTIVAL"), ARIEL);
        e.transfer("ORIANE-3", ORIANE, JOMAR);
        e.transfer("JM-1", JEAN_MARC, LORNA);
        e.transfer("JM-2", JEAN_MARC.as("Jean Marc", "Testeur"), LORNA);
        e.transfer("SYLVIE-1", SYLVIE, ARIEL);
        e.transfer("SYLVIE-2", SYLVIE, JOMAR);
        return e.write(dir.resolve("first.csv"));
    }

    /** The second export: more of the same people, spelled differently again. */
    static Path second(Path dir) {
        PartyExport e = new PartyExport();
        e.transfer("LUZ-4", LUZ.as("Ma. Luz", "Dela Cruz"), JOMAR);
        e.transfer("MARIA-3", OTHER_MARIA, LORNA);
        e.transfer("ORIANE-4", ORIANE.as("Oriane", "FICTIVAL"), LORNA);
        e.transfer("SYLVIE-3", SYLVIE.as("SYLVIE", "EXEMPLON"), LORNA);
        return e.write(dir.resolve("second.csv"));
    }

    static void importFile(Database db, Path file) {
        ImportOutcome outcome = new ImportService(db).importFile(ImportRequest.of(file, "canonical"), (b, t, r) -> {});
        if (!(outcome instanceof ImportOutcome.Imported)) throw new IllegalStateException("not imported: " + outcome);
    }

    /** The sender record id of the transfer with this reference. */
    static String sender(Database db, String reference) {
        return new RecordId(transferId(db, reference), Side.SENDER).toString();
    }

    static String recipient(Database db, String reference) {
        return new RecordId(transferId(db, reference), Side.RECIPIENT).toString();
    }

    private static long transferId(Database db, String reference) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id FROM transfer WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no transfer " + reference);
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> membership(Database db) {
        try (Connection c = db.connect()) {
            return ResolutionStore.membership(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entities as sets of record ids: comparable whatever the entities are called. */
    static Set<Set<String>> partition(Map<String, String> entityOf) {
        Map<String, Set<String>> byEntity = new HashMap<>();
        entityOf.forEach((record, entity) -> byEntity.computeIfAbsent(entity, e -> new HashSet<>()).add(record));
        return new HashSet<>(byEntity.values());
    }

    static List<String> senders(Database db, Collection<String> references) {
        List<String> ids = new ArrayList<>();
        for (String r : references) ids.add(sender(db, r));
        return ids;
    }
}
