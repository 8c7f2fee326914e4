package org.piste.app.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile.AddedSubject;
import org.piste.app.cases.CaseFile.Conflict;
import org.piste.app.cases.CaseFile.Status;
import org.piste.app.cases.CaseFile.Subject;
import org.piste.app.cases.CaseFile.SubjectKind;
import org.piste.app.cases.CaseFile.Summary;
import org.piste.app.entities.EntityNames;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Transactions;
import org.piste.model.RecordId;
import org.piste.normal.Text;

/**
 * Case files with need-to-know, for the pages and the API alike. A case is visible to its team and to prosecutors
 * only; anyone else is told it does not exist ({@link CaseRefusal.NotFound}), admins included. The team changes
 * subjects and evidence; the lead or a prosecutor changes the team and the status; team and prosecutors add
 * notes. Every view and change is audited in the same transaction, and every change goes on the case's timeline.
 */
public final class CaseService {
    private static final int MAX_LINE = 200;
    private static final int MAX_TEXT = 10_000;
    private final DataSource dataSource;

    public CaseService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What opening a case needs; the creator becomes its lead. */
    public record NewCase(String reference, String title) {
        public NewCase {
            reference = line(reference, "case.referenceMissing");
            title = line(title, "case.titleMissing");
        }
    }

    /** The cases the actor may see: their team's, or every case for a prosecutor. */
    public List<Summary> list(Actor a) {
        return inTransaction(c -> {
            List<Summary> cases = visibleCases(c, a);
            audit(c, a, "case.list", "cases", a.workingCase(), cases.size() + " cases");
            return cases;
        });
    }

    /**
     * The cases the actor may see (the same rule as {@link #list}) whose number ("12", "n° 12") or reference (any part
     * of it, accents and case aside) is the text searched. Unaudited: for the search, which audits itself as a whole.
     */
    public List<Summary> matching(Actor a, String text) {
        String folded = Text.fold(text);
        if (folded.isEmpty()) return List.of();
        String number = folded.replaceFirst("^(n|no|numero) ", "");
        return inTransaction(c -> visibleCases(c, a).stream()
                .filter(s -> number.equals(String.valueOf(s.id())) || Text.fold(s.reference()).contains(folded))
                .toList());
    }

    /** Opens a case; who may is checked before what they typed, so a refusal says nothing about the input. */
    public CaseFile create(Actor a, String reference, String title) {
        mayOpen(a);
        return create(a, new NewCase(reference, title));
    }

    public CaseFile create(Actor a, NewCase n) {
        mayOpen(a);
        return inTransaction(c -> {
            long id = CaseStore.insertCase(c, n.reference(), n.title(), a.username());
            CaseStore.addMember(c, id, a.username(), a.username());
            change(c, a, id, "create", n.reference() + " " + n.title(), "");
            return read(c, id, a);
        });
    }

    /** The whole case file, its conflicts included; audited as a view. */
    public CaseFile view(Actor a, long id) {
        return inTransaction(c -> {
            visible(c, a, id);
            audit(c, a, "case.view", "case:" + id, Optional.of(id), "");
            return read(c, id, a);
        });
    }

    /**
     * Checks the actor may see the case before it is chosen as the one they work for, and keeps the choice for
     * their next sign-in (audited).
     */
    public Summary workOn(Actor a, long id) {
        return inTransaction(c -> {
            Summary s = visible(c, a, id);
            CaseStore.setWorkingCase(c, a.username(), Optional.of(id));
            audit(c, a, "case.work", "case:" + id, Optional.of(id), "");
            return s;
        });
    }

    /** The actor works for no case any more, now and at their next sign-in (audited when there was one). */
    public void stopWork(Actor a) {
        inTransaction(c -> {
            Optional<Long> kept = CaseStore.workingCase(c, a.username());
            CaseStore.setWorkingCase(c, a.username(), Optional.empty());
            if (kept.isPresent()) audit(c, a, "case.work", "case:" + kept.get(), Optional.empty(), "stopped");
            return null;
        });
    }

    /**
     * At sign-in: the case the actor last chose, if they may still see it (audited as resumed). One they may no
     * longer see (they left its team, their role changed) is forgotten, and that is audited too.
     */
    public Optional<Long> resumeWork(Actor a) {
        return inTransaction(c -> {
            Optional<Long> kept = CaseStore.workingCase(c, a.username());
            if (kept.isEmpty()) return kept;
            long id = kept.get();
            try {
                visible(c, a, id);
                audit(c, a, "case.work", "case:" + id, kept, "resumed at sign-in");
                return kept;
            } catch (CaseRefusal.NotFound e) {
                CaseStore.setWorkingCase(c, a.username(), Optional.empty());
                audit(c, a, "case.work", "case:" + id, Optional.empty(), "dropped at sign-in: no longer visible");
                return Optional.empty();
            }
        });
    }

