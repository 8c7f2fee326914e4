package org.piste.app.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.TestDatabases;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.TimelineDetail;
import org.piste.app.imports.ImportRequest;
import org.piste.app.pipeline.Changes;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Database;
import org.piste.ingest.Hashing;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests abroad on one small import of invented people: the package holds exactly what was chosen (and of a
 * person, only what the chosen transfers wrote), its manifest checks, it is the same bytes when made again, its
 * production is audited with the addressee and counts, an answer's import links the request, LATE is derived.
 */
class RequestsAbroadTest {
    @TempDir static Path files;
    static Database db;
    static CaseService cases;
    static RequestsAbroad requests;
    static JdbcClient jdbc;
    static final Actor LEAD = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());
    static final Actor OUTSIDER = Actor.user("investigator2", Role.INVESTIGATOR, Optional.empty());
    static final Actor PROSECUTOR = Actor.user("prosecutor", Role.PROSECUTOR, Optional.empty());
    static final String AUTHORITY = "Philippine National Police – Women and Children Protection Center";

    private static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    private static final Person ORIANE = Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon");
    private static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");
    static long caseId;
    static Map<String, Long> transfers = new TreeMap<>();

    @BeforeAll
    static void importAndOpenACase() {
        db = TestDatabases.fresh();
        UserStore users = new UserStore(db.dataSource(), Passwords.encoder());
        for (Actor a : List.of(LEAD, OUTSIDER, PROSECUTOR)) {
            users.create(new UserStore.NewUser(a.username(), "Test " + a.username(), a.role().orElseThrow(), "unit",
                    a.username() + "@test.invalid"), "correct-horse-battery-staple", "test");
        }
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", LUZ, LORNA);
        e.transfer("LUZ-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("ORIANE-1", ORIANE, LORNA);
        new Changes(db).importTransfers(LEAD, ImportRequest.of(e.write(files.resolve("parties.csv")), "canonical"),
                new Changes.ImportProgress() {
                    @Override
                    public void update(long bytesRead, long totalBytes, long rowsRead) {}
                });
        jdbc = JdbcClient.create(db.dataSource());
        for (String ref : List.of("LUZ-1", "LUZ-2", "ORIANE-1")) {
            transfers.put(ref, jdbc.sql("SELECT id FROM transfer WHERE reference = ?").param(ref).query(Long.class).single());
        }
        cases = new CaseService(db.dataSource());
        requests = new RequestsAbroad(db.dataSource(), Clock.systemUTC());
        caseId = cases.create(LEAD, new CaseService.NewCase("PARQ-EAI-1", "Entraide")).summary().id();
        cases.addSubject(LEAD, caseId, transfers.get("LUZ-1") + ":S", CaseFile.SubjectKind.BUYER);
        cases.addSubject(LEAD, caseId, transfers.get("ORIANE-1") + ":R", CaseFile.SubjectKind.FACILITATOR);
        cases.addEvidence(LEAD, caseId, "LUZ-1", "");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static RequestAbroad draft() {
        return requests.create(LEAD, caseId, new RequestsAbroad.NewRequest(Optional.empty(), RequestAbroad.Channel.POLICE,
                "Philippines", AUTHORITY, "Titulaires des comptes bénéficiaires ?"));
    }

    private static String record(String reference, String side) {
        return transfers.get(reference) + ":" + side;
    }

    @Test
    void thePackageHoldsExactlyTheChosenSubjectsAndTransfersAndOnlyWhatTheyWrote() throws IOException {
        assertThat(jdbc.sql("SELECT count(DISTINCT entity_id) FROM entity_member WHERE record_id IN (?, ?)")
                .params(record("LUZ-1", "S"), record("LUZ-2", "S")).query(Long.class).single())
                .as("precondition: both spellings of Luz are one entity").isEqualTo(1);
        RequestAbroad r = draft();
        requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-1", "S")), Set.of(transfers.get("LUZ-1")));

        Map<String, byte[]> zip = unzip(requests.makePackage(LEAD, caseId, r.id()).zip());

        assertThat(zip.keySet()).containsExactly("entities.ftm.json", "manifest.json", "subjects.csv", "transfers.csv");
        String transfersCsv = text(zip, "transfers.csv");
        assertThat(transfersCsv.lines().toList()).hasSize(2);
        assertThat(transfersCsv).contains("LUZ-1,MTO-FICTIF,2024-01-02T10:00+01:00,").contains(",100.00,EUR,")
                .doesNotContain("LUZ-2").doesNotContain("ORIANE");
        assertThat(text(zip, "subjects.csv").lines().toList()).hasSize(2);
        assertThat(text(zip, "subjects.csv")).contains(record("LUZ-1", "S") + ",").contains("BUYER")
                .doesNotContain("Lorna").doesNotContain("TESTADO");
        List<JsonNode> ftm = text(zip, "entities.ftm.json").lines().map(JsonMapper.shared()::readTree).toList();
        assertThat(ftm).extracting(n -> n.get("schema").asString()).containsExactly("Person", "Payment");
        assertThat(ftm.get(1).get("properties").get("transactionNumber").get(0).asString()).isEqualTo("LUZ-1");
        String all = String.join("", zip.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertThat(all).as("the other person, and what Luz's unchosen transfer wrote, stay home")
                .doesNotContain("Oriane").doesNotContain("Fictival").doesNotContain("Ma. Luz")
                .doesNotContain("De La Cruz").doesNotContain("LUZ-2");

        assertThatThrownBy(() -> requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-1", "S")),
                Set.of(transfers.get("ORIANE-1")))).as("a transfer of no chosen person").isInstanceOf(Refused.class)
                .hasMessageContaining("no sender or recipient chosen");
        assertThatThrownBy(() -> requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-2", "R")), Set.of()))
                .as("a record that is no subject of the case").isInstanceOf(Refused.class);
    }

    @Test
    void theManifestNamesEachFilesSha256AndThePackageIsTheSameBytesWhenMadeAgain() throws Exception {
        RequestAbroad r = draft();
        requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-1", "S"), record("ORIANE-1", "R")),
                Set.of(transfers.get("LUZ-1")));
        byte[] first = requests.makePackage(LEAD, caseId, r.id()).zip();
        Thread.sleep(2_100); // past the zip format's 2-second time resolution: a package made later, not at once
        byte[] second = requests.makePackage(LEAD, caseId, r.id()).zip();

        assertThat(second).as("byte-identical").isEqualTo(first);
        Map<String, byte[]> zip = unzip(first);
        JsonNode manifest = JsonMapper.shared().readTree(zip.get("manifest.json"));
        assertThat(manifest.get("request").asString()).isEqualTo(r.number());
        assertThat(manifest.get("addressee").get("country").asString()).isEqualTo("PH");
        assertThat(manifest.get("files")).hasSize(3);
        for (JsonNode f : manifest.get("files")) {
            assertThat(f.get("sha256").asString()).as(f.get("name").asString())
                    .isEqualTo(Hashing.sha256(zip.get(f.get("name").asString())));
        }
        assertThat(manifest.get("subjects").asInt()).isEqualTo(2);
        assertThat(manifest.get("transfers").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT manifest_sha256 FROM request_package WHERE request_id = ?").param(r.id())
                .query(String.class).list()).hasSize(2).containsOnly(Hashing.sha256(zip.get("manifest.json")));
    }

    @Test
    void producingAPackageIsAuditedWithTheAddresseeAndTheCountsAndGoesOnTheTimeline() {
        RequestAbroad r = draft();
        requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-1", "S"), record("ORIANE-1", "R")),
                Set.of(transfers.get("LUZ-1")));
        var made = requests.makePackage(LEAD, caseId, r.id());

        List<AuditEvent> events = new AuditLog(db.dataSource()).search(new AuditLog.Query("investigator",
                "request.package", "", Optional.empty(), Long.MAX_VALUE, 100));
        assertThat(events).filteredOn(ev -> ev.object().equals("request:" + r.id())).singleElement().satisfies(ev ->
                assertThat(ev.detail()).contains("to " + AUTHORITY + " (PH) via POLICE: 2 persons, 1 transfers")
                        .contains("names").contains("manifest sha256 " + made.manifestSha256()));
        assertThat(cases.view(LEAD, caseId).timeline()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("request.package");
            // Stored in no language, so the French page words it (cases.TimelineDetail, the cases bundle).
            assertThat(t.described().shape()).isEqualTo(TimelineDetail.Shape.REQUEST_PACKAGE);
            assertThat(t.described().parts()).containsExactly(r.number(), AUTHORITY + " (PH)", "2", "1");
        });
    }

    @Test
    void anAnswerImportedWithTheRequestsNumberSpacesAndCaseAsideIsLinkedAndAnswersIt() {
        RequestAbroad r = draft();
        requests.makePackage(LEAD, caseId, r.id());
        requests.markSent(LEAD, caseId, r.id(), Optional.empty());
        PartyExport answer = new PartyExport();
        answer.transfer("PNP-1", LORNA, LUZ);
        new Changes(db).importTransfers(LEAD, ImportRequest.of(answer.write(files.resolve("answer.csv")), "canonical")
                .withLegalReference(" " + r.number().toLowerCase(java.util.Locale.ROOT) + " "),
                new Changes.ImportProgress() {
                    @Override
                    public void update(long bytesRead, long totalBytes, long rowsRead) {}
                });

        RequestAbroad.Detail d = requests.view(LEAD, caseId, r.id());
        assertThat(d.request().status()).isEqualTo(RequestAbroad.Status.ANSWERED);
        assertThat(d.answers()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("answer.csv");
            assertThat(f.sha256()).hasSize(64);
        });
        assertThat(cases.view(LEAD, caseId).timeline()).anySatisfy(t -> assertThat(t.kind()).isEqualTo("request.answer"));
    }

    @Test
    void lateIsDerivedFromTheDueDateInParis() {
        RequestAbroad r = draft();
        requests.makePackage(LEAD, caseId, r.id());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        requests.markSent(LEAD, caseId, r.id(), Optional.of(today.plusDays(3)));

        assertThat(on(today.plusDays(3), 12).view(LEAD, caseId, r.id()).request().late()).as("on the due date").isFalse();
        assertThat(on(today.plusDays(4), 0).view(LEAD, caseId, r.id()).request().late()).as("the day after").isTrue();
        // 23:30 UTC on the due date is already the next day in Paris.
        assertThat(new RequestsAbroad(db.dataSource(), Clock.fixed(today.plusDays(3).atTime(23, 30)
                .toInstant(java.time.ZoneOffset.UTC), ZoneId.of("UTC"))).view(LEAD, caseId, r.id()).request().late()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM procedure_deadline WHERE item_id = ? AND kind = 'REQUEST_ABROAD'")
                .param(r.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheCasesReadersSeeItsRequestsAndOnlyItsTeamProducesAPackage() {
        RequestAbroad r = draft();
        assertThatThrownBy(() -> requests.list(OUTSIDER, caseId)).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> requests.view(OUTSIDER, caseId, r.id())).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> requests.makePackage(OUTSIDER, caseId, r.id())).isInstanceOf(CaseRefusal.NotFound.class);
        assertThatThrownBy(() -> requests.byNumber(OUTSIDER, r.number())).isInstanceOf(Refused.class);
        long own = cases.create(OUTSIDER, new CaseService.NewCase("PARQ-AUTRE", "Autre")).summary().id();
        assertThatThrownBy(() -> requests.view(OUTSIDER, own, r.id())).as("a request of another case")
                .isInstanceOf(CaseRefusal.NotFound.class);
        assertThat(requests.view(PROSECUTOR, caseId, r.id()).request().number()).isEqualTo(r.number());
        assertThatThrownBy(() -> requests.makePackage(PROSECUTOR, caseId, r.id())).isInstanceOf(CaseRefusal.Forbidden.class);
    }

    @Test
    void theDemosRequestToThePhilippinesIsSentWithItsPackageWritten() throws IOException {
        Path zip = files.resolve("demo.zip");
        RequestAbroad r = RequestsAbroad.forDemo(requests, LEAD, caseId, zip);

        assertThat(r.status()).isEqualTo(RequestAbroad.Status.SENT);
        assertThat(r.country()).isEqualTo("PH");
        assertThat(r.dueOn()).contains(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30));
        assertThat(unzip(java.nio.file.Files.readAllBytes(zip)).get("transfers.csv")).isNotEmpty();
    }

    /** Review, item 1: what left stays known (ids, kept with the package and in the audit line) after a new choice. */
    @Test
    void aPackageProducedStillNamesTheRecordsThatLeftAfterTheSelectionChanges() {
        RequestAbroad r = draft();
        String a = record("LUZ-1", "S");
        String b = record("ORIANE-1", "R");
        requests.choose(LEAD, caseId, r.id(), Set.of(a, b), Set.of(transfers.get("LUZ-1"), transfers.get("ORIANE-1")));
        requests.makePackage(LEAD, caseId, r.id());
        requests.choose(LEAD, caseId, r.id(), Set.of(a), Set.of(transfers.get("LUZ-1")));
        requests.makePackage(LEAD, caseId, r.id());

        List<String> records = jdbc.sql("SELECT record_ids::text FROM request_package WHERE request_id = ? ORDER BY id")
                .param(r.id()).query(String.class).list();
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).contains("\"" + b + "\"").contains("\"" + a + "\"");
        assertThat(records.get(1)).doesNotContain(b);
        assertThat(jdbc.sql("SELECT transfer_ids::text FROM request_package WHERE request_id = ? ORDER BY id LIMIT 1")
                .param(r.id()).query(String.class).single()).contains(Long.toString(transfers.get("ORIANE-1")));
        assertThat(requests.view(LEAD, caseId, r.id()).packages().getLast().recordIds()).containsExactly(a, b);
        List<AuditEvent> events = new AuditLog(db.dataSource()).search(new AuditLog.Query("investigator",
                "request.package", "", Optional.empty(), Long.MAX_VALUE, 100)).stream()
                .filter(ev -> ev.object().equals("request:" + r.id())).sorted(java.util.Comparator.comparing(AuditEvent::seq))
                .toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).detail()).contains(b).contains(Long.toString(transfers.get("ORIANE-1")))
                .doesNotContain("Oriane").doesNotContain("Fictival");
        assertThat(events.get(1).detail()).doesNotContain(b);
    }

    /** Review, item 5: nothing is chosen for the user, and a counterparty leaves only as the operator wrote it. */
    @Test
    void aNewRequestHoldsNothingAndACounterpartyLeavesWithoutItsEntityId() throws IOException {
        RequestAbroad r = draft();
        RequestAbroad.Detail fresh = requests.view(LEAD, caseId, r.id());
        assertThat(fresh.subjects()).isNotEmpty().noneMatch(RequestAbroad.SubjectChoice::chosen);
        assertThat(fresh.transfers()).isNotEmpty().noneMatch(RequestAbroad.TransferChoice::chosen);

        requests.choose(LEAD, caseId, r.id(), Set.of(record("LUZ-1", "S")), Set.of(transfers.get("LUZ-1")));
        RequestAbroad.TransferChoice luz1 = requests.view(LEAD, caseId, r.id()).transfers().stream()
                .filter(t -> t.id() == transfers.get("LUZ-1")).findFirst().orElseThrow();
        Map<String, byte[]> zip = unzip(requests.makePackage(LEAD, caseId, r.id()).zip());

        String row = text(zip, "transfers.csv").lines().skip(1).findFirst().orElseThrow();
        assertThat(row).as("Lorna's name as recorded stays, her entity id does not")
                .contains("Lorna").contains("," + luz1.senderEntity() + ",," + luz1.sha256() + ",");
        String ftm = text(zip, "entities.ftm.json");
        assertThat(ftm).contains("\"payer\"").doesNotContain("\"beneficiary\"")
                .doesNotContain(org.piste.app.network.FtmExport.entityId(luz1.recipientEntity()) + "\"");
    }

    /** Review, item 6: a chosen transfer past the page's cap is shown, so saving the page keeps it. */
    @Test
    void aChosenTransferPastTheCapIsShownAndKept() {
        RequestAbroad r = draft();
        List<Long> inOrder = requests.view(LEAD, caseId, r.id()).transfers().stream()
                .map(RequestAbroad.TransferChoice::id).toList();
        assertThat(inOrder).as("precondition").hasSizeGreaterThanOrEqualTo(2);
        long last = inOrder.getLast();
        Set<String> everyone = Set.of(record("LUZ-1", "S"), record("ORIANE-1", "R"));
        requests.choose(LEAD, caseId, r.id(), everyone, Set.of(last));
        RequestsAbroad capped = new RequestsAbroad(db.dataSource(), Clock.systemUTC(), 1);

        RequestAbroad.Detail shown = capped.view(LEAD, caseId, r.id());
        assertThat(shown.transfers()).extracting(RequestAbroad.TransferChoice::id).containsExactly(inOrder.getFirst(), last);
        // The page posts back what it shows ticked.
        Set<Long> ticked = new java.util.HashSet<>(shown.transfers().stream().filter(RequestAbroad.TransferChoice::chosen)
                .map(RequestAbroad.TransferChoice::id).toList());
        capped.choose(LEAD, caseId, r.id(), everyone, ticked);
        assertThat(requests.view(LEAD, caseId, r.id()).transfers()).filteredOn(RequestAbroad.TransferChoice::chosen)
                .extracting(RequestAbroad.TransferChoice::id).containsExactly(last);
    }

    private static RequestsAbroad on(LocalDate day, int hourInParis) {
        Instant at = day.atTime(hourInParis, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        return new RequestsAbroad(db.dataSource(), Clock.fixed(at, ZoneId.of("UTC")));
    }

    private static String text(Map<String, byte[]> zip, String name) {
        return new String(zip.get(name), StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }
}
