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
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
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
            Map.entry("victim.authority", "char_length(authority)"),
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
            Map.entry("compensation_award.decision_reference", "char_length(decision_reference)"),
            Map.entry("compensation_award.created_by", "char_length(created_by) <= 100"),
            Map.entry("compensation_payment.currency", "[A-Z]{3}"),
            Map.entry("compensation_payment.created_by", "char_length(created_by) <= 100"));
    private static final Set<String> FREE_TEXT = Set.of("victim.note");

    @Test
    void everyTextColumnIsAllowedAndBoundedAndTheNoteIsTheOnlyFreeText() throws SQLException {
        Database db = TestDatabases.fresh();
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
                && !FREE_TEXT.contains(k))).as("bounded references, not free text").containsExactlyInAnyOrder(
                        "victim.authority", "compensation_award.decision_reference");
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
