package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.owner;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport.Person;
import org.piste.app.PartyExport;
import org.piste.app.StoredRows;

/** The resolution commands as a user runs them, on one small import (each run starts its own embedded server). */
class CliResolveTest {
    @TempDir static Path home;
    @TempDir static Path files;

    private static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    private static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");
    private static final Person OTHER = Person.sender("Maria", "Dela Cruz", "1961-11-30", "06 00 00 00 22", "Paris");
    private static Path export;
    private static CliEndToEndTest.Run imported;

    @BeforeAll
    static void importAFile() {
        PartyExport e = new PartyExport();
        e.transfer("R-1", LUZ, LORNA);
        e.transfer("R-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("R-3", OTHER, LORNA);
        e.transfer("R-4", OTHER.as("MARIA", "DELA CRUZ"), LORNA);
        export = e.write(files.resolve("parties.csv"));
        imported = piste(home, "import", export.toString(), "--profile", "canonical");
    }

    @Test
    void importResolvesAndSaysSoInOneLine() {
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out().lines().filter(l -> l.startsWith("Resolution (run #1")).toList()).hasSize(1).first()
                .asString().contains("8 party records ->").contains("entities");
    }

    @Test
    void consoleReadsOfPersonalDataAreAuditedAndTheChainVerifies() {
        piste(home, "entity", "1:S");
        piste(home, "transfers", "--limit", "3");

        CliEndToEndTest.Run list = owner(home, "audit", "list", "--object", "entity:1:S");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("test-analyst\\s+entity\\.view\\s+entity:1:S");
        assertThat(owner(home, "audit", "list", "--action", "transfers.list").out()).contains("limit 3");
        CliEndToEndTest.Run verify = owner(home, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).containsPattern("Audit trail intact: [\\d,]+ events, last hash [0-9a-f]{64}\\.");
    }

    @Test
    void entityShowsMembersAsWrittenWithProvenanceAndTheEvidenceOfEachLink() {
        CliEndToEndTest.Run run = piste(home, "entity", "2:S");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Entity 1:S: 2 records, 1 link.");
        String sha = StoredRows.sha256(export).substring(0, 12);
        assertThat(run.out()).containsPattern("1:S\\s+sender\\s+Maria Luz Dela Cruz\\s+1985-03-12 .*" + sha + ":2");
        assertThat(run.out()).containsPattern("2:S\\s+sender\\s+Ma\\. Luz De La Cruz .*" + sha + ":3");
        assertThat(run.out()).containsPattern("1:S -- 2:S\\s+scored, weight -?\\d+\\.\\d+, probability");
        assertThat(run.out()).containsPattern("(?m)^\\s+date of birth\\s+exact\\s+\\+\\d+\\.\\d+");
        assertThat(run.out()).containsPattern("(?mi)^\\s+surname\\s+\\S.*[+-]\\d+\\.\\d+\\s+'Dela Cruz' \\| 'De La Cruz'");
    }

    @Test
    void decideThenResolveAppliesTheDecision() {
        CliEndToEndTest.Run decided = piste(home, "decide", "3:S", "4:S", "not-same", "--note", "different mothers");
        CliEndToEndTest.Run resolved = piste(home, "resolve");
        CliEndToEndTest.Run third = piste(home, "entity", "3:S");

        assertThat(decided.exit()).as(decided.err()).isZero();
        assertThat(decided.out()).contains("3:S and 4:S are not the same person (by test-analyst: different mothers)");
        assertThat(resolved.exit()).as(resolved.err()).isZero();
        assertThat(resolved.out()).containsPattern("records\\s+8").containsPattern("candidate pairs\\s+\\d+")
                .contains("reduction ratio").containsPattern("analyst decisions\\s+1");
        assertThat(third.out()).contains("Entity 3:S: 1 record").contains("#1 3:S 4:S NOT_SAME, by test-analyst");
        // A change at the console is audited like one on the web: the account, the records, the ruling, and the OS account.
        assertThat(owner(home, "audit", "list", "--action", "entity.decide").out())
                .containsPattern("test-analyst\\s+entity\\.decide\\s+records:3:S,4:S\\s+-\\s+NOT_SAME note=different mothers"
                        + " \\[console, OS account " + Main.osUser() + "\\]");
    }

    @Test
    void importIsAuditedWithItsSourceAndCounts() {
        assertThat(owner(home, "audit", "list", "--action", "import.store").out())
                .containsPattern("test-analyst\\s+import\\.store\\s+source:1\\s+-\\s+file=\\S+ sha256=" + StoredRows.sha256(export)
                        + " profile=\\S+ accepted=\\d+ quarantined=\\d+ duplicates=\\d+");
    }

