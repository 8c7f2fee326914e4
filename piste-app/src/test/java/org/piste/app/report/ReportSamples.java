package org.piste.app.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.piste.app.report.ReportSnapshot.DecisionLine;
import org.piste.app.report.ReportSnapshot.Header;
import org.piste.app.report.ReportSnapshot.IdentityVariant;
import org.piste.app.report.ReportSnapshot.Method;
import org.piste.app.report.ReportSnapshot.NeighbourLine;
import org.piste.app.report.ReportSnapshot.Row;
import org.piste.app.report.ReportSnapshot.Screening;
import org.piste.app.report.ReportSnapshot.SourcePart;
import org.piste.app.report.ReportSnapshot.SubjectPart;
import org.piste.app.report.ReportSnapshot.TransferLine;
import org.piste.screen.Sentence;
import org.piste.screen.Wording;

/** Synthetic report snapshots (invented names and numbers) for the renderer's tests, sample and timing. */
final class ReportSamples {
    static final String SNAPSHOT_SHA = "5e1f0c3a9b7d24e68f10a2c4b6d8e0f1325476980badcfe1a3c5e7092b4d6f81";
    static final String FILE_A = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String FILE_B = "0f9e8d7c6b5a49382716050f9e8d7c6b5a49382716050f9e8d7c6b5a493827";
    static final Instant AS_OF = Instant.parse("2025-06-30T14:05:00Z");

    private ReportSamples() {}

    /**
     * One sender, four transfers (hand-computed totals in the tests): 10.00 + 20.50 + 5.25 EUR sent from Paris (the
     * second on 31 January 23:30 UTC, so 1 February in Paris: February's month) and 1500.00 PHP sent from Manila.
     */
    static ReportSnapshot small() {
        List<TransferLine> t = List.of(
                transfer(1, "MT-0001", "2025-01-10T08:00:00Z", "Europe/Paris", "10.00", "EUR", "Liza Ramos", "E-R1",
                        "Cebu", FILE_A, 2),
                transfer(2, "MT-0002", "2025-01-31T23:30:00Z", "Europe/Paris", "20.50", "EUR", "Joy Santos", "E-R2",
                        "Manila", FILE_A, 3),
                transfer(3, "MT-0003", "2025-02-15T12:00:00Z", "Europe/Paris", "5.25", "EUR", "Liza Ramos", "E-R1",
                        "Cebu", FILE_A, 4),
                transfer(4, "MT-0004", "2025-03-01T01:00:00Z", "Asia/Manila", "1500.00", "PHP", "Joy Santos", "E-R2",
                        "Manila", FILE_B, 7));
        return snapshot(List.of(subject("E-S1", "Paul Verdier", t)));
    }

