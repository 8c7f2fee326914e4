package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseFile.SubjectKind;
import org.piste.app.network.NeighbourPage;
import org.piste.app.network.NetworkFilter;
import org.piste.app.network.NetworkView;
import org.piste.screen.ScreeningResult;

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

    /** The demo case, opened by the demo's investigator with the analyst in its team; the same one on a second run. */
    static long openCase(Main main, PrintWriter out) {
        var cases = main.services().caseService();
        Actor lead = investigator();
        Optional<CaseFile.Summary> kept = cases.list(lead).stream()
                .filter(s -> s.reference().equals(CASE_REFERENCE)).findFirst();
        if (kept.isPresent()) {
            out.printf("Case n° %d (%s) carries on.%n", kept.get().id(), CASE_REFERENCE);
            return kept.get().id();
        }
        CaseFile opened = cases.create(lead, CASE_REFERENCE, "Démo : acheteurs et facilitateur (données synthétiques)");
        long id = opened.summary().id();
        cases.addMember(lead, id, "analyste");
        out.printf("Case n° %d (%s) opened by enqueteur, with analyste in its team.%n", id, CASE_REFERENCE);
        return id;
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