    /** Whether the actor may say they work for the case (the API's X-Piste-Case header); not audited itself. */
    public boolean mayWorkOn(Actor a, long id) {
        return inTransaction(c -> {
            try {
                visible(c, a, id);
                return true;
            } catch (CaseRefusal.NotFound e) {
                return false;
            }
        });
    }

    public List<Conflict> conflicts(Actor a, long id) {
        return inTransaction(c -> {
            visible(c, a, id);
            audit(c, a, "case.conflicts", "case:" + id, Optional.of(id), "");
            return Deconfliction.of(c, id, a);
        });
    }

    public void addMember(Actor a, long id, String username) {
        inTransaction(c -> {
            leadOrProsecutor(c, a, id);
            String user = username.trim();
            String role = CaseStore.enabledRole(c, user).orElseThrow(() ->
                    new Refused("case.noActiveAccount", user));
            if (!role.equals(Role.ANALYST.name()) && !role.equals(Role.INVESTIGATOR.name())) {
                throw new Refused("case.teamRole", user);
            }
            if (CaseStore.isMember(c, id, user)) throw new Refused("case.alreadyMember", user);
            CaseStore.addMember(c, id, user, a.username());
            return change(c, a, id, "member.add", user, user);
        });
    }

    public void removeMember(Actor a, long id, String username) {
        inTransaction(c -> {
            Summary s = leadOrProsecutor(c, a, id);
            String user = username.trim();
            if (user.equals(s.lead())) throw new Refused("case.leadStays");
            if (!CaseStore.removeMember(c, id, user)) throw new Refused("case.notMember", user);
            return change(c, a, id, "member.remove", user, user);
        });
    }

    /**
     * Adds the person a record (or an entity, named by its id, which is a record id) stands for. Returns the
     * conflicts this subject brings with other cases, so the team is warned at once.
     */
    public AddedSubject addSubject(Actor a, long id, String recordId, SubjectKind kind) {
        return inTransaction(c -> {
            team(c, a, id);
            // One spelling for every record ("007:s" is 7:S), or the subject would not meet the same person in other cases.
            RecordId parsed = RecordId.parse(recordId).orElseThrow(() -> new UnknownRecord(recordId.strip()));
            String record = parsed.toString();
            String label = CaseStore.recordName(c, parsed).orElseThrow(() -> new UnknownRecord(record));
            String entity = CaseStore.currentEntity(c, record);
            Optional<Subject> already = CaseStore.subjects(c, id).stream().filter(s -> s.entityId().equals(entity))
                    .findFirst();
            if (already.isPresent()) throw new AlreadySubject(already.get());
            long subjectId = CaseStore.insertSubject(c, id, record, kind, label, a.username());
            change(c, a, id, "subject.add", kind.name() + " " + record + " " + label, kind.name() + " " + record);
            Subject added = CaseStore.subjects(c, id).stream().filter(s -> s.id() == subjectId).findFirst().orElseThrow();
            return new AddedSubject(added, Deconfliction.of(c, id, a, Optional.of(subjectId)));
        });
    }

    /**
     * Whom a number names, for the add-subject form before adding (empty when it names no record). Open to whoever
     * sees the case; audited as a read of a name, for the case.
     */
    public Optional<CaseFile.Candidate> candidate(Actor a, long id, String typed) {
        return inTransaction(c -> {
            visible(c, a, id);
            Optional<RecordId> parsed = RecordId.parse(typed);
            Optional<String> label = parsed.isEmpty() ? Optional.empty() : CaseStore.recordName(c, parsed.get());
            if (label.isEmpty()) return Optional.<CaseFile.Candidate>empty();
            String record = parsed.get().toString();
            String entity = CaseStore.currentEntity(c, record);
            String name = EntityNames.of(c, List.of(entity)).getOrDefault(entity, label.get());
            audit(c, a, "case.subject.preview", "entity:" + entity, Optional.of(id), record);
            return Optional.of(new CaseFile.Candidate(record, entity, name));
        });
    }

    public void removeSubject(Actor a, long id, long subjectId) {
        inTransaction(c -> {
            team(c, a, id);
            Subject s = CaseStore.subjects(c, id).stream().filter(x -> x.id() == subjectId).findFirst()
                    .orElseThrow(() -> new Refused("case.noSubject", subjectId));
            CaseStore.deleteSubject(c, id, subjectId);
            return change(c, a, id, "subject.remove", s.kind().name() + " " + s.recordId() + " " + s.label(),
                    s.kind().name() + " " + s.recordId());
        });
    }

