package org.piste.app.requisitions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Lateness;
import org.piste.app.cli.RequisitionCommand;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.pipeline.Services;
import org.piste.app.refusals.Refused;
import org.piste.app.requisitions.Requisition.Identifier;
import org.piste.app.store.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requisitions on the real database: answers linked at import and the other way, numbering, LATE, need-to-know. */
class RequisitionsTest {
    private static final Actor LEAD = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());
    private static final Actor OUTSIDER = Actor.user("investigator2", Role.INVESTIGATOR, Optional.empty());
    private static final Actor PROSECUTOR = Actor.user("prosecutor", Role.PROSECUTOR, Optional.empty());
    private static final Actor IMPORTER = Actor.user("analyst", Role.ANALYST, Optional.empty());
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2024, 1, 31);
    @TempDir static Path dir;
    static Database database;
    static CaseService cases;
    static long caseId;

    @BeforeAll
    static void aCaseWithASubjectAndEvidence() {
        database = TestDatabases.fresh();
        UserStore users = new UserStore(database.dataSource(), Passwords.encoder());
        for (Actor a : List.of(LEAD, OUTSIDER, PROSECUTOR, IMPORTER)) {
            users.create(new UserStore.NewUser(a.username(), "Test " + a.username(), a.role().orElseThrow(), "unit",
                    a.username() + "@test.invalid"), "correct-horse-battery-staple", "test");
        }
        PartyExport e = new PartyExport();
        e.transfer("A-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        importFile(e, "a.csv", "");
        cases = new CaseService(database.dataSource());
        caseId = cases.create(LEAD, new CaseService.NewCase("PARQ-REQ-1", "Réquisitions")).summary().id();
        long a1 = JdbcClient.create(database.dataSource()).sql("SELECT id FROM transfer WHERE reference = 'A-1'")
                .query(Long.class).single();
        cases.addSubject(LEAD, caseId, a1 + ":S", CaseFile.SubjectKind.BUYER);
        cases.addEvidence(LEAD, caseId, "A-1", "");
        // The outsider has a case of their own, so that seeing no deadline is need-to-know, not an empty list.
        cases.create(OUTSIDER, new CaseService.NewCase("PARQ-OUTSIDER", "Autre équipe"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theDemoPathDraftsSendsAndTheImportCarryingItsNumberAnswersIt() {
        Services s = at("2026-03-01T10:00:00Z");
        Requisition sent = RequisitionCommand.draftForDemo(s, LEAD, caseId, "REQ-X", "MTO-FICTIF", JAN_1, JAN_31,
                LocalDate.of(2026, 3, 1));
        assertThat(sent.status()).isEqualTo(Requisition.Status.SENT);
        assertThat(sent.dueOn()).contains(LocalDate.of(2026, 3, 31));
        assertThat(sent.identifiers()).contains(new Identifier("NAME", "Oriane Fictival (1979-05-05)"),
                new Identifier("PHONE", "06 00 00 00 33"));
        assertThat(sent.refs()).containsExactly("A-1");

        PartyExport other = new PartyExport();
        other.transfer("Z-1", Person.sender("Autre", "Personne", "1980-01-01", "06 00 00 00 77", "Nice"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        long unrelated = importFile(other, "other.csv", "REQ-Y");
        PartyExport answer = new PartyExport();
        answer.transfer("B-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        answer.transfer("B-2", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0002"));
        answer.transfer("B-2", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0002"));
        long source = importFile(answer, "answer.csv", "req-x ");

        Requisition answered = s.requisitionService().show(LEAD, caseId, sent.id());
        assertThat(answered.status()).isEqualTo(Requisition.Status.ANSWERED);
        assertThat(answered.answers()).singleElement().satisfies(a -> {
            assertThat(a.sourceId()).isEqualTo(source).isNotEqualTo(unrelated);
            // Three rows, the third a repeat of the second: counted as the source file counted them.
            assertThat(List.of(a.rowsRead(), a.rowsAccepted(), a.rowsQuarantined(), a.rowsDuplicate()))
                    .containsExactly(3L, 2L, 0L, 1L);
        });
        assertThat(cases.view(LEAD, caseId).timeline()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("requisition.answered");
            assertThat(t.username()).isEqualTo("analyst");
        });
        assertThat(new AuditLog(database.dataSource()).search(new AuditLog.Query("analyst", "case.requisition.answered",
                "", Optional.empty(), Long.MAX_VALUE, 10))).singleElement()
                .satisfies(ev -> assertThat(ev.detail()).isEqualTo("requisition:" + sent.id() + " source:" + source));
    }

    @Test
    void anAnswerImportedBeforeTheRequisitionIsLinkedWhenTheRequisitionIsDrafted() {
        PartyExport e = new PartyExport();
        e.transfer("C-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0003"));
        long source = importFile(e, "urgent.csv", "REQ-PHONE-7");

        Requisition r = at("2026-03-01T10:00:00Z").requisitionService().draft(LEAD, caseId, new RequisitionService
                .NewRequisition(Optional.of(" req-phone-7 "), "MTO-FICTIF", Requisition.AddresseeKind.OPERATOR,
                Requisition.LegalBasis.ART_60_1, JAN_1, JAN_31, List.of()));

        assertThat(r.number()).isEqualTo("req-phone-7");
        assertThat(r.status()).isEqualTo(Requisition.Status.ANSWERED);
        assertThat(r.answers()).extracting(Requisition.Answer::sourceId).containsExactly(source);
    }

    @Test
    void numbersAreGivenPerYearInParisAndNeverTwice() {
        // 23:30 UTC on 31 December is already 1 January in Paris.
        RequisitionService s = at("2026-12-31T23:30:00Z").requisitionService();
        assertThat(draft(s, Optional.empty()).number()).isEqualTo("REQ-2027-0001");
        assertThat(draft(s, Optional.empty()).number()).isEqualTo("REQ-2027-0002");
        assertThat(draft(s, Optional.of("REQ-2027-0041")).number()).isEqualTo("REQ-2027-0041");
        assertThat(draft(s, Optional.empty()).number()).isEqualTo("REQ-2027-0042");
        assertThatThrownBy(() -> draft(s, Optional.of(" req-2027-0041"))).isInstanceOf(Refused.class)
                .hasMessageContaining("req-2027-0041");
    }

    @Test
    void aSentRequisitionIsLateFromMidnightInParisAfterItsDueDate() {
        RequisitionService early = at("2026-11-01T09:00:00Z").requisitionService();
        Requisition r = early.markSent(LEAD, caseId, draft(early, Optional.of("REQ-LATE-1")).id(),
                LocalDate.of(2026, 11, 1), Optional.of(LocalDate.of(2026, 11, 30)));
        // Paris is UTC+1 in November: 22:59:59 UTC is still the 30th there, 23:00 UTC is the 1st of December.
        assertThat(shown(r, "2026-11-30T22:59:59Z")).isEqualTo(Requisition.Shown.SENT);
        assertThat(shown(r, "2026-11-30T23:00:00Z")).isEqualTo(Requisition.Shown.LATE);
        assertThat(deadline("2026-11-22T12:00:00Z", LEAD)).as("8 days ahead: not yet due this week").isEmpty();
        assertThat(deadline("2026-11-23T12:00:00Z", LEAD)).as("7 days ahead").hasValueSatisfying(d ->
                assertThat(d.late()).isFalse());
        assertThat(deadline("2026-11-30T22:59:59Z", LEAD)).hasValueSatisfying(d -> assertThat(d.late()).isFalse());
        assertThat(deadline("2026-11-30T23:00:00Z", LEAD)).hasValueSatisfying(d -> assertThat(d.late()).isTrue());
        assertThat(deadline("2026-11-30T23:00:00Z", PROSECUTOR)).isPresent();
        assertThat(deadline("2026-11-30T23:00:00Z", OUTSIDER)).as("another team's case").isEmpty();
        assertThat(deadline("2026-11-30T23:00:00Z", Actor.user("admin", Role.ADMIN, Optional.empty()))).isEmpty();

        Requisition draft = draft(early, Optional.of("REQ-LATE-DRAFT"));
        assertThat(Lateness.isLate(draft.status().name(), Optional.of(LocalDate.of(2026, 1, 1)),
                LocalDate.of(2026, 12, 1))).as("a draft is never late").isFalse();
    }

    @Test
    void whoDoesNotSeeTheCaseSeesNoneOfItsRequisitions() {
        RequisitionService s = at("2026-03-01T10:00:00Z").requisitionService();
        Requisition r = draft(s, Optional.of("REQ-NTK-1"));
        assertThatThrownBy(() -> s.list(OUTSIDER, caseId)).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> s.show(OUTSIDER, caseId, r.id())).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> draft(s, OUTSIDER, Optional.of("REQ-NTK-2"))).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> s.markSent(OUTSIDER, caseId, r.id(), LocalDate.of(2026, 3, 1), Optional.empty()))
                .isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> s.byNumber(OUTSIDER, "REQ-NTK-1")).isInstanceOf(Refused.class)
                .hasMessageContaining("No requisition REQ-NTK-1");
        assertThat(s.byNumber(PROSECUTOR, "req-ntk-1").id()).isEqualTo(r.id());

        long otherCase = cases.create(OUTSIDER, new CaseService.NewCase("PARQ-OTHER", "Autre")).summary().id();
        assertThatThrownBy(() -> s.show(OUTSIDER, otherCase, r.id())).as("a requisition of another case")
                .isInstanceOf(CaseRefusal.NotFound.class);
        assertThat(new AuditLog(database.dataSource()).search(new AuditLog.Query("prosecutor", "requisition.view", "",
                Optional.empty(), Long.MAX_VALUE, 10))).isNotEmpty();
    }

    @Test
    void theFrenchTextNamesTheArticleThePeriodTheIdentifiersAndTheMtcns() {
        Requisition r = draft(at("2026-03-01T10:00:00Z").requisitionService(), Optional.of("REQ-TEXT-1"));
        String text = RequisitionText.of(r);
        assertThat(text).contains("RÉQUISITION N° REQ-TEXT-1", "Procédure : PARQ-REQ-1",
                "Vu l'article 77-1-1 du code de procédure pénale", "du 01/01/2024 au 31/01/2024",
                "- Téléphone : 06 00 00 00 33", "- A-1", "au format CSV", "en citant la référence REQ-TEXT-1");
    }

    private static Requisition draft(RequisitionService s, Optional<String> number) {
        return draft(s, LEAD, number);
    }

    private static Requisition draft(RequisitionService s, Actor a, Optional<String> number) {
        return s.draft(a, caseId, new RequisitionService.NewRequisition(number, "MTO-FICTIF",
                Requisition.AddresseeKind.OPERATOR, Requisition.LegalBasis.ART_77_1_1, JAN_1, JAN_31, List.of()));
    }

    private static Requisition.Shown shown(Requisition r, String instant) {
        return r.shown(Lateness.today(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
    }

    private static Optional<Deadlines.Deadline> deadline(String instant, Actor a) {
        return at(instant).deadlines().list(a).stream().filter(d -> d.number().equals("REQ-LATE-1")).findFirst();
    }

    private static Services at(String instant) {
        return Services.on(database, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static long importFile(PartyExport e, String name, String legalReference) {
        var imported = new org.piste.app.pipeline.Changes(database).importTransfers(IMPORTER, ImportRequest.of(
                e.write(dir.resolve(name)), "canonical").withLegalReference(legalReference), (bytes, total, rows) -> {});
        assertThat(imported.outcome()).isInstanceOf(ImportOutcome.Imported.class);
        return ((ImportOutcome.Imported) imported.outcome()).source().id();
    }
}
