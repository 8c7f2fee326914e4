package org.piste.app.pipeline;

import java.util.Objects;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.store.Database;
import org.piste.resolve.Decision;
import org.piste.screen.EntityScore.Side;

/**
 * Analysts' decisions from the web and the API: store the ruling, then refresh (incremental resolution, then
 * screening with the new seeds), and say what the refresh did.
 */
public final class AnalystDecisions {
    private final Database database;

    public AnalystDecisions(Database database) {
        this.database = database;
    }

    public record Decided<T>(T decision, RefreshSummary refresh) {
        public Decided {
            Objects.requireNonNull(decision);
            Objects.requireNonNull(refresh);
        }
    }

    /** Confirms or dismisses an alert (a dismissal needs a note). */
    public Decided<AlertDecisions.Stored> alert(String entityId, Side side, AlertDecisions.Kind kind, String note,
            String by) {
        AlertDecisions.Stored stored = new AlertDecisions(database).add(entityId, side, kind, note, by);
        return new Decided<>(stored, RefreshSummary.of(Refresh.afterChange(database)));
    }

    /** Records that two party records are (or are not) the same person. */
    public Decided<DecisionStore.Stored> samePerson(String recordA, String recordB, Decision.Kind kind, String note,
            String by) {
        DecisionStore.Stored stored = new DecisionStore(database).add(recordA, recordB, kind, by, note.strip());
        return new Decided<>(stored, RefreshSummary.of(Refresh.afterChange(database)));
    }
}
