package org.piste.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport.Person;
import org.piste.app.PartyExport;
import org.piste.app.TestDatabases;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.store.Database;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.resolve.Decision;

/** The one door for changes: a change and its audit line commit together or not at all, then the refresh runs. */
class ChangesTest {
    private static final Actor ANALYST = Actor.user("analyst-3", Role.ANALYST, Optional.of(12L));
    private static Database database;
    private static Changes changes;
    /** The two transfers' sender and recipient records, e.g. "12:S", read back by reference. */
    private static String senderA1;
    private static String senderA2;
    private static String recipientA1;
    private static String recipientA2;

    @BeforeAll
    static void importTwoTransfers(@TempDir Path dir) {
        database = TestDatabases.fresh();
        changes = new Changes(database);
        PartyExport e = new PartyExport();
        Person lorna = Person.recipient("Lorna", "Testado", "0917 000 0001");
        e.transfer("A-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"), lorna);
        e.transfer("A-2", Person.sender("Sylvie", "Exemplon", "1990-09-09", "06 00 00 00 55", "Lille"), lorna);
        var imported = changes.importTransfers(ANALYST, ImportRequest.of(e.write(dir.resolve("two.csv")), "canonical"),
                (bytes, total, rows) -> {});
        assertThat(imported.outcome()).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(imported.refresh()).as("a real import is followed by a refresh").isPresent();
        assertThat(imported.refresh().get().resolution()).isPresent();
        senderA1 = new RecordId(transferId("A-1"), Side.SENDER).toString();
        senderA2 = new RecordId(transferId("A-2"), Side.SENDER).toString();
        recipientA1 = new RecordId(transferId("A-1"), Side.RECIPIENT).toString();
        recipientA2 = new RecordId(transferId("A-2"), Side.RECIPIENT).toString();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anImportIsAuditedForItsUserAndCase() {
        var events = new AuditLog(database.dataSource()).search(new AuditLog.Query("analyst-3", "import.store", "source:",
                Optional.empty(), Long.MAX_VALUE, 10));
        assertThat(events).singleElement().satisfies(ev -> {
            assertThat(ev.caseId()).contains(12L);
            assertThat(ev.detail()).contains("file=two.csv").contains("accepted=2 quarantined=0 duplicates=0");
        });
    }

    @Test
    void aRulingIsStoredAuditedAndRefreshed() {
        var changed = changes.decideSamePerson(ANALYST, senderA1, senderA2, Decision.Kind.NOT_SAME, " two people ");

        assertThat(changed.change().decidedBy()).isEqualTo("analyst-3");
        assertThat(changed.change().note()).isEqualTo("two people");
        assertThat(changed.refresh().resolution()).as("the ruling is applied at once").isPresent();
        assertThat(changed.decided().refresh().resolutionRun()).isEqualTo(changed.refresh().resolution().map(r -> r.runId()));
        assertThat(new AuditLog(database.dataSource()).search(new AuditLog.Query("analyst-3", "entity.decide",
                "records:" + senderA1 + "," + senderA2, Optional.empty(), Long.MAX_VALUE, 10)))
                .singleElement().satisfies(ev -> assertThat(ev.detail()).isEqualTo("NOT_SAME note=two people"));
    }

    @Test
    void whenTheAuditLineCannotBeWrittenTheChangeIsNotStored() throws SQLException {
        long before = count("analyst_decision");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused';"
                    + " END $$");
            s.execute("CREATE TRIGGER refuse BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse()");
        }
        try {
            assertThatThrownBy(() -> changes.decideSamePerson(ANALYST, recipientA1, recipientA2, Decision.Kind.SAME, ""))
                    .hasMessageContaining("audit refused");
            assertThat(count("analyst_decision")).as("no change without its audit line").isEqualTo(before);
        } finally {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER refuse ON audit_event");
                s.execute("DROP FUNCTION refuse()");
            }
        }
    }

    @Test
    void aRulingAtTheConsoleIsSignedByTheAccountSignedInAndAuditedWithTheOsAccount() {
        var changed = changes.decideSamePerson(Actor.atConsole("analyst-7", Role.ANALYST, "operator"), senderA2, recipientA1,
                Decision.Kind.NOT_SAME, "");

        assertThat(changed.change().decidedBy()).isEqualTo("analyst-7");
        assertThat(new AuditLog(database.dataSource()).search(new AuditLog.Query("analyst-7", "entity.decide",
                "records:" + senderA2 + "," + recipientA1, Optional.empty(), Long.MAX_VALUE, 10)))
                .singleElement().satisfies(ev -> {
                    assertThat(ev.caseId()).isEmpty();
                    assertThat(ev.detail()).isEqualTo("NOT_SAME [console, OS account operator]");
                });
    }

    private static long transferId(String reference) {
        try (Connection c = database.connect(); var ps = c.prepareStatement("SELECT id FROM transfer WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
