package org.piste.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseFile.SubjectKind;
import org.piste.app.network.NeighbourPage;
import org.piste.app.network.NetworkFilter;
import org.piste.app.network.NetworkView;
import org.piste.app.report.ReportService;
import org.piste.app.requests.RequestAbroad;
import org.piste.app.requests.RequestsAbroad;
import org.piste.app.requisitions.Requisition;
import org.piste.app.victims.VictimDemo;
import org.piste.screen.ScreeningResult;
import org.piste.sim.SimConfig;

/**
 * The demo's procedure side (issue 18), done as the demo's investigator at the console (so the audit trail and the
 * case's timeline name "enqueteur", from this OS account): the case, opened before the import so that the requisition
 * the import answers exists first, then its two subjects once the screening has ranked them.
 */
final class DemoProcedure {
    /** The demo case's reference: a demo run on a home that has it carries on with it. */
    static final String CASE_REFERENCE = "DEMO-2026-001";

    private DemoProcedure() {}

    static Actor investigator() {
        return Actor.atConsole("enqueteur", Role.INVESTIGATOR, Main.osUser());
    }

    /** The case, and whether this run opened it (a second run carries on without adding the procedure again). */
    record Opened(long id, boolean fresh) {}

    /** The demo case, opened by the demo's investigator with the analyst in its team; the same one on a second run. */
    static Opened openCase(Main main, PrintWriter out) {
        var cases = main.services().caseService();
        Actor lead = investigator();
        Optional<CaseFile.Summary> kept = cases.list(lead).stream()
                .filter(s -> s.reference().equals(CASE_REFERENCE)).findFirst();
        if (kept.isPresent()) {
            out.printf("Case n° %d (%s) carries on.%n", kept.get().id(), CASE_REFERENCE);
            return new Opened(kept.get().id(), false);
        }
        CaseFile opened = cases.create(lead, CASE_REFERENCE, "Démo : acheteurs et facilitateur (données synthétiques)");
        long id = opened.summary().id();
        cases.addMember(lead, id, "analyste");
        out.printf("Case n° %d (%s) opened by enqueteur, with analyste in its team.%n", id, CASE_REFERENCE);
        return new Opened(id, true);
    }

    /**
     * The requisition the demo's import answers: drafted and sent before it, numbered as the legal reference the import
     * carries, so the import links itself to it.
     */
    static void requisition(Main main, PrintWriter out, long caseId, SimConfig config, String number) {
        LocalDate from = config.start().atDay(1);
        LocalDate to = config.start().plusMonths(config.months()).atDay(1).minusDays(1);
        Requisition r = RequisitionCommand.draftForDemo(main.services(), investigator(), caseId, number,
                config.provider(), from, to, to.plusDays(3));
        out.printf("$ piste requisition draft %d --addressee %s --kind operator --basis 77-1-1 --from %s --to %s%n",
                caseId, config.provider(), from, to);
        out.printf("Requisition %s to %s (art. %s CPP), sent on %s, due on %s.%n", r.number(), r.addressee(),
                r.legalBasis().article(), r.sentOn().orElseThrow(), r.dueOn().orElseThrow());
    }

    /** After the import: what the requisition now says of its answer. */
    static void answered(Main main, PrintWriter out, long caseId, String number) {
        for (Requisition r : main.services().requisitionService().list(investigator(), caseId)) {
            if (!r.number().equals(number)) continue;
            out.printf("Requisition %s: %s by %d file(s), %,d rows read.%n", r.number(), r.status(), r.answers().size(),
                    r.rowsRead());
        }
    }

    /**
     * The procedure once the subjects are known: a request to the Philippine police with its minimised package, two
     * pseudonymous victims linked to the facilitator with a compensation schedule, and the report.
     */
    static void procedure(Main main, PrintWriter out, long caseId, Subjects subjects, Path dir) {
        Actor lead = investigator();
        Path zip = dir.resolve("request-package.zip");
        RequestAbroad request = RequestsAbroad.forDemo(main.services().requestsAbroad(), lead, caseId, zip);
        out.printf("%n$ piste request package %s --out %s%n", request.number(), zip);
        out.printf("Request abroad %s to %s: %s, due on %s; its package holds only what it needs.%n", request.number(),
                request.addressee(), request.status(), request.dueOn().orElseThrow());
        VictimDemo.Seeded seeded = VictimDemo.add(main.database().dataSource(), lead, caseId, subjects.facilitator(),
                subjects.buyer());
        out.printf("%n$ piste victim list %d%n", caseId);
        out.printf("%d pseudonymous victims (an identifier given by the foreign authority, an age bracket, no name)"
                + " linked to %s.%n", seeded.victims().size(), subjects.facilitator());
        out.printf("%n$ piste compensation %d%n", caseId);
        CompensationCommand.print(out, main.services().compensationService().schedule(lead, caseId));
        Path pdf = dir.resolve("rapport-" + CASE_REFERENCE + ".pdf");
        ReportService.Issued report = ReportService.writeDemo(main.database().dataSource(), lead, caseId, pdf);
        out.printf("%n$ piste report %d --out %s%n", caseId, pdf);
        out.printf("Report: %d pages, snapshot n° %d (SHA-256 %s), PDF SHA-256 %s.%n", report.pages(),
                report.snapshotId(), report.snapshotSha256(), report.pdfSha256());
    }

    /**
     * The two subjects: the top-ranked sender (a buyer) and, among those it paid, the recipient the screening ranks
     * highest (a facilitator), so that the victims linked to that facilitator have something the buyer paid.
     */
    record Subjects(String buyer, String facilitator) {}

    static Subjects addSubjects(Main main, PrintWriter out, long caseId, ScreeningResult screened) {
        Actor lead = investigator();
        String buyer = screened.senders().getFirst().entityId();
        NetworkView.Expansion around = main.services().networkService().expand(lead, buyer, NetworkFilter.NONE,
                new NeighbourPage(0, NeighbourPage.MAX_SIZE, NeighbourPage.Sort.SCORE));
        String facilitator = around.nodes().stream().filter(n -> !n.id().equals(buyer))
                .max(Comparator.comparingDouble(NetworkView.Node::score)).map(NetworkView.Node::id)
                .orElseThrow(() -> new IllegalStateException("the top sender " + buyer + " paid nobody"));
        var cases = main.services().caseService();
        CaseFile file = cases.view(lead, caseId);
        for (var s : new String[][] {{buyer, "BUYER"}, {facilitator, "FACILITATOR"}}) {
            boolean already = file.subjects().stream().anyMatch(x -> x.entityId().equals(s[0]));
            if (!already) cases.addSubject(lead, caseId, s[0], SubjectKind.valueOf(s[1]));
        }
        for (CaseFile.Subject s : cases.view(lead, caseId).subjects()) {
            out.printf("Subject (%s): %s, %s.%n", s.kind().name().toLowerCase(java.util.Locale.ROOT), s.entityId(), s.label());
        }
        return new Subjects(buyer, facilitator);
    }
}