    @Test
    void decideRefusesUnknownRecords() {
        CliEndToEndTest.Run run = piste(home, "decide", "1:S", "999:R", "same");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1).first().asString().contains("no stored transfer 999");
        assertThat(owner(home, "audit", "list", "--object", "records:1:S,999:R").out()).as("a refused change leaves no audit line")
                .isEmpty();
    }

    @Test
    void resolveFileWritesAWellFormedClustersFile() throws IOException {
        Path profile = Files.writeString(files.resolve("people.yaml"), """
                name: people
                columns:
                  record_id: "id"
                  sender_given_names: "first"
                  sender_surname: "last"
                  sender_birth_date: "dob?"
                  sender_phone: "phone?"
                  sender_country: "country?"
                """);
        Path people = Files.writeString(files.resolve("people.csv"), """
                id,first,last,dob,phone,country
                p1,Maria Luz,Dela Cruz,1985-03-12,+33600000011,FR
                p2,Ma. Luz,De La Cruz,1985-03-12,+33600000011,FR
                p3,Maria,Dela Cruz,1961-11-30,+33600000022,FR
                "p,4",Oriane,Fictival,1979-05-05,+33600000033,FR
                p5,ORIANE,FICTIVAL,1979-05-05,+33600000033,FR
                p6,Jean-Marc,Testeur,1970-01-20,+33600000044,FR
                p7,Jean Marc,Testeur,1970-01-20,+33600000044,FR
                p8,Sylvie,Exemplon,1990-09-09,+33600000055,FR
                p9,Sylvie,Exemplon,1990-09-09,,FR
                p10,Lorna,Testado,1988-02-02,+33600000066,FR
                """);
        Path other = Files.writeString(files.resolve("other.csv"), """
                id,first,last,dob,phone,country
                p1,Oriane,FICTIVAL,1979-05-05,+33600000033,FR
                """);
        Path out = files.resolve("clusters.csv"), linked = files.resolve("linked.csv");

        CliEndToEndTest.Run dedup = piste(home, "resolve-file", people.toString(), "--profile", profile.toString(),
                "--out", out.toString());
        CliEndToEndTest.Run link = piste(home, "resolve-file", people.toString(), "--profile", profile.toString(),
                "--link", other.toString(), "--out", linked.toString());

        assertThat(dedup.exit()).as(dedup.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).first().isEqualTo("record_id,cluster_id");
        assertThat(lines.subList(1, lines.size())).hasSize(10).allMatch(l -> l.matches("(\"[^\"]*\"|[^,]+),\\d+"));
        assertThat(cluster(lines, "p1")).isEqualTo(cluster(lines, "p2")).isNotEqualTo(cluster(lines, "p3"));
        assertThat(lines).contains("\"p,4\"," + cluster(lines, "\"p,4\""));
        assertThat(cluster(lines, "p6")).isEqualTo(cluster(lines, "p7"));
        assertThat(dedup.out()).contains("Deduplicated 10 records into");

        assertThat(link.exit()).as(link.err()).isZero();
        List<String> linkedLines = Files.readAllLines(linked, StandardCharsets.UTF_8);
        assertThat(linkedLines).first().isEqualTo("file,record_id,cluster_id");
        assertThat(linkedLines).hasSize(12).contains("2,p1," + cluster(linkedLines, "1,\"p,4\""));
    }

    /** The threshold decides which links are made; the model is printed on request; set-aside dates are counted. */
    @Test
    void resolveFileTakesAThresholdShowsTheModelAndCountsPlaceholderDates() throws IOException {
        Path profile = Files.writeString(files.resolve("few.yaml"), """
                name: few
                columns:
                  record_id: "id"
                  sender_given_names: "first"
                  sender_surname: "last"
                  sender_birth_date: "dob"
                """);
        // Three records: the default model, prior 1/3 (weight -1). q1 ~ q2: given names exact, term frequency 2 of 3
        // given names: log2(0.80 / (2/3)) = 0.263; surname likewise log2(0.85 / (2/3)) = 0.350; dates one digit off:
        // log2(0.03 / 0.004) = 2.907. Weight 2.520, probability 1 / (1 + 2^-2.520) = 0.851: a link at 0.8, not at 0.9.
        Path people = Files.writeString(files.resolve("few.csv"), """
                id,first,last,dob
                q1,Analyn,Testado,1985-03-12
                q2,Analyn,Testado,1985-03-13
                q3,Ramon,Exemplon,1900-01-01
                """);
        Path out = files.resolve("few-clusters.csv");
        CliEndToEndTest.Run run = piste(home, "resolve-file", people.toString(), "--profile", profile.toString(),
                "--out", out.toString(), "--show-model");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Match model:").containsPattern("date of birth\\s+exact\\s+0\\.9000\\s+0\\.000100\\s+\\+13\\.14")
                .containsPattern("date of birth placeholder \\(01/01/1900 and the like\\)\\s+1\\n");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(cluster(lines, "q1")).isNotEqualTo(cluster(lines, "q2"));

        CliEndToEndTest.Run lenient = piste(home, "resolve-file", people.toString(), "--profile", profile.toString(),
                "--out", out.toString(), "--threshold", "0.8");
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(cluster(lines, "q1")).isEqualTo(cluster(lines, "q2"));
        assertThat(piste(home, "resolve-file", people.toString(), "--profile", profile.toString(), "--out", out.toString(),
                "--threshold", "1.5").exit()).isEqualTo(2);
    }

    private static String cluster(List<String> lines, String prefix) {
        Pattern p = Pattern.compile(Pattern.quote(prefix) + ",(\\d+)");
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) return m.group(1);
        }
        throw new AssertionError("no line " + prefix + " in " + lines);
    }
}
