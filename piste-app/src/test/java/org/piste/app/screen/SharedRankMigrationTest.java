package org.piste.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
import org.piste.app.migration.V9__Link_evidence_parts;
import org.piste.app.store.Database;

/**
 * Scores stored before schema 10 keep their order as positions and get shared ranks, per run and side; their
 * contributions are stored once each and read back whole through the entity_score view.
 */
class SharedRankMigrationTest {
    @Test
    void storedScoresKeepTheirOrderAndEqualScoresGetOneRank() throws SQLException {
        Database db = TestDatabases.blank();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
                .javaMigrations(new V9__Link_evidence_parts()).target("9").load().migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (int run = 1; run <= 2; run++) {
                s.execute("INSERT INTO screening_run (started_at, finished_at, rule_set_version, transfers, senders, recipients, "
                        + "seeds) VALUES (now(), now(), 'v', 0, 0, 0, 0)");
            }
            s.execute("INSERT INTO entity_score (run_id, side, rank, entity_id, score, contributions) VALUES "
                    + "(1, 'SENDER', 1, 'a', 9, '[{\"indicator\": \"night\", \"points\": 9}]'), (1, 'SENDER', 2, 'b', 4, '[]'), (1, 'SENDER', 3, 'c', 4, '[]'), "
                    + "(1, 'SENDER', 4, 'd', 0, '[]'), (1, 'SENDER', 5, 'e', 0, '[]'), "
                    + "(1, 'RECIPIENT', 1, 'r', 0, '[]'), (1, 'RECIPIENT', 2, 's', 0, '[]'), "
                    + "(2, 'SENDER', 1, 'c', 7, '[]'), (2, 'SENDER', 2, 'a', 7, '[{\"points\": 9, \"indicator\": \"night\"}]'), "
                    + "(2, 'SENDER', 3, 'b', 1, '[{\"indicator\": \"low_value\", \"points\": 1}]')");
        }

        Database.migrated(db);

        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT run_id, side, position, rank, entity_id, contributions->0->>'indicator' FROM entity_score "
                + "ORDER BY run_id, side DESC, position")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4) + " " + rs.getString(5)
                        + " " + rs.getString(6));
            }
        }
        assertThat(rows).containsExactly("1 SENDER 1 1 a night", "1 SENDER 2 2 b null", "1 SENDER 3 2 c null",
                "1 SENDER 4 4 d null", "1 SENDER 5 4 e null", "1 RECIPIENT 1 1 r null", "1 RECIPIENT 2 1 s null",
                "2 SENDER 1 1 c null", "2 SENDER 2 1 a night", "2 SENDER 3 3 b low_value");
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM score_contributions")) {
            rs.next();
            assertThat(rs.getLong(1)).as("[], night (written in two key orders, one jsonb value), low_value").isEqualTo(3);
        }
    }
}
