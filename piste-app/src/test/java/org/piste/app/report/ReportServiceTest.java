package org.piste.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.pipeline.Services;
import org.piste.app.store.Database;
import org.piste.ingest.Hashing;
import org.piste.model.Side;

/** The report against the database: content, reproducibility, as-of, need-to-know and audit (real PostgreSQL). */
class ReportServiceTest {
    @TempDir static Path dir;
    static Database db;
    static Services services;
    static final Actor LEAD = Actor.user("inv", Role.INVESTIGATOR, Optional.empty());
    static final Actor OUTSIDER = Actor.user("inv2", Role.INVESTIGATOR, Optional.empty());
    static final Actor PROSECUTOR = Actor.user("proc", Role.PROSECUTOR, Optional.empty());
    static final Actor ADMIN = Actor.user("adm", Role.ADMIN, Optional.empty());

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        UserStore users = new UserStore(db.dataSource(), Passwords.encoder());
        for (Actor a : List.of(LEAD, OUTSIDER, PROSECUTOR, ADMIN)) {
            users.create(new UserStore.NewUser(a.username(), "Agent " + a.username(), a.role().orElseThrow(), "", ""),
                    "correct-horse-battery-staple", "test");
        }
        ReportFixture.demoData(db, 200, dir);
        services = Services.on(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static long caseWith(String reference, String record) {
        long id = services.caseService().create(LEAD, reference, "Rapport " + reference).summary().id();
        services.caseService().addSubject(LEAD, id, record, CaseFile.SubjectKind.FACILITATOR);
        return id;
    }

    @Test
    void theReportListsEveryTransferOfTheSubjectItsTotalsAndEverySourceFile() {
        String entity = ReportFixture.busiestRecipient(db);
        long id = caseWith("PARQ-RAP-1", entity);
        ReportService.Issued issued = services.reportService().report(LEAD, id, Optional.of(entity), Optional.empty(),
                Locale.FRANCE);
        String text = ReportFixture.text(issued.pdf());
        List<String> references = ReportFixture.references(db, entity);
        assertThat(references).hasSizeGreaterThan(5);
        assertThat(text).contains(references);
        assertThat(ReportFixture.printedTotals(text)).containsAll(ReportFixture.totals(db, entity));
        List<String> files = ReportFixture.sourceHashes(db, entity);
        assertThat(files).isNotEmpty();
        assertThat(text).contains(files);
        assertThat(text).contains(issued.snapshotSha256());

        ReportSnapshot s = stored(issued.snapshotId()).snapshot();
        assertThat(s.subjects()).singleElement().satisfies(p -> {
            assertThat(p.entityId()).isEqualTo(entity);
            assertThat(p.transfers()).extracting(ReportSnapshot.TransferLine::reference)
                    .containsExactlyInAnyOrderElementsOf(references);
            assertThat(p.transfers()).extracting(ReportSnapshot.TransferLine::at).isSorted();
            assertThat(p.variants().stream().mapToLong(v -> v.rows().size()).sum()).as("one row per record")
                    .isEqualTo(Long.parseLong(ReportFixture.strings(db,
                            "SELECT count(*) FROM entity_member WHERE entity_id = ?", entity).getFirst()));
            assertThat(p.network().stream().mapToInt(ReportSnapshot.NeighbourLine::transfers).sum())
                    .as("every transfer that moved money (not to itself) has a neighbour")
                    .isEqualTo(p.transfers().stream().filter(ReportTotals::moved).count());
            assertThat(p.screening()).isPresent();
        });
        assertThat(s.sources()).extracting(ReportSnapshot.SourcePart::sha256).containsExactlyElementsOf(files);
        assertThat(s.header().legalReferences()).isNotEmpty();
    }

    @Test
    void theSameAsOfGivesTheSameSnapshotAndAReissueTheSameBytes() {
        String entity = ReportFixture.busiestRecipient(db);
        long id = caseWith("PARQ-RAP-2", entity);
        Instant asOf = Instant.now();
        ReportService.Issued first = services.reportService().report(LEAD, id, Optional.empty(), Optional.of(asOf),
                Locale.FRANCE);
        ReportService.Issued again = services.reportService().report(LEAD, id, Optional.empty(), Optional.of(asOf),
                Locale.FRANCE);
        assertThat(again.snapshotSha256()).isEqualTo(first.snapshotSha256());
        assertThat(again.snapshotId()).isEqualTo(first.snapshotId());
        assertThat(Hashing.sha256(again.pdf())).as("the same PDF bytes").isEqualTo(Hashing.sha256(first.pdf()));
        ReportService.Issued reissued = services.reportService().reissue(PROSECUTOR, first.snapshotId(), Locale.FRANCE);
        assertThat(Hashing.sha256(reissued.pdf())).as("the same PDF bytes").isEqualTo(first.pdfSha256());
        assertThat(reissued.issueId()).isNotEqualTo(first.issueId());

        ReportSnapshots.Stored stored = stored(first.snapshotId());
        assertThat(ReportJson.read(ReportJson.write(stored.snapshot()))).isEqualTo(stored.snapshot());
        byte[] content = ReportFixture.rows(db, "SELECT encode(content, 'hex') FROM report_snapshot WHERE id = ?",
                first.snapshotId()).stream().map(r -> java.util.HexFormat.of().parseHex(r.getFirst())).findFirst()
                .orElseThrow();
        assertThat(Hashing.sha256(content)).isEqualTo(stored.sha256());
        String json = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).as("record components in order, not alphabetical; no indentation")
                .startsWith("{\"format\":1,\"header\":{\"caseId\":" + id + ",\"caseReference\":\"PARQ-RAP-2\"")
                .doesNotContain("\n");
        assertThat(json.indexOf("\"subjects\":")).isLessThan(json.indexOf("\"sources\":"));
        assertThat(json).as("instants in ISO-8601 UTC").contains("\"asOf\":\"" + ReportSnapshots.stored(asOf) + "\"");
        assertThat(ReportJson.read(content)).isEqualTo(stored.snapshot());
        assertThat(stored.asOf()).isEqualTo(ReportSnapshots.stored(asOf));
    }

