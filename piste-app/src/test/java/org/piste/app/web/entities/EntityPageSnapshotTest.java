package org.piste.app.web.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport.Person;
import org.piste.app.PartyExport;
import org.piste.app.TestDatabases;
import org.piste.app.entities.EntityQueries;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.resolve.Decision;

/**
 * A resolution run that commits while an entity view is being read: the view shows the run it started with, whole.
 * The run is committed from other connections between the view's first query and its second, as a concurrent refresh
 * would be.
 */
class EntityPageSnapshotTest {
    static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");

    @TempDir Path dir;
    Database db;
    String luz1;
    String luz2;

    @BeforeEach
    void resolvedOnePersonWrittenThreeWays() throws Exception {
        db = TestDatabases.fresh();
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", LUZ, LORNA);
        e.transfer("LUZ-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("LUZ-3", LUZ.as("MARIA LUZ", "DELA CRUZ"), LORNA);
        ImportOutcome outcome = new ImportService(db).importFile(ImportRequest.of(e.write(dir.resolve("luz.csv")),
                "canonical"), (b, t, r) -> {});
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        new ResolutionService(db).run(ResolutionService.Mode.FULL).orElseThrow();
        luz1 = new RecordId(transferId("LUZ-1"), Side.SENDER).toString();
        luz2 = new RecordId(transferId("LUZ-2"), Side.SENDER).toString();
    }

    @Test
    void theApisProfileShowsTheRunItStartedWith() {
        EntityPage before = EntityPage.profile(db.dataSource(), luz1);
        assertThat(before.profile().entity().size()).isEqualTo(3);

        AtomicInteger fired = new AtomicInteger();
        EntityPage during = EntityPage.profile(splitDuringRead(fired), luz1);

        assertThat(fired).as("the new run committed during the read").hasValue(1);
        assertThat(seen(during)).isEqualTo(seen(before));
        EntityPage after = EntityPage.profile(db.dataSource(), luz1);
        assertThat(seen(after)).as("the new run split the entity").isNotEqualTo(seen(before));
        assertThat(after.profile().decisions()).hasSize(1);
    }

    @Test
    void thePageShowsTheRunItStartedWith() {
        EntityPage before = EntityPage.page(db.dataSource(), luz1, EntityPageSnapshotTest::firstPage);

        AtomicInteger fired = new AtomicInteger();
        EntityPage during = EntityPage.page(splitDuringRead(fired), luz1, EntityPageSnapshotTest::firstPage);

        assertThat(fired).hasValue(1);
        assertThat(seen(during)).isEqualTo(seen(before));
        assertThat(transfers(during)).isEqualTo(transfers(before)).hasSize(3);
    }

    /** What must agree within one view: members, links, counts, decisions and the name. */
    private static List<Object> seen(EntityPage page) {
        EntityQueries.Entity e = page.profile().entity();
        return List.of(e.id(), e.size(), e.members().stream().map(EntityQueries.Member::recordId).toList(), e.linkCount(),
                e.links().stream().map(l -> l.recordA() + "-" + l.recordB() + " " + l.origin()).toList(),
                page.profile().decisions().size(), page.profile().name());
    }

    private static List<String> transfers(EntityPage page) {
        return page.transfers().orElseThrow().rows().stream().map(t -> t.reference() + " " + t.counterpartyEntity()).toList();
    }

    private static EntityTransfers.Query firstPage(String entity) {
        return new EntityTransfers.Query(entity, EntityTransfers.Sort.DATE, false, 1, Optional.empty());
    }

    /**
     * Connections of the database that, before the second statement they prepare, record that luz1 and luz2 are two
     * people and run the resolution again, committed from other connections (once).
     */
    private DataSource splitDuringRead(AtomicInteger fired) {
        DataSource real = db.dataSource();
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!method.getName().equals("getConnection")) return result;
                    Connection c = (Connection) result;
                    AtomicInteger prepared = new AtomicInteger();
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && prepared.incrementAndGet() == 2
                                        && fired.getAndIncrement() == 0) {
                                    Transactions.inTransaction(db.dataSource(), "decide", d ->
                                            DecisionStore.add(d, luz1, luz2, Decision.Kind.NOT_SAME, "analyst-1", "two people"));
                                    ResolutionService.Summary run = new ResolutionService(db)
                                            .run(ResolutionService.Mode.INCREMENTAL).orElseThrow();
                                    assertThat(run.decisions()).isEqualTo(1);
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private long transferId(String reference) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM transfer WHERE reference = '" + reference + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