    /** Adds a transfer, named by its reference or its id, as evidence with a note. */
    public CaseFile.Evidence addEvidence(Actor a, long id, String transfer, String note) {
        return inTransaction(c -> {
            team(c, a, id);
            String wanted = transfer.trim();
            if (wanted.isEmpty()) throw new Refused("case.transferMissing");
            List<Long> found = CaseStore.findTransfers(c, wanted);
            if (found.isEmpty()) throw new Refused("case.noTransfer", wanted);
            if (found.size() > 1) {
                throw new Refused("case.ambiguousTransfer", found.size(), wanted, found.toString());
            }
            long transferId = found.getFirst();
            if (CaseStore.hasEvidence(c, id, transferId)) {
                throw new Refused("case.alreadyEvidence", wanted);
            }
            long evidenceId = CaseStore.insertEvidence(c, id, transferId, text(note, false), a.username());
            CaseFile.Evidence e = CaseStore.evidence(c, id).stream().filter(x -> x.id() == evidenceId).findFirst()
                    .orElseThrow();
            String detail = "transfer " + e.transferId() + " " + e.reference() + " (" + e.sourceFile() + " sha256 "
                    + e.sha256() + " line " + e.line() + ")";
            change(c, a, id, "evidence.add", detail, detail);
            return e;
        });
    }

    public void addNote(Actor a, long id, String note) {
        inTransaction(c -> {
            Summary s = visible(c, a, id);
            if (!a.isProsecutor()) team(c, a, id);
            String text = text(note, true);
            long noteId = CaseStore.insertNote(c, s.id(), text, a.username());
            return change(c, a, id, "note", text.length() > 80 ? text.substring(0, 80) + "…" : text, "note " + noteId);
        });
    }

    public void setStatus(Actor a, long id, Status status) {
        inTransaction(c -> {
            Summary s = visible(c, a, id);
            if (!a.isProsecutor() && !a.username().equals(s.lead())) {
                throw new CaseRefusal.Forbidden("only the lead or a prosecutor changes the status of a case");
            }
            if (s.status() == status) throw new Refused("case.alreadyStatus." + status.name());
            CaseStore.setStatus(c, id, status);
            String detail = s.status().name() + " -> " + status.name();
            return change(c, a, id, "status", detail, detail);
        });
    }

    /** The actor's own open cases (team member), where they may add subjects. Not audited: titles only, own cases. */
    public List<Summary> openCasesToAddTo(Actor a) {
        if (role(a) != Role.ANALYST && role(a) != Role.INVESTIGATOR) return List.of();
        return inTransaction(c -> CaseStore.summaries(c, Optional.of(a.username())).stream()
                .filter(s -> s.status() == Status.OPEN).toList());
    }

    /**
     * Counts for the dashboard: open cases the actor sees, conflicts among them to resolve, and deconfliction
     * notices on the cases the actor leads.
     */
    public record Counts(long openCases, long conflicts, long notices) {}

    public Counts counts(Actor a) {
        if (role(a) == Role.ADMIN) return new Counts(0, 0, 0);
        return inTransaction(c -> {
            Optional<String> member = a.isProsecutor() ? Optional.empty() : Optional.of(a.username());
            long open = CaseStore.summaries(c, member).stream().filter(s -> s.status() == Status.OPEN).count();
            return new Counts(open, Deconfliction.count(c, member), Deconfliction.noticeCount(c, a.username()));
        });
    }

    // --- for what hangs off a case (requisitions, requests abroad, victims...): the same rules, in the caller's transaction

    public static List<Subject> subjectsIn(Connection c, long id) throws SQLException {
        return CaseStore.subjects(c, id);
    }

    public static List<CaseFile.Evidence> evidenceIn(Connection c, long id) throws SQLException {
        return CaseStore.evidence(c, id);
    }

    /** An entry on the case's timeline only, for a caller that audits the act itself (the report). */
    public static void timelineIn(Connection c, long id, String username, String kind, String detail)
            throws SQLException {
        CaseStore.event(c, id, username, kind, detail);
    }

    /** For what the team and prosecutors both record (notes, court decisions): as {@link #addNote}. */
    public static Summary teamOrProsecutorIn(Connection c, Actor a, long id) throws SQLException {
        Summary s = visible(c, a, id);
        if (!a.isProsecutor()) team(c, a, id);
        return open(s);
    }

