package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;
import org.piste.app.store.OwnerOnly;

/**
 * A database superuser rewriting the audit trail: each attack runs on its own connection as the superuser, with
 * {@code session_replication_role = replica} so the append-only trigger does not fire, and {@code verify} must name
 * it. The superuser has everything in the database and nothing of PISTE_HOME: forgeries are made with the unkeyed
 * hash of before V16 or with a key of the attacker's own.
 */
class AuditTamperingTest {

    private static AuditEvent.Entry entry(int n) {
        return new AuditEvent.Entry("analyst", "entity.view", "entity:" + n + ":S", Optional.of(3L), "identity and transfers");
    }

    private static AuditLog trail(Database db, int events) {
        AuditLog log = new AuditLog(db.dataSource());
        for (int i = 1; i <= events; i++) log.append(entry(i));
        return log;
    }

    /** The superuser's own connection, outside Piste's pool, with triggers off. */
    private static Connection superuser(Database db) throws SQLException {
        String url;
        try (Connection c = db.connect()) {
            url = c.getMetaData().getURL();
        }
        Connection c = DriverManager.getConnection(url, "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        return c;
    }

    private static void sql(Database db, String sql) throws SQLException {
        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<AuditEvent> events(AuditLog log) {
        List<AuditEvent> all = new ArrayList<>(log.search(AuditLog.Query.latest(1000)));
        all.sort(Comparator.comparingLong(AuditEvent::seq));
        return all;
    }

    /** Rewrites events from {@code from} on with {@code hash} (the superuser's function), each after the last. */
    private static void rechain(Database db, AuditLog log, long from, String scheme, Rehash hash) throws SQLException {
        List<AuditEvent> all = events(log);
        String prev = from == 1 ? AuditChain.GENESIS : all.get((int) from - 2).hash();
        try (Connection c = superuser(db); PreparedStatement s = c.prepareStatement(
                "UPDATE audit_event SET prev_hash = ?, hash = ?, scheme = ? WHERE seq = ?")) {
            for (AuditEvent e : all.subList((int) from - 1, all.size())) {
                String h = hash.of(prev, e);
                s.setString(1, prev);
                s.setString(2, h);
                s.setString(3, scheme);
                s.setLong(4, e.seq());
                s.executeUpdate();
                prev = h;
            }
        }
    }

    private interface Rehash {
        String of(String prev, AuditEvent e);
    }

    private static String unkeyed(String prev, AuditEvent e) {
        return AuditChain.hash(prev, e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
    }

    private static Rehash withKey(AuditKey key) {
        return (prev, e) -> AuditChain.hash(key, prev, e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(),
                e.detail());
    }

    private static AuditKey attackersKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return AuditKey.of(secret);
    }

    @Test
    void deletingTheLastEventsIsNamedTruncation() throws SQLException {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = trail(db, 6);
            assertThat(log.checkpoint()).startsWith("checkpoint written: 6 events");
            assertThat(log.verify().intact()).isTrue();

            sql(db, "DELETE FROM audit_event WHERE seq > 4");

            AuditLog.Verification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("truncated: the trail ends at event 4 but the checkpoint of").endsWith("saw 6 events"));
            // Checkpointing the shorter trail afterwards does not hide it: the later checkpoint saw fewer.
            log.checkpoint();
            assertThat(log.verify().problems()).anySatisfy(p -> assertThat(p).startsWith("truncated: the checkpoint of")
                    .contains("saw 4 events, fewer than the 6"));
        }
    }