    /** Two subjects, {@code n} transfers each spread over a year from a fixed seed (the same every run). */
    static ReportSnapshot large(int subjects, int n) {
        Random random = new Random(18);
        String[] recipients = {"Liza Ramos", "Joy Santos", "Maricel Dizon", "Ana Cruz", "Rhea Bautista"};
        String[] cities = {"Cebu", "Manila", "Davao", "Angeles"};
        List<SubjectPart> parts = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            List<TransferLine> t = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean manila = random.nextInt(8) == 0;
                long at = Instant.parse("2024-07-01T00:00:00Z").getEpochSecond() + random.nextLong(365L * 86_400);
                int r = random.nextInt(recipients.length);
                String amount = manila ? (500 + random.nextInt(40) * 100) + ".00"
                        : BigDecimal.valueOf(1000 + random.nextInt(19_000), 2).toPlainString();
                t.add(transfer(s * 100_000L + i, String.format("MT-%d%06d", s + 1, i), Instant.ofEpochSecond(at)
                        .toString(), manila ? "Asia/Manila" : "Europe/Paris", amount, manila ? "PHP" : "EUR",
                        recipients[r], "E-R" + r, cities[r % cities.length], i % 2 == 0 ? FILE_A : FILE_B, 2 + i));
            }
            parts.add(subject("E-S" + (s + 1), s == 0 ? "Paul Verdier" : "Hervé Lambrecht", t));
        }
        return snapshot(parts);
    }

    private static ReportSnapshot snapshot(List<SubjectPart> subjects) {
        Header header = new Header(7, "PARQUET-2025-000123", "Transferts vers les Philippines", "Claire Morvan",
                "Julien Fabre", AS_OF, List.of("Réquisition art. 77-1-1 CPP du 12/03/2025 (Western Union)",
                        "Réquisition art. 60-1 CPP du 02/04/2025 (Remitly)"), Optional.empty());
        List<SourcePart> sources = List.of(
                new SourcePart("wu-2025-03.csv", FILE_A, "Western Union", "Réquisition art. 77-1-1 CPP du 12/03/2025",
                        LocalDate.parse("2025-03-14"), Instant.parse("2025-03-15T09:30:00Z"), 1200, 1180, 12, 8),
                new SourcePart("remitly-2025-04.xlsx", FILE_B, "Remitly", "Réquisition art. 60-1 CPP du 02/04/2025",
                        LocalDate.parse("2025-04-05"), Instant.parse("2025-04-06T16:45:00Z"), 310, 305, 5, 0));
        return new ReportSnapshot(ReportSnapshot.FORMAT, header, subjects, sources, new Method(41, "piste-match-3", 52,
                "piste-typology-6", List.of("low_value", "night", "unrelated_beneficiaries", "network"),
                Instant.parse("2025-06-01T08:00:00Z"), Instant.parse("2025-06-01T08:05:00Z")),
                // A victim's schedule: 1,000 claimed, 800 awarded against the buyer, 300 + 150.55 paid.
                List.of(new ReportSnapshot.CompensationLine("PNP-WCPC-2025-0007", "E-S1", "Paul Verdier", "EUR",
                        "1000.00", "800.00", "450.55", "349.45")));
    }

    // Codes as the database stores them (BUYER, SENDER, PAID, CONFIRMED): the renderer words them.
    private static SubjectPart subject(String entity, String name, List<TransferLine> transfers) {
        List<TransferLine> own = transfers.stream().map(t -> new TransferLine(t.transferId(), t.reference(), t.at(),
                t.zone(), t.amount(), t.currency(), name, entity, t.recipientName(), t.recipientEntity(), t.payoutCity(),
                t.payoutCountry(), t.channel(), t.status(), t.row())).toList();
        List<IdentityVariant> variants = List.of(
                new IdentityVariant(name.toUpperCase(), "+33 6 12 34 56 78", "FR-19AB12345", "FR", "Lyon",
                        List.of(new Row(FILE_A, 2), new Row(FILE_A, 4))),
                new IdentityVariant(name, "+33612345678", "19AB12345", "FR", "Lyon", List.of(new Row(FILE_B, 7))));
        Screening screening = new Screening(52, "piste-typology-6", "SENDER", "8.75", 3, List.of(
                Sentence.of(Wording.LOW_VALUE, new Sentence.Count(transfers.size()), new Sentence.Count(transfers.size()),
                        new Sentence.Amount(new BigDecimal("10")), new Sentence.Amount(new BigDecimal("200"))),
                Sentence.of(Wording.UNRELATED_BENEFICIARIES, new Sentence.Count(2))));
        List<DecisionLine> decisions = List.of(new DecisionLine("ALERT", "CONFIRMED SENDER", "Claire Morvan",
                Instant.parse("2025-05-02T08:15:00Z"), "Montants au prix d'une session, bénéficiaires sans lien."));
        // The neighbours: the recipients, with each flow's count and total per currency.
        List<NeighbourLine> network = ReportTotals.byRecipient(own).stream().map(t -> new NeighbourLine(
                t.key().substring(t.key().indexOf('(') + 1, t.key().length() - 1), t.key().substring(0,
                t.key().indexOf(" (")), "SENT_TO", t.transfers(), t.total().toPlainString(), t.currency())).toList();
        return new SubjectPart(entity.replace("E-", "") + ":S", entity, "BUYER", name, variants, own,
                Optional.of(screening), decisions, network);
    }

    private static TransferLine transfer(long id, String reference, String at, String zone, String amount,
            String currency, String recipient, String recipientEntity, String city, String file, long line) {
        return new TransferLine(id, reference, Instant.parse(at), zone, amount, currency, "?", "?", recipient,
                recipientEntity, city, "PH", "agence", "PAID", new Row(file, line));
    }
}
