package org.piste.app.victims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Database;
import org.piste.app.victims.Compensation.Claimant;
import org.piste.app.victims.Victim.AgeBracket;
import org.piste.app.victims.Victim.NewVictim;
import org.piste.app.web.CsvDialect;
import org.piste.app.web.victims.CompensationCsv;

/** The register on a small imported and resolved export: what each buyer paid for whom, the ledger, need-to-know. */
class VictimRegisterTest {
    @TempDir static Path dir;
    static Database db;
    static Actor lead, prosecutor, outsider, admin;
    static VictimService victims;
    static CompensationService compensation;
    static CaseService cases;

    @BeforeAll
    static void load() {
        db = TestDatabases.fresh();
        VictimFixture.load(db, dir);
        lead = VictimFixture.user(db, "lead", Role.INVESTIGATOR);
        prosecutor = VictimFixture.user(db, "parquet", Role.PROSECUTOR);
        outsider = VictimFixture.user(db, "other", Role.INVESTIGATOR);
        admin = VictimFixture.user(db, "root", Role.ADMIN);
        victims = new VictimService(db.dataSource());
        compensation = new CompensationService(db.dataSource());
        cases = new CaseService(db.dataSource());
    }

    static NewVictim victim(String pseudonym, Optional<LocalDate> from, Optional<LocalDate> to, String... facilitators) {
        return new NewVictim(pseudonym, "Philippine National Police - WCPC", "ph", AgeBracket.FROM_12_TO_14, from, to,
                "", List.of(facilitators));
    }

    @Test
    void eachBuyerPaidTheVictimsFacilitatorsByMonthAndCurrencyWithinThePeriod() {
        // The resolver put each person's records together (the fixture's premise).
        assertThat(VictimFixture.entityOf(db, VictimFixture.recipient(db, "V-2")))
                .isEqualTo(VictimFixture.entityOf(db, VictimFixture.recipient(db, "V-1")));
        assertThat(VictimFixture.entityOf(db, VictimFixture.sender(db, "V-8")))
                .isEqualTo(VictimFixture.entityOf(db, VictimFixture.sender(db, "V-1")));
        long caseId = cases.create(lead, "PARQ-VIC-1", "Victimes").summary().id();
        Victim v = victims.add(lead, caseId, victim("PNP-WCPC-2026-0007", Optional.of(LocalDate.of(2024, 1, 1)),
                Optional.of(LocalDate.of(2024, 6, 30)), VictimFixture.recipient(db, "V-1"),
                VictimFixture.recipient(db, "V-3")));

        PaidFor paid = victims.paidFor(lead, caseId, v.id());
        String b1 = VictimFixture.entityOf(db, VictimFixture.sender(db, "V-1"));
        String b2 = VictimFixture.entityOf(db, VictimFixture.sender(db, "V-4"));
        assertThat(paid.lines()).extracting(l -> l.buyerEntity() + " " + l.month() + " " + l.currency() + " "
                + l.total().toPlainString() + " " + l.transfers().stream().map(PaidFor.Source::reference).toList())
                .containsExactlyInAnyOrder(
                        b1 + " 2024-03 EUR 150.50 [V-1, V-2]",
                        b1 + " 2024-04 EUR 30.00 [V-3]",
                        b1 + " 2024-04 USD 10.00 [V-8]",
                        b2 + " 2024-03 EUR 25.25 [V-5]",
                        b2 + " 2024-03 USD 200.00 [V-4]");
        assertThat(paid.totals()).extracting(t -> t.buyerEntity() + " " + t.currency() + " " + t.total().toPlainString()
                + " " + t.transfers()).containsExactlyInAnyOrder(b1 + " EUR 180.50 3", b1 + " USD 10.00 1",
                        b2 + " EUR 25.25 1", b2 + " USD 200.00 1");
        PaidFor.Source v4 = paid.lines().stream().flatMap(l -> l.transfers().stream())
                .filter(s -> s.reference().equals("V-4")).findFirst().orElseThrow();
        assertThat(v4.line()).as("the header is line 1").isEqualTo(5);
        assertThat(v4.sha256()).hasSize(64);
        assertThat(paid.lines().getFirst().buyerName()).isIn("Oriane Fictival", "Jean-Marc Testeur");

        // A second victim linked to F1 only: B1's payments to F1 count in full for it too (the court apportions).
        Victim w = victims.add(lead, caseId, victim("PNP-WCPC-2026-0008", Optional.empty(), Optional.empty(),
                VictimFixture.recipient(db, "V-2")));
        assertThat(victims.paidFor(lead, caseId, w.id()).totals()).extracting(t -> t.buyerEntity() + " " + t.currency()
                + " " + t.total().toPlainString()).containsExactlyInAnyOrder(b1 + " EUR 1149.50", b2 + " USD 200.00");
        assertThat(cases.view(lead, caseId).timeline()).extracting(e -> e.kind())
                .contains("victim.add", "victim.facilitator");
    }

