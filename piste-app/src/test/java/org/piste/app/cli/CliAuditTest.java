package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.store.Database;

/**
 * {@code piste audit checkpoint} and {@code verify} on Piste's own embedded server: every command that touched the
 * trail leaves a checkpoint when it ends, and the superuser's deletion of the last events afterwards is named, with
 * exit code 1.
 */
class CliAuditTest {
    @TempDir Path home;

    private CliEndToEndTest.Run piste(String... args) {
        return CliEndToEndTest.owner(home, args);
    }

    @Test
    void aCommandEndsWithACheckpointAndVerifyNamesTheTruncationThatFollows() throws Exception {
        assertThat(piste("audit", "list").exit()).isZero(); // event 1: this search of the trail
        assertThat(piste("audit", "list").exit()).isZero(); // event 2
        assertThat(Files.readAllLines(home.resolve("audit-checkpoints"))).hasSize(2).last().asString().startsWith("2 ");
        CliEndToEndTest.Run checkpoint = piste("audit", "checkpoint");
        assertThat(checkpoint.out()).isEqualTo("no checkpoint needed: the last one already anchors the trail's last event.\n");
        assertThat(piste("audit", "verify").out()).contains("0 of them use the unkeyed hash of before V16; 2 checkpoints,"
                + " the last of 2 events at ");

        // The superuser, connected to the same server, switches triggers off and deletes event 2.
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""));
                Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM audit_event WHERE seq = 2");
            s.execute("RESET session_replication_role");
        }
        CliEndToEndTest.Run verify = piste("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.errorLines()).singleElement().asString()
                .startsWith("piste: error: audit trail broken after 1 good events: truncated: the trail ends at event 1"
                        + " but the checkpoint of ").endsWith(" saw 2 events.");
    }

    @Test
    void aDeletedCheckpointFileIsAnErrorThatCommandsDoNotHide() throws Exception {
        assertThat(piste("audit", "list").exit()).isZero(); // event 1, anchored when the command ends
        Path file = home.resolve("audit-checkpoints");
        Files.delete(file);
        for (int i = 0; i < 2; i++) { // the first verify's own end does not write a new file either
            CliEndToEndTest.Run verify = piste("audit", "verify");
            assertThat(verify.exit()).isEqualTo(1);
            assertThat(verify.errorLines()).singleElement().asString().startsWith("piste: error: audit trail broken after")
                    .contains("no checkpoint: " + file + " is missing though").endsWith(" keyed events exist; if it was lost,"
                            + " `piste audit checkpoint` anchors the trail as it is now.");
            assertThat(file).doesNotExist();
        }
        assertThat(piste("audit", "checkpoint").out()).startsWith("checkpoint written: ");
        assertThat(piste("audit", "verify").exit()).isZero();
    }
}
