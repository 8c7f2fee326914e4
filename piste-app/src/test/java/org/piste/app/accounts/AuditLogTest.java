package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;

class AuditLogTest {

    private static AuditEvent.Entry entry(String user, String object) {
        return new AuditEvent.Entry(user, "entity.view", object, Optional.of(3L), "identity and transfers");
    }

    @Test
    void intactChainVerifiesAndEveryKindOfTamperingIsFound() throws SQLException {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = new AuditLog(db.dataSource());
            for (int i = 1; i <= 5; i++) log.append(entry("analyst", "entity:" + i + ":S"));
            AuditLog.Verification ok = log.verify();
            assertThat(ok.intact()).isTrue();
            assertThat(ok.events()).isEqualTo(5);

            assertThatThrownBy(() -> sql(db, "UPDATE audit_event SET username = 'nobody' WHERE seq = 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql(db, "DELETE FROM audit_event WHERE seq = 2")).hasMessageContaining("append-only");

            // A superuser can still switch the trigger off: the chain is what catches it.
            tamper(db, "UPDATE audit_event SET username = 'nobody' WHERE seq = 2");
            AuditLog.Verification altered = log.verify();
            assertThat(altered.intact()).isFalse();
            assertThat(altered.events()).isEqualTo(1);
            assertThat(altered.firstProblem().get()).contains("event 2").contains("altered");

            tamper(db, "UPDATE audit_event SET username = 'analyst' WHERE seq = 2");
            assertThat(log.verify().intact()).isTrue();
            tamper(db, "DELETE FROM audit_event WHERE seq = 3");
            assertThat(log.verify().firstProblem().get()).contains("event 3 is missing");
        }
    }

    @Test
    void rewritingAnEventWithAFreshUnkeyedHashIsFoundAtThatEvent() throws SQLException {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = new AuditLog(db.dataSource());
            for (int i = 1; i <= 3; i++) log.append(entry("analyst", "entity:" + i + ":S"));
            AuditEvent second = log.search(AuditLog.Query.latest(10)).stream().filter(e -> e.seq() == 2).findFirst().orElseThrow();
            String forged = AuditChain.hash(second.prevHash(), 2, second.at(), "nobody", second.action(), second.object(),
                    second.caseId(), second.detail());
            tamper(db, "UPDATE audit_event SET username = 'nobody', hash = '" + forged + "' WHERE seq = 2");
            // Its new hash is not keyed: the event itself is named (before V16, only the next link broke).
            assertThat(log.verify().firstProblem().get()).contains("event 2 is not keyed with this installation's key");
        }
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            AuditLog log = new AuditLog(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 80; i++) {
                int n = i;
                pool.submit(() -> log.append(entry("user" + (n % 4), "entity:" + n + ":R")));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            AuditLog.Verification v = log.verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.events()).isEqualTo(80);
        }
    }

    private static void sql(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void tamper(Database db, String sql) throws SQLException {
        sql(db, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update; " + sql
                + "; ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
    }
}
