package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseService;
import org.piste.app.store.Database;
import org.piste.app.victims.VictimFixture;
import org.piste.app.web.victims.CompensationCsv;

/** The victim and compensation commands as a user runs them, on the small invented export of VictimFixture. */
class CliVictimTest {
    @TempDir static Path home;
    @TempDir static Path files;

    @Test
    void theTeamRegistersAVictimReadsWhatWasPaidAndWritesTheSchedule() throws Exception {
        assertThat(piste(home, "import", VictimFixture.write(files).toString(), "--profile", "canonical").exit()).isZero();
        assertThat(piste(home, "resolve").exit()).isZero();
        long caseId;
        String f1, b1;
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
            caseId = new CaseService(db.dataSource()).create(Actor.user(CliEndToEndTest.ANALYST, Role.ANALYST,
                    Optional.empty()), new CaseService.NewCase("PARQ-CLI-V", "Console")).summary().id();
            f1 = VictimFixture.recipient(db, "V-1");
            b1 = VictimFixture.sender(db, "V-1");
        }
        CliEndToEndTest.Run added = piste(home, "victim", "add", String.valueOf(caseId), "--pseudonym", "PNP-WCPC-2026-0300",
                "--authority", "PNP WCPC", "--country", "PH", "--age", "12-14", "--from", "2024-01-01", "--to",
                "2024-06-30", "--facilitator", f1);
        assertThat(added.exit()).as(added.err()).isZero();
        String vid = added.out().replaceFirst("(?s)^Victim (\\d+) .*", "$1");
        assertThat(piste(home, "victim", "list", String.valueOf(caseId)).out()).contains("PNP-WCPC-2026-0300")
                .contains("age 12-14");
        // F1 within the period: B1 150.50 EUR (V-1, V-2), B2 200.00 USD (V-4); V-6 (2023) is outside it.
        CliEndToEndTest.Run paid = piste(home, "victim", "paid", vid);
        assertThat(paid.out()).contains("Oriane Fictival (" + b1 + "): 150.50 EUR in 2 transfer(s)")
                .contains("200.00 USD in 1 transfer(s)").doesNotContain("999.00");

        CliEndToEndTest.Run award = piste(home, "compensation", "award", String.valueOf(caseId), vid, "--buyer", b1,
                "--amount", "400", "--currency", "EUR", "--on", "2026-03-01", "--decision", "TJ Paris 26/9");
        assertThat(award.exit()).as(award.err()).isZero();
        String aid = award.out().replaceFirst("(?s)^Award (\\d+) .*", "$1");
        assertThat(piste(home, "compensation", "payment", String.valueOf(caseId), aid, "--amount", "99.99", "--currency",
                "EUR", "--on", "2026-04-01").exit()).isZero();
        Path csv = files.resolve("schedule.csv");
        assertThat(piste(home, "compensation", String.valueOf(caseId), "--csv", csv.toString()).exit()).isZero();
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).containsExactly(String.join(",", CompensationCsv.HEADER),
                "PARQ-CLI-V," + vid + ",PNP-WCPC-2026-0300," + b1 + ",Oriane Fictival,EUR,0,400.00,99.99,300.01");

        CliEndToEndTest.Run outsider = CliEndToEndTest.as(home, "cli-outsider", Role.INVESTIGATOR, "victim", "list",
                String.valueOf(caseId));
        assertThat(outsider.exit()).isNotZero();
        assertThat(outsider.out() + outsider.err()).doesNotContain("PNP-WCPC-2026-0300");
        assertThat(List.of(outsider.err())).allMatch(e -> e.contains("no case"));
        // By victim number alone, an outsider cannot tell another case's victim from a number never given.
        CliEndToEndTest.Run theirs = CliEndToEndTest.as(home, "cli-outsider", Role.INVESTIGATOR, "victim", "paid", vid);
        CliEndToEndTest.Run none = CliEndToEndTest.as(home, "cli-outsider", Role.INVESTIGATOR, "victim", "paid", "987");
        assertThat(theirs.exit()).isNotZero();
        assertThat(theirs.err().replace(vid, "#")).isEqualTo(none.err().replace("987", "#")).contains("No victim #");
        CliEndToEndTest.Run named = piste(home, "victim", "add", String.valueOf(caseId), "--pseudonym", "Maria.Santos",
                "--authority", "PNP WCPC", "--country", "PH", "--age", "12-14");
        assertThat(named.exit()).as("a name is not an identifier").isNotZero();
        assertThat(piste(home, "victim", "list", String.valueOf(caseId)).out()).doesNotContain("Maria");
    }
}