    // --- access rules

    /** Case files are for the web's roles; the operator at the console has none. */
    private static Role role(Actor a) {
        return a.role().orElseThrow(() -> new CaseRefusal.Forbidden("case files are open to signed-in users only"));
    }

    /** Also for what hangs off a case (requisitions...), in the caller's transaction: one need-to-know rule. */
    public static List<Summary> visibleCases(Connection c, Actor a) throws SQLException {
        return switch (role(a)) {
            case PROSECUTOR -> CaseStore.summaries(c, Optional.empty());
            case ANALYST, INVESTIGATOR -> CaseStore.summaries(c, Optional.of(a.username()));
            case ADMIN -> List.of();
        };
    }

    private static void mayOpen(Actor a) {
        if (role(a) != Role.ANALYST && role(a) != Role.INVESTIGATOR) {
            throw new CaseRefusal.Forbidden("only analysts and investigators open cases");
        }
    }

    /** The case if the actor may see it; otherwise, as if it did not exist. Public for what hangs off a case. */
    public static Summary visible(Connection c, Actor a, long id) throws SQLException {
        boolean may = switch (role(a)) {
            case PROSECUTOR -> true;
            case ANALYST, INVESTIGATOR -> CaseStore.isMember(c, id, a.username());
            case ADMIN -> false;
        };
        Optional<Summary> s = may ? CaseStore.summary(c, id) : Optional.empty();
        return s.orElseThrow(() -> new CaseRefusal.NotFound(id));
    }

    /** For changes to the case's content: team members only, and not once the case is closed. Public likewise. */
    public static Summary team(Connection c, Actor a, long id) throws SQLException {
        Summary s = visible(c, a, id);
        if (!CaseStore.isMember(c, id, a.username())) {
            throw new CaseRefusal.Forbidden("only the case's team changes its subjects, evidence and notes");
        }
        return open(s);
    }

    private static Summary leadOrProsecutor(Connection c, Actor a, long id) throws SQLException {
        Summary s = visible(c, a, id);
        if (!a.isProsecutor() && !a.username().equals(s.lead())) {
            throw new CaseRefusal.Forbidden("only the lead or a prosecutor changes the team of a case");
        }
        return open(s);
    }

    private static Summary open(Summary s) {
        if (s.status() == Status.CLOSED) throw new Refused("case.closed");
        return s;
    }

    // --- reading, recording

    private static CaseFile read(Connection c, long id, Actor a) throws SQLException {
        List<Conflict> conflicts = Deconfliction.of(c, id, a);
        List<Subject> subjects = CaseStore.subjects(c, id);
        List<CaseFile.Evidence> evidence = CaseStore.evidence(c, id);
        List<CaseFile.TimelineEvent> timeline = CaseStore.timeline(c, id);
        // Every id the file shows, named in one go (part of the audited view of the case).
        Set<String> ids = new LinkedHashSet<>();
        subjects.forEach(s -> ids.add(s.entityId()));
        evidence.forEach(e -> ids.addAll(List.of(e.senderId(), e.recipientId())));
        return new CaseFile(CaseStore.summary(c, id).orElseThrow(), CaseStore.team(c, id), subjects, evidence,
                CaseStore.notes(c, id), timeline, conflicts, Deconfliction.notices(c, id), EntityNames.of(c, ids));
    }

    /**
     * A change: on the case's timeline (seen by the case's readers) and in the audit trail, in the caller's
     * transaction. The audit line names things by id only (no title, name or note text): admins browse the trail.
     * Public so that what hangs off a case records its changes the same way.
     */
    public static Void change(Connection c, Actor a, long id, String kind, String timelineDetail, String auditDetail)
            throws SQLException {
        CaseStore.event(c, id, a.username(), kind, timelineDetail);
        audit(c, a, "case." + kind, "case:" + id, Optional.of(id), auditDetail);
        return null;
    }

    private static void audit(Connection c, Actor a, String action, String object, Optional<Long> forCase,
            String detail) throws SQLException {
        AuditLog.append(c, new AuditEvent.Entry(a.username(), action, object, forCase, detail));
    }

    private static String line(String value, String missingKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw new Refused(missingKey);
        if (v.length() > MAX_LINE) throw new Refused("case.lineTooLong", MAX_LINE);
        return v;
    }

    private static String text(String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) throw new Refused("case.noteEmpty");
        if (v.length() > MAX_TEXT) throw new Refused("case.noteTooLong", MAX_TEXT);
        return v;
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the case files", work);
    }
}
