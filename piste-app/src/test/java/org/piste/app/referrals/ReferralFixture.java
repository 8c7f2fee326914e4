package org.piste.app.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.store.Database;

/**
 * A small synthetic export (invented people) and a referral naming three subjects: one by a cited transfer
 * reference, one by a misspelled name and a phone in national form, one who is in no transfer.
 */
final class ReferralFixture {
    static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    static final Person ORIANE = Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon");
    static final Person JEAN_MARC = Person.sender("Jean-Marc", "Testeur", "1970-01-20", "06 00 00 00 44", "Nantes");
    static final Person SYLVIE = Person.sender("Sylvie", "Exemplon", "1990-09-09", "06 00 00 00 55", "Lille");
    static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");
    static final Person ARIEL = Person.recipient("Ariel", "Sampol", "0917 000 0002");

    static final String REFERRAL = """
            [
              {"referral_ref": "NCA-2024-000101", "agency": "NCA", "date": "2024-05-02",
               "subjects": [
                {"role": "BUYER", "name": "FICTIVALE Oriane", "city": "", "phone": "+33 6 00 00 XXXX", "email": "",
                 "transfer_refs": ["ORIANE-2", "NOT-STORED-9"]},
                {"role": "BUYER", "name": "Maria Luz Dela Kruz", "city": "Lyon", "phone": "06 00 00 00 11", "email": "",
                 "transfer_refs": []},
                {"role": "FACILITATOR", "name": "Analyn Kathangian", "city": "Cebu City", "phone": "0918 555 0199",
                 "email": "", "transfer_refs": []}
               ]}
            ]
            """;

    private ReferralFixture() {}

    static Path export(Path dir) {
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", LUZ, LORNA);
        e.transfer("LUZ-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("ORIANE-1", ORIANE, ARIEL);
        e.transfer("ORIANE-2", ORIANE.as("ORIANE", "FICTIVAL"), ARIEL);
        e.transfer("JM-1", JEAN_MARC, LORNA);
        e.transfer("JM-2", JEAN_MARC.as("Jean Marc", "Testeur"), ARIEL);
        e.transfer("SYLVIE-1", SYLVIE, ARIEL);
        return e.write(dir.resolve("export.csv"));
    }

    static Path referrals(Path dir) {
        return write(dir.resolve("referrals.json"), REFERRAL);
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the export and resolves it. */
    static void load(Database db, Path dir) {
        ImportOutcome outcome = new ImportService(db).importFile(ImportRequest.of(export(dir), "canonical"), (b, t, r) -> {});
        if (!(outcome instanceof ImportOutcome.Imported)) throw new IllegalStateException("not imported: " + outcome);
        new ResolutionService(db).run(ResolutionService.Mode.INCREMENTAL);
    }

    /** The current entity of the sender (side S) or recipient (R) of the transfer with this reference. */
    static String entity(Database db, String reference, char side) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT m.entity_id FROM transfer t "
                + "JOIN entity_member m ON m.record_id = t.id || ':' || ? WHERE t.reference = ?")) {
            ps.setString(1, String.valueOf(side));
            ps.setString(2, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no resolved transfer " + reference);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