    @Test
    void aDecisionMadeAfterTheAsOfIsNotInTheSnapshot() throws Exception {
        String entity = ReportFixture.busiestRecipient(db);
        long id = caseWith("PARQ-RAP-3", entity);
        Instant before = Instant.now();
        Thread.sleep(20);
        try (Connection c = db.connect()) {
            AlertDecisions.add(c, entity, Side.RECIPIENT, AlertDecisions.Kind.DISMISS, "Note tardive 42", "inv");
        }
        ReportService.Issued then = services.reportService().report(LEAD, id, Optional.empty(), Optional.of(before),
                Locale.FRANCE);
        ReportService.Issued now = services.reportService().report(LEAD, id, Optional.empty(), Optional.empty(),
                Locale.FRANCE);
        assertThat(decisions(then)).noneMatch(d -> d.note().equals("Note tardive 42"));
        assertThat(decisions(now)).anySatisfy(d -> {
            assertThat(d.note()).isEqualTo("Note tardive 42");
            assertThat(d.by()).isEqualTo("inv");
            assertThat(d.decision()).isEqualTo("DISMISS RECIPIENT");
        });
        assertThat(now.snapshotSha256()).isNotEqualTo(then.snapshotSha256());
    }

    @Test
    void rowsOfFilesImportedAfterTheAsOfAreNotInTheSnapshot() {
        String entity = ReportFixture.busiestRecipient(db);
        long id = caseWith("PARQ-RAP-5", entity);
        Instant asOf = Instant.parse("2001-01-01T00:00:00Z"); // before the demo's import
        // A subject added after the as-of is not in the snapshot at all.
        ReportService.Issued early = services.reportService().report(LEAD, id, Optional.empty(), Optional.of(asOf),
                Locale.FRANCE);
        assertThat(stored(early.snapshotId()).snapshot().subjects()).isEmpty();
        // Added (as if) in 2000: the subject is there, without the rows of the files imported after 2001.
        org.piste.app.store.Transactions.inTransaction(db.dataSource(), "backdate the subject", c -> {
            try (var ps = c.prepareStatement("UPDATE case_subject SET added_at = '2000-01-01T00:00:00Z' WHERE case_id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        ReportService.Issued before = services.reportService().report(LEAD, id, Optional.empty(), Optional.of(asOf),
                Locale.FRANCE);
        ReportSnapshot s = stored(before.snapshotId()).snapshot();
        assertThat(s.subjects()).hasSize(1);
        assertThat(s.subjects().getFirst().transfers()).isEmpty();
        assertThat(s.subjects().getFirst().variants()).isEmpty();
        assertThat(s.sources()).isEmpty();
        assertThat(s.header().legalReferences()).isEmpty();
    }

    private static List<ReportSnapshot.DecisionLine> decisions(ReportService.Issued issued) {
        return stored(issued.snapshotId()).snapshot().subjects().getFirst()
                .decisions();
    }

    @Test
    void onlyTheTeamAndProsecutorsGetTheReportAndEachIssueIsAuditedWithThePdfHash() {
        String entity = ReportFixture.busiestRecipient(db);
        long id = caseWith("PARQ-RAP-4", entity);
        for (Actor refused : List.of(OUTSIDER, ADMIN)) {
            assertThatThrownBy(() -> services.reportService().report(refused, id, Optional.empty(), Optional.empty(),
                    Locale.FRANCE)).as(refused.username()).isInstanceOf(CaseRefusal.NotFound.class);
        }
        ReportService.Issued issued = services.reportService().report(PROSECUTOR, id, Optional.empty(),
                Optional.empty(), Locale.ENGLISH);
        assertThatThrownBy(() -> services.reportService().reissue(OUTSIDER, issued.snapshotId(), Locale.FRANCE))
                .hasMessageContaining("snapshot");
        List<AuditEvent> events = new AuditLog(db.dataSource()).search(new AuditLog.Query("proc", "report.issued",
                "case:" + id, Optional.empty(), Long.MAX_VALUE, 10));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.caseId()).contains(id);
            assertThat(e.detail()).contains(issued.pdfSha256()).contains(issued.snapshotSha256())
                    .contains("snapshot " + issued.snapshotId()).contains("pages " + issued.pages());
        });
        assertThat(issued.pdfSha256()).isEqualTo(Hashing.sha256(issued.pdf()));
        assertThat(ReportFixture.strings(db, "SELECT pdf_sha256 FROM report_issue WHERE id = ?", issued.issueId()))
                .containsExactly(issued.pdfSha256());
        assertThat(ReportFixture.strings(db, "SELECT detail FROM case_event WHERE case_id = ? AND kind = 'report'", id))
                .singleElement().asString().contains(issued.pdfSha256());
        assertThat(services.reportService().verify(PROSECUTOR, issued.pdf())).hasValueSatisfying(p -> {
            assertThat(p.snapshotId()).isEqualTo(issued.snapshotId());
            assertThat(p.caseReference()).contains("PARQ-RAP-4");
        });
        assertThat(services.reportService().verify(OUTSIDER, issued.pdf())).hasValueSatisfying(p ->
                assertThat(p.caseReference()).isEmpty());
        assertThat(services.reportService().verify(PROSECUTOR, "%PDF-1.7 forged".getBytes())).isEmpty();
    }

    /** A stored snapshot read back, as ReportService reads it (the read is the report's, unaudited here). */
    private static ReportSnapshots.Stored stored(long id) {
        return org.piste.app.store.Transactions.inTransaction(db.dataSource(), "read the report snapshot",
                c -> ReportSnapshots.load(c, id)).orElseThrow();
    }
}