    @Test
    void editingAnEventAndRecomputingEveryLaterHashIsNamedRewrite() throws SQLException {
        for (Rehash forger : List.<Rehash>of(AuditTamperingTest::unkeyed, withKey(attackersKey()))) {
            try (Database db = TestDatabases.fresh()) {
                AuditLog log = trail(db, 8);
                log.checkpoint();
                sql(db, "UPDATE audit_event SET username = 'nobody' WHERE seq = 3");
                rechain(db, log, 3, "hmac-sha256", forger);

                AuditLog.Verification v = log.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.events()).isEqualTo(2);
                assertThat(v.firstProblem()).contains(
                        "rewritten: event 3 was altered after it was written (its HMAC does not match its content)");
                assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("rewritten: event 8 is not what the checkpoint of"));
            }
        }
    }

    @Test
    void downgradingEventsToTheUnkeyedHashIsNamedRewrite() throws SQLException {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = trail(db, 8);
            log.checkpoint();
            sql(db, "UPDATE audit_event SET username = 'nobody' WHERE seq = 3");
            rechain(db, log, 3, "sha256", AuditTamperingTest::unkeyed);
            assertThat(log.verify().firstProblem()).contains("rewritten: event 3 claims the unkeyed hash of before V16 after"
                    + " keyed events (so that it could be recomputed without the key)");
        }
        try (Database db = TestDatabases.fresh()) {
            // The whole trail downgraded reads as a consistent old trail: only the checkpoint outside the database tells.
            AuditLog log = trail(db, 8);
            log.checkpoint();
            sql(db, "UPDATE audit_event SET username = 'nobody' WHERE seq = 3");
            rechain(db, log, 1, "sha256", AuditTamperingTest::unkeyed);
            AuditLog.Verification v = log.verify();
            assertThat(v.legacyEvents()).isEqualTo(8);
            assertThat(v.problems()).singleElement().satisfies(p -> assertThat(p)
                    .startsWith("rewritten: event 8 is not what the checkpoint of"));
        }
    }

    @Test
    void insertingAnEventNotKeyedWithTheKeyIsNamedForgedAppend() throws SQLException {
        for (Rehash forger : List.<Rehash>of(AuditTamperingTest::unkeyed, withKey(attackersKey()))) {
            try (Database db = TestDatabases.fresh()) {
                AuditLog log = trail(db, 5);
                log.checkpoint();
                AuditEvent last = events(log).getLast();
                Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                AuditEvent forged = new AuditEvent(6, at, "investigator", "entity.view", "entity:9:S", Optional.empty(), "",
                        last.hash(), "");
                try (Connection c = superuser(db); PreparedStatement s = c.prepareStatement("INSERT INTO audit_event"
                        + " (seq, at, username, action, object, detail, prev_hash, hash, scheme)"
                        + " VALUES (6, ?, 'investigator', 'entity.view', 'entity:9:S', '', ?, ?, 'hmac-sha256')")) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, last.hash());
                    s.setString(3, forger.of(last.hash(), forged));
                    s.executeUpdate();
                }
                AuditLog.Verification v = log.verify();
                assertThat(v.events()).isEqualTo(5);
                assertThat(v.problems()).containsExactly("forged append or altered after the last checkpoint (5 events):"
                        + " event 6 is not keyed with this installation's key");
                // The timer and a stop do not anchor it either: a checkpoint vouches only for a last event that is keyed.
                assertThat(log.checkpoint()).startsWith("no checkpoint needed");
            }
        }
    }

    @Test
    void aTrailWrittenBeforeV16VerifiesWithItsKeyedContinuation() throws SQLException {
        try (Database db = TestDatabases.blank()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("15")
                    .javaMigrations(new org.piste.app.migration.V9__Link_evidence_parts()).load().migrate();
            // Three events as Piste wrote them before V16: plain SHA-256, no scheme column.
            String prev = AuditChain.GENESIS;
            try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_event"
                    + " (seq, at, username, action, object, case_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int seq = 1; seq <= 3; seq++) {
                    Instant at = Instant.parse("2026-11-0" + seq + "T10:00:00.123456Z");
                    String hash = AuditChain.hash(prev, seq, at, "analyst", "entity.view", "entity:" + seq + ":S",
                            Optional.of(3L), "identity and transfers");
                    s.setLong(1, seq);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setString(3, "analyst");
                    s.setString(4, "entity.view");
                    s.setString(5, "entity:" + seq + ":S");
                    s.setLong(6, 3L);
                    s.setString(7, "identity and transfers");
                    s.setString(8, prev);
                    s.setString(9, hash);
                    s.executeUpdate();
                    prev = hash;
                }
            }
            Database.migrated(db);
            AuditLog log = trail(db, 2);
            log.checkpoint();
            AuditLog.Verification v = log.verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.events()).isEqualTo(5);
            assertThat(v.legacyEvents()).isEqualTo(3);
            assertThat(v.checkpoints()).hasSize(1).first().asString().startsWith("5 events at ");

            // An old event is still held by its plain hash (and by the checkpoint of the keyed ones after it).
            sql(db, "UPDATE audit_event SET detail = 'nothing' WHERE seq = 2");
            assertThat(log.verify().firstProblem()).contains("event 2 was altered after it was written (its hash does not"
                    + " match its content)");
        }
    }

    @Test
    void anEditedOrRemovedCheckpointLineIsFound() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = trail(db, 2);
            log.checkpoint();
            log.append(entry(3));
            log.checkpoint();
            log.append(entry(4));
            log.checkpoint();
            Path file = db.home().resolve("audit-checkpoints");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.home().resolve("audit-key"))))
                    .isEqualTo("rw-------");
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).startsWith("3 " + events(log).get(2).hash() + " ");
            assertThat(log.verify().checkpoints()).hasSize(3);

            // Someone who can write the file but not read the key edits the count of line 2 to cover a truncation.
            Files.write(file, List.of(lines.get(0), lines.get(1).replaceFirst("^3 ", "2 "), lines.get(2)));
            assertThat(log.verify().problems()).containsExactly("checkpoint file altered: line 2 of " + file
                    + " does not match its MAC (a checkpoint was edited, removed or moved, or made with another key)");

            Files.write(file, List.of(lines.get(0), lines.get(2)));
            assertThat(log.verify().firstProblem().orElseThrow()).startsWith("checkpoint file altered: line 2 of " + file);
            Files.write(file, lines);
            assertThat(log.verify().intact()).isTrue();
        }
    }

    /**
     * Without a checkpoint file nothing shows a truncation or a rewrite: keyed events with the file deleted or emptied
     * are a problem, and neither the timer nor a stop starts the file again (only `piste audit checkpoint` does).
     */
    @Test
    void aDeletedOrEmptiedCheckpointFileIsNamedAndNotStartedAgainUnasked() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = trail(db, 3);
            log.checkpoint();
            Path file = db.home().resolve("audit-checkpoints");
            Files.delete(file);
            log.append(entry(4));
            try (Connection c = db.connect()) {
                AuditAnchor.of(c).tick();
            }
            assertThat(file).doesNotExist();
            assertThat(log.verify().problems()).containsExactly("no checkpoint: " + file + " is missing though 4 keyed"
                    + " events exist; if it was lost, `piste audit checkpoint` anchors the trail as it is now");

            Files.createFile(file, OwnerOnly.fileAttribute());
            try (Connection c = db.connect()) {
                AuditAnchor.of(c).tick();
            }
            assertThat(file).isEmptyFile();
            assertThat(log.verify().problems()).singleElement().asString()
                    .startsWith("no checkpoint: " + file + " is empty though 4 keyed events exist;");

            assertThat(log.checkpoint()).startsWith("checkpoint written: 4 events");
            assertThat(log.verify().problems()).isEmpty();
        }
    }

    /** A key or checkpoint file others may read or write (a backup restored with mode 0644) is refused. */
    @Test
    void aKeyOrCheckpointFileOpenToOthersIsRefused() throws Exception {
        Database db = TestDatabases.fresh();
        Path home = db.home();
        String url;
        try (db; Connection c = db.connect()) {
            trail(db, 2);
            url = c.getMetaData().getURL();
        }
        Path key = home.resolve("audit-key");
        Path file = home.resolve("audit-checkpoints");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database again = Database.external(url, "postgres", "", home)) {
            assertThatThrownBy(() -> new AuditLog(again.dataSource()).append(entry(3))).hasMessageEndingWith("the audit key "
                    + key + " can be read or changed by other accounts: chmod 600 " + key);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        try (Database again = Database.external(url, "postgres", "", home)) {
            AuditLog log = new AuditLog(again.dataSource());
            String refused = "the audit checkpoint file " + file + " can be read or changed by other accounts: chmod 600 " + file;
            assertThatThrownBy(log::verify).hasMessageEndingWith(refused);
            log.append(entry(3));
            assertThatThrownBy(log::checkpoint).hasMessageEndingWith(refused);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            assertThat(log.checkpoint()).startsWith("checkpoint written: 3 events");
            assertThat(log.verify().problems()).isEmpty();
        }
    }

    @Test
    void aLostKeyStopsAppendsRatherThanStartAnotherKey() throws Exception {
        Database db = TestDatabases.fresh();
        Path home = db.home();
        String url;
        try (db; Connection c = db.connect()) {
            trail(db, 2);
            url = c.getMetaData().getURL();
        }
        Files.delete(home.resolve("audit-key"));
        try (Database again = Database.external(url, "postgres", "", home)) {
            assertThatThrownBy(() -> new AuditLog(again.dataSource()).append(entry(3))).hasMessage("the audit key "
                    + home.resolve("audit-key") + " is missing but the audit trail has events keyed with one: restore it,"
                    + " or name it with PISTE_AUDIT_KEY_FILE");
            assertThat(home.resolve("audit-key")).doesNotExist();
        }
    }

    @Test
    void concurrentAppendsAndCheckpointsKeepAValidFile() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = new AuditLog(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 60; i++) {
                int n = i;
                pool.submit(() -> n % 3 == 0 ? log.checkpoint() : log.append(entry(n)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            log.checkpoint();
            AuditLog.Verification v = log.verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.checkpoints()).last().asString().startsWith("40 events at ");
        }
    }
}
