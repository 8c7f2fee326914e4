package org.piste.app.requisitions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.piste.app.accounts.Actor;
import org.piste.app.cases.CaseService;

/**
 * Links an imported export to the requisition it answers: its legal reference is the requisition's number (trimmed,
 * case aside). Both ways, in the caller's transaction: at the import (the import commits with the link or not at all)
 * and when a requisition is drafted or sent after its answer was imported (an urgent request by phone, the paperwork
 * after). Each link sets the requisition ANSWERED, is audited and goes on the case's timeline.
 */
public final class AnswerLinks {
    private AnswerLinks() {}

    /** At an import, before it commits: the requisition this file answers, if any. */
    public static void atImport(Connection c, Actor a, long sourceId, String legalReference) throws SQLException {
        if (legalReference.isBlank()) return;
        var id = RequisitionStore.numbered(c, legalReference);
        if (id.isPresent()) link(c, a, RequisitionStore.byId(c, id.get()).orElseThrow(), List.of(sourceId));
    }

    /** Files already imported with this requisition's number as their legal reference. */
    static void alreadyImported(Connection c, Actor a, Requisition r) throws SQLException {
        List<Long> sources = RequisitionStore.unlinkedSources(c, r.id(), r.number());
        if (!sources.isEmpty()) link(c, a, r, sources);
    }

    private static void link(Connection c, Actor a, Requisition r, List<Long> sources) throws SQLException {
        for (long source : sources) {
            RequisitionStore.link(c, r.id(), source);
            if (r.status() != Requisition.Status.ANSWERED) RequisitionStore.markAnswered(c, r.id());
            CaseService.change(c, a, r.caseId(), "requisition.answered", r.number() + " source " + source,
                    "requisition:" + r.id() + " source:" + source);
        }
    }
}