    @Test
    void outstandingIsAwardsLessPaymentsAndTheScheduleListsEachVictimBuyerAndCurrency() throws Exception {
        long caseId = cases.create(lead, "PARQ-VIC-2", "Indemnisation").summary().id();
        Victim v = victims.add(lead, caseId, victim("NCA-CEOP-0042", Optional.empty(), Optional.empty(),
                VictimFixture.recipient(db, "V-1")));
        String b1 = VictimFixture.sender(db, "V-1");
        String b2 = VictimFixture.sender(db, "V-4");
        LocalDate day = LocalDate.of(2026, 5, 4);
        compensation.claim(lead, caseId, v.id(), Claimant.CIVIL_PARTY, Optional.of(b1), new BigDecimal("1000"), "eur", day);
        compensation.claim(prosecutor, caseId, v.id(), Claimant.CIVI, Optional.empty(), new BigDecimal("120.00"), "EUR", day);
        long award = compensation.award(prosecutor, caseId, v.id(), b1, new BigDecimal("800.00"), "EUR", day,
                "TJ Paris 2026/123");
        compensation.award(lead, caseId, v.id(), b2, new BigDecimal("50"), "USD", day, "TJ Paris 2026/124");
        compensation.payment(lead, caseId, award, new BigDecimal("300.00"), "EUR", day.plusDays(10));
        compensation.payment(lead, caseId, award, new BigDecimal("150.55"), "EUR", day.plusDays(40));
        assertThatThrownBy(() -> compensation.payment(lead, caseId, award, BigDecimal.TEN, "USD", day))
                .isInstanceOf(Refused.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> compensation.payment(lead, caseId, award, new BigDecimal("0.001"), "EUR", day))
                .isInstanceOf(Refused.class);

        Compensation.Award a = compensation.ledger(lead, caseId, v.id()).awards().getFirst();
        assertThat(a.outstanding()).isEqualByComparingTo("349.45");
        CompensationSchedule s = compensation.schedule(prosecutor, caseId);
        String e1 = VictimFixture.entityOf(db, b1);
        String e2 = VictimFixture.entityOf(db, b2);
        assertThat(s.rows()).extracting(r -> r.pseudonym() + " " + r.buyerEntity().orElse("-") + " " + r.currency() + " "
                + r.claimed().toPlainString() + " " + r.awarded().toPlainString() + " " + r.paid().toPlainString() + " "
                + r.outstanding().toPlainString()).containsExactlyInAnyOrder(
                        "NCA-CEOP-0042 " + e1 + " EUR 1000.00 800.00 450.55 349.45",
                        "NCA-CEOP-0042 - EUR 120.00 0 0 0",
                        "NCA-CEOP-0042 " + e2 + " USD 0 50.00 0 50.00");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompensationCsv.write(s, CsvDialect.ENGLISH, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", CompensationCsv.HEADER));
        assertThat(lines).contains("PARQ-VIC-2," + v.id() + ",NCA-CEOP-0042," + e1 + ",Oriane Fictival,EUR,1000.00,800.00,"
                + "450.55,349.45").hasSize(4);
    }

    @Test
    void onlyTheTeamAndProsecutorsSeeVictimsAndEveryReadIsAudited() {
        long caseId = cases.create(lead, "PARQ-VIC-3", "Besoin d'en connaître").summary().id();
        Victim v = victims.add(lead, caseId, victim("PNP-WCPC-2026-0009", Optional.empty(), Optional.empty(),
                VictimFixture.recipient(db, "V-3")));
        for (Actor a : List.of(outsider, admin)) {
            assertThatThrownBy(() -> victims.list(a, caseId)).isInstanceOf(CaseRefusal.NotFound.class);
            assertThatThrownBy(() -> victims.view(a, caseId, v.id())).isInstanceOf(CaseRefusal.NotFound.class);
            assertThatThrownBy(() -> victims.paidFor(a, caseId, v.id())).isInstanceOf(CaseRefusal.NotFound.class);
            assertThatThrownBy(() -> compensation.schedule(a, caseId)).isInstanceOf(CaseRefusal.NotFound.class);
            assertThatThrownBy(() -> compensation.ledger(a, caseId, v.id())).isInstanceOf(CaseRefusal.NotFound.class);
        }
        assertThatThrownBy(() -> victims.add(prosecutor, caseId, victim("X-1", Optional.empty(), Optional.empty())))
                .as("the register is the team's").isInstanceOf(CaseRefusal.Forbidden.class);
        long other = cases.create(outsider, "PARQ-VIC-4", "Autre").summary().id();
        assertThatThrownBy(() -> victims.view(outsider, other, v.id())).as("a victim of another case")
                .isInstanceOf(Refused.class);

        victims.list(prosecutor, caseId);
        victims.view(prosecutor, caseId, v.id());
        victims.paidFor(lead, caseId, v.id());
        compensation.schedule(lead, caseId);
        compensation.ledger(prosecutor, caseId, v.id());
        List<AuditEvent> trail = new AuditLog(db.dataSource()).search(new AuditLog.Query("", "", "",
                Optional.of(caseId), Long.MAX_VALUE, 1000));
        assertThat(trail).extracting(e -> e.username() + " " + e.action()).contains("parquet victim.list",
                "parquet victim.view", "lead victim.paid", "lead compensation.schedule", "parquet compensation.ledger",
                "lead case.victim.add", "lead case.victim.facilitator");
        assertThat(trail).as("the trail names victims by id only").noneMatch(e -> e.detail().contains("PNP-WCPC"));
        assertThat(trail).noneMatch(e -> e.username().equals("other") || e.username().equals("root"));
    }

    @Test
    void aNameOrAFreeTextCannotBeAPseudonymOrANote() {
        long caseId = cases.create(lead, "PARQ-VIC-5", "Règles").summary().id();
        for (String bad : List.of("Maria Santos", "Maria.Santos", "", "A".repeat(41), "nom<script>")) {
            assertThatThrownBy(() -> victims.add(lead, caseId, victim(bad, Optional.empty(), Optional.empty())))
                    .as(bad).isInstanceOf(Refused.class);
        }
        assertThatThrownBy(() -> new NewVictim("PNP-1", "PNP", "PH", AgeBracket.ADULT, Optional.empty(),
                Optional.empty(), "x".repeat(201), List.of())).isInstanceOf(Refused.class);
        assertThat(victims.add(lead, caseId, victim("PNP-WCPC-2026-0007", Optional.empty(), Optional.empty())).pseudonym())
                .as("an authority's code has a number").isEqualTo("PNP-WCPC-2026-0007");
        for (String bad : List.of("PNP\nMaria Santos", "A".repeat(81), "")) {
            assertThatThrownBy(() -> new NewVictim("PNP-1", bad, "PH", AgeBracket.ADULT, Optional.empty(),
                    Optional.empty(), "", List.of())).as("authority " + bad).isInstanceOf(Refused.class);
        }
        assertThat(new NewVictim("PNP-1", "Policía Nacional (PNP) - WCPC / O'Brien", "PH", AgeBracket.ADULT,
                Optional.empty(), Optional.empty(), "", List.of()).authority()).isEqualTo(
                        "Policía Nacional (PNP) - WCPC / O'Brien");
        for (String bad : List.of("TJ Paris\nMaria Santos", "A".repeat(61), "", "TJ <b>")) {
            assertThatThrownBy(() -> Compensation.decisionReference(bad)).as("decision " + bad)
                    .isInstanceOf(Refused.class);
        }
        assertThat(Compensation.decisionReference(" TJ Paris 2026/123_b ")).isEqualTo("TJ Paris 2026/123_b");
        assertThatThrownBy(() -> AgeBracket.parse("13")).isInstanceOf(Refused.class);
        assertThat(AgeBracket.parse("12-14")).isEqualTo(AgeBracket.FROM_12_TO_14);
    }

    @Test
    void theDemoHookAddsTwoCodedVictimsAClaimAnAwardAndAPartialPayment() {
        long caseId = cases.create(lead, "PARQ-VIC-DEMO", "Démo").summary().id();
        VictimDemo.Seeded seeded = VictimDemo.add(db.dataSource(), lead, caseId, VictimFixture.recipient(db, "V-1"),
                VictimFixture.sender(db, "V-1"));
        assertThat(victims.list(lead, caseId)).extracting(Victim::pseudonym)
                .containsExactly("PNP-WCPC-DEMO-01", "PNP-WCPC-DEMO-02");
        assertThat(compensation.schedule(lead, caseId).rows()).singleElement().satisfies(r -> {
            assertThat(r.claimed()).isEqualByComparingTo("5000.00");
            assertThat(r.outstanding()).isEqualByComparingTo("2250.00");
        });
        assertThat(seeded.victims()).hasSize(2);
        assertThatThrownBy(() -> compensation.award(lead, caseId, seeded.victims().getFirst(), "999999:S",
                BigDecimal.ONE, "EUR", LocalDate.of(2026, 1, 1), "TJ")).as("a record that does not exist")
                .isInstanceOf(Refused.class);
    }

    /**
     * Someone outside a case gets the same refusal for its victim or award as for an id that does not exist, so the
     * console cannot be used to learn that a victim exists or which case holds it.
     */
    @Test
    void anotherCasesVictimOrAwardIsRefusedLikeOneThatDoesNotExist() {
        long caseId = cases.create(lead, "PARQ-VIC-6", "Refus").summary().id();
        Victim v = victims.add(lead, caseId, victim("PNP-WCPC-2026-0011", Optional.empty(), Optional.empty(),
                VictimFixture.recipient(db, "V-3")));
        long award = compensation.award(lead, caseId, v.id(), VictimFixture.sender(db, "V-1"), BigDecimal.TEN, "EUR",
                LocalDate.of(2026, 1, 2), "TJ Paris 2026/200");
        long own = cases.create(outsider, "PARQ-VIC-7", "Autre équipe").summary().id();
        long unknown = 987;
        for (Actor a : List.of(outsider, admin)) {
            assertThat(refusal(() -> victims.caseOf(a, v.id()), v.id())).as("victim of another case")
                    .isEqualTo(refusal(() -> victims.caseOf(a, unknown), unknown)).isEqualTo("No victim # in this case.");
        }
        LocalDate day = LocalDate.of(2026, 2, 1);
        assertThat(refusal(() -> compensation.payment(outsider, own, award, BigDecimal.ONE, "EUR", day), award))
                .as("award of another case").isEqualTo(refusal(() -> compensation.payment(outsider, own, unknown,
                        BigDecimal.ONE, "EUR", day), unknown)).isEqualTo("No award #.");
    }

    /** The refusal's English text with the id typed taken out. */
    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, long id) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(Refused.class);
        return t.getMessage().replace(String.valueOf(id), "#");
    }
}
