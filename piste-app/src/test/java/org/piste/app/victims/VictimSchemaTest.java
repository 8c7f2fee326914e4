package org.piste.app.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Sql;
import org.piste.app.store.Database;

/**
 * The hard rule of the domain, held by the schema: nothing about a victim can be written as free text but a short
 * administrative note. Every text column of the victim and compensation tables is on this list, each bounded by a
 * CHECK (a pattern, a list of values or a length); a new column (a "name", a "description") or a lifted cap fails here.
 */
class VictimSchemaTest {
    /** Column -> a fragment its CHECK must hold (what bounds it). */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("victim.pseudonym", "{0,39}"),
            Map.entry("victim.authority", "{0,79}"),
            Map.entry("victim.authority_country", "[A-Z]{2}"),
            Map.entry("victim.age_bracket", "'0-5'"),
            Map.entry("victim.note", "char_length(note) <= 200"),
            Map.entry("victim.created_by", "char_length(created_by) <= 100"),
            Map.entry("victim_facilitator.record_id", ":[SR]$"),
            Map.entry("victim_facilitator.added_by", "char_length(added_by) <= 100"),
            Map.entry("compensation_claim.claimant", "'CIVIL_PARTY'"),
            Map.entry("compensation_claim.buyer_record_id", ":[SR]$"),
            Map.entry("compensation_claim.currency", "[A-Z]{3}"),
            Map.entry("compensation_claim.created_by", "char_length(created_by) <= 100"),
            Map.entry("compensation_award.buyer_record_id", ":[SR]$"),
            Map.entry("compensation_award.currency", "[A-Z]{3}"),
            Map.entry("compensation_award.decision_reference", "{0,59}"),
            Map.entry("compensation_award.created_by", "char_length(created_by) <= 100"),
            Map.entry("compensation_payment.currency", "[A-Z]{3}"),
            Map.entry("compensation_payment.created_by", "char_length(created_by) <= 100"));
    private static final Set<String> FREE_TEXT = Set.of("victim.note");

    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.fresh();
    }

    @Test
    void everyTextColumnIsAllowedAndBoundedAndTheNoteIsTheOnlyFreeText() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT table_name || '.' || column_name"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND (table_name LIKE 'victim%'"
                + " OR table_name LIKE 'compensation%') AND data_type IN ('text', 'character varying', 'character',"
                + " 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED', 'xml') ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) columns.add(rs.getString(1));
        }
        assertThat(columns).as("text columns of the victim and compensation tables").containsExactlyInAnyOrderElementsOf(
                ALLOWED.keySet());
        for (String column : columns) {
            String[] tc = column.split("\\.");
            assertThat(checks(db, tc[0], tc[1])).as("the CHECK bounding " + column).anyMatch(
                    check -> check.contains(ALLOWED.get(column)));
        }
        assertThat(ALLOWED.keySet().stream().filter(k -> ALLOWED.get(k).startsWith("char_length(") && !k.endsWith("_by")
                && !FREE_TEXT.contains(k))).as("only a length bounds no code or reference").isEmpty();
    }

    /** The backstop behind the Java rule (Victim, Compensation): written past the service, the database refuses. */
    @Test
    void theDatabaseRefusesANameAsIdentifierAndALineBreakInAnAuthorityOrADecision() throws SQLException {
        Actor lead = VictimFixture.user(db, "schema-lead", Role.INVESTIGATOR);
        long caseId = new CaseService(db.dataSource()).create(lead, "PARQ-VIC-S", "Schéma").summary().id();
        String victim = "INSERT INTO victim (case_id, pseudonym, authority, authority_country, age_bracket, created_by)"
                + " VALUES (?,?,?,'PH','18+','t') RETURNING id";
        String award = "INSERT INTO compensation_award (victim_id, buyer_record_id, amount_minor, currency, decided_on,"
                + " decision_reference, created_by) VALUES (?,'1:S',100,'EUR',DATE '2026-01-01',?,'t') RETURNING id";
        try (Connection c = db.connect()) {
            long id = Sql.insert(c, victim, caseId, "PNP-WCPC-2026-0007", "Policía Nacional (PNP) - WCPC / O'Brien");
            Sql.insert(c, award, id, "TJ Paris 2026/123_b");
            for (String[] bad : List.of(new String[] {"Maria.Santos", "PNP"}, new String[] {"PNP-2", "PNP\nMaria"},
                    new String[] {"PNP-3", "A".repeat(81)})) {
                assertThat(refused(c, victim, caseId, bad[0], bad[1])).as(String.join(" ", bad)).isTrue();
            }
            assertThat(refused(c, award, id, "TJ Paris\nMaria Santos")).isTrue();
            assertThat(refused(c, award, id, "A".repeat(61))).isTrue();
        }
    }

    private static boolean refused(Connection c, String sql, Object... params) throws SQLException {
        c.setAutoCommit(true);
        try {
            Sql.insert(c, sql, params);
            return false;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("a CHECK violation").isEqualTo("23514");
            return true;
        }
    }

    /** The CHECK constraints on one column, as PostgreSQL writes them back. */
    private static List<String> checks(Database db, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT pg_get_constraintdef(k.oid)"
                + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_attribute a ON a.attrelid = t.oid"
                + " AND a.attnum = ANY (k.conkey) WHERE k.contype = 'c' AND t.relname = ? AND a.attname = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
