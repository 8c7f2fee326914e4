package org.piste.app.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.referrals.Match;
import org.piste.app.referrals.ReferralDecisions;
import org.piste.app.referrals.ReferralImport;
import org.piste.app.requests.RequestsAbroad;
import org.piste.app.requisitions.AnswerLinks;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.ingest.Importer;
import org.piste.model.Side;
import org.piste.resolve.Decision;

/**
 * The one door for changes to what is known (an import, an analyst's ruling, a referral): each call stores the
 * change and its audit line in one transaction, then refreshes what depends on it (incremental resolution, then
 * screening). The CLI and the web write through here only, so no write path can forget the audit or the refresh.
 */
public final class Changes {
    private final Database database;
    /** Today's date for what an import decides by date (a request abroad answered): the clock, not the JVM's. */
    private final java.time.Clock clock;

    public Changes(Database database) {
        this(database, java.time.Clock.systemUTC());
    }

    public Changes(Database database, java.time.Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A stored change and the refresh that followed it (its full outcome, for the console). */
    public record Changed<T>(T change, Refresh.Outcome refresh) {
        public Decided<T> decided() {
            return new Decided<>(change, RefreshSummary.of(refresh));
        }
    }

    /** An import's outcome and, when something was stored, the refresh that followed. */
    public record Imported<T>(T outcome, Optional<Refresh.Outcome> refresh) {
        public Optional<RefreshSummary> summary() {
            return refresh.map(RefreshSummary::of);
        }
    }

    /** Progress of an import, and the moment its rows are committed, before the refresh begins. */
    public interface ImportProgress extends Importer.Progress {
        default void stored(ImportOutcome.Imported imported) {}
    }

    /** Confirms or dismisses an alert (a dismissal needs a note). */
    public Changed<AlertDecisions.Stored> decideAlert(Actor actor, String entityId, Side side, AlertDecisions.Kind kind,
            String note) {
        AlertDecisions.Stored stored = inTransaction("store the alert decision", c -> {
            AlertDecisions.Stored s = AlertDecisions.add(c, entityId, side, kind, note, actor.decidedBy());
            audit(c, actor, "alert.decide", "entity:" + s.entityId(), kind + " side=" + side
                    + (s.note().isEmpty() ? "" : " note=" + s.note()));
            return s;
        });
        return new Changed<>(stored, Refresh.afterChange(database));
    }

    /** Records that two party records are (or are not) the same person. */
    public Changed<DecisionStore.Stored> decideSamePerson(Actor actor, String recordA, String recordB,
            Decision.Kind kind, String note) {
        String why = note.strip();
        DecisionStore.Stored stored = inTransaction("store the decision", c -> {
            DecisionStore.Stored s = DecisionStore.add(c, recordA, recordB, kind, actor.decidedBy(), why);
            audit(c, actor, "entity.decide", "records:" + s.decision().recordA() + "," + s.decision().recordB(),
                    kind + (why.isEmpty() ? "" : " note=" + why));
            return s;
        });
        return new Changed<>(stored, Refresh.afterChange(database));
    }

    /** Accepts or rejects an entity for a referral's subject (accepted entities seed the screening). */
    public Changed<Match> decideReferralMatch(Actor actor, String ref, int index, String entity, Match.Status status,
            String note) {
        String why = note.strip();
        Match match = inTransaction("store the decision", c -> {
            Match m = ReferralDecisions.decide(c, ref, index, entity.strip(), status, actor.decidedBy(), why);
            audit(c, actor, "referral.decide", "referral:" + ref.strip() + ":subject:" + index, m.status()
                    + " entity=" + m.entityId() + (why.isEmpty() ? "" : " note=" + why));
            return m;
        });
        return new Changed<>(match, Refresh.afterChange(database));
    }

    /** Imports a transfer export; a dry run or a file already imported stores nothing and refreshes nothing. */
    public Imported<ImportOutcome> importTransfers(Actor actor, ImportRequest request, ImportProgress progress) {
        ImportOutcome outcome = new ImportService(database).importFile(request, progress, (c, sourceId, sha256, result) -> {
            audit(c, actor, "import.store", "source:" + sourceId, "file=" + request.file().getFileName()
                    + " sha256=" + sha256 + " profile=" + request.profile() + " accepted=" + result.counts().accepted()
                    + " quarantined=" + result.counts().quarantined() + " duplicates=" + result.counts().duplicates()
                    + legal(request.legalReference()));
            // An answer to a request abroad (legal reference = its number) is linked with the rows, or not at all.
            RequestsAbroad.linkAnswer(c, sourceId, request.legalReference(), actor,
                    org.piste.app.cases.Lateness.today(clock));
            // The export answering a requisition (its legal reference is the requisition's number) is linked to it.
            AnswerLinks.atImport(c, actor, sourceId, request.legalReference());
        });
        if (!(outcome instanceof ImportOutcome.Imported stored)) return new Imported<>(outcome, Optional.empty());
        progress.stored(stored);
        return new Imported<>(outcome, Optional.of(Refresh.afterChange(database)));
    }

    /**
     * Imports a referrals file (matched subjects seed the network). A file already imported changes nothing, but
     * that it was sent again is audited.
     */
    public Imported<ReferralImport.Outcome> importReferrals(Actor actor, Path file, String legalReference) {
        String legal = legalReference.strip();
        String name = file.getFileName().toString();
        ReferralImport.Outcome outcome = new ReferralImport(database).importFile(file, legal, (c, i) ->
                audit(c, actor, "referral.import", "referral-file:" + i.sha256(), "file=" + name + " IMPORTED referrals="
                        + i.referrals().size() + legal(legal)));
        return switch (outcome) {
            case ReferralImport.Outcome.AlreadyImported a -> {
                inTransaction("write the audit trail", c -> audit(c, actor, "referral.import", "referral-file:"
                        + a.sha256(), "file=" + name + " ALREADY_IMPORTED referrals=" + a.referrals() + legal(legal)));
                yield new Imported<>(outcome, Optional.empty());
            }
            case ReferralImport.Outcome.Imported i -> new Imported<>(outcome, Optional.of(Refresh.afterChange(database)));
        };
    }

    private static String legal(String legalReference) {
        return legalReference.isBlank() ? "" : " legalReference=" + legalReference.strip();
    }

    private static AuditEvent audit(Connection c, Actor actor, String action, String object, String detail)
            throws SQLException {
        return AuditLog.append(c, AuditEvent.Entry.by(actor, action, object, detail));
    }

    private <T> T inTransaction(String what, Transactions.Work<T> work) {
        return Transactions.inTransaction(database.dataSource(), what, work);
    }
}
