package org.piste.app.web.alerts;

import java.util.List;
import java.util.Optional;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Explanations;
import org.piste.app.alerts.SavedAlertFilters;
import org.piste.app.pipeline.Changes;
import org.piste.app.pipeline.Decided;
import org.piste.app.web.NotFound;
import org.piste.app.web.WebAudit;
import org.piste.model.Side;
import org.springframework.stereotype.Component;

/**
 * What the alert pages and the alert API do with a request, in one place, for the signed-in user: list a ranking,
 * show an explanation (both audited by the services), rule on an alert (through the one door for changes).
 */
@Component
public class AlertRequests {
    private final Alerts alerts;
    private final Explanations explanations;
    private final Changes changes;
    private final SavedAlertFilters saved;

    public AlertRequests(Alerts alerts, Explanations explanations, Changes changes, SavedAlertFilters saved) {
        this.alerts = alerts;
        this.explanations = explanations;
        this.changes = changes;
        this.saved = saved;
    }

    /** Empty when nothing has been screened yet. */
    Optional<Alerts.Page> list(Alerts.Filter filter) {
        return alerts.list(WebAudit.actor(), filter);
    }

    /** The signed-in user's saved filters (theirs only). */
    List<SavedAlertFilters.Saved> savedFilters() {
        return saved.of(WebAudit.actor().username());
    }

    /** Saves the filter under the name for the signed-in user; the query string it stands for. */
    String saveFilter(String name, Alerts.Filter filter) {
        return saved.save(WebAudit.actor(), name, AlertParams.query(filter)).query();
    }

    /** Deletes one of the signed-in user's filters (another user's is not found). */
    void deleteFilter(long id) {
        if (!saved.delete(WebAudit.actor(), id)) throw new NotFound("you have no saved filter " + id);
    }

    Explanations.Explanation view(String side, String entityId) {
        Side s = AlertParams.side(side);
        return explanations.view(WebAudit.actor(), s, entityId).orElseThrow(() -> AlertParams.notRanked(s, entityId));
    }

    /** Confirms or dismisses an alert the latest run ranked (a dismissal needs a note). */
    Decided<AlertDecisions.Stored> decide(String side, String entityId, String decision, String note) {
        Side s = AlertParams.side(side);
        if (decision == null) throw new IllegalArgumentException("the body needs a decision: confirm or dismiss");
        AlertDecisions.Kind kind = AlertDecisions.Kind.parse(decision);
        if (!explanations.ranks(s, entityId)) throw AlertParams.notRanked(s, entityId);
        return changes.decideAlert(WebAudit.actor(), entityId, s, kind, note == null ? "" : note).decided();
    }

    /** The explanation after a ruling, shown with the ruling (its view audited like any other). */
    Optional<Explanations.Explanation> after(Decided<AlertDecisions.Stored> decided) {
        return explanations.view(WebAudit.actor(), decided.decision().side(), decided.decision().entityId());
    }
}
