package org.piste.app.requests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Lateness;
import org.piste.app.cases.TypedDays;
import org.piste.app.refusals.Refused;
import org.piste.app.requests.RequestAbroad.Channel;
import org.piste.app.requests.RequestAbroad.Detail;
import org.piste.app.requests.RequestAbroad.Status;
import org.piste.app.requests.RequestAbroad.SubjectChoice;
import org.piste.app.requests.RequestAbroad.TransferChoice;
import org.piste.app.store.Transactions;
import org.piste.normal.Countries;

/**
 * Requests abroad for the pages, the API and the console alike. Who sees a case sees its requests (the case's
 * need-to-know, {@link CaseService#visible}: anyone else is told neither exists); its team drafts them, chooses
 * what the package holds, produces it and marks it sent. Every view is audited, every change goes on the case's
 * timeline, and every package produced is audited with what personal data left and to whom.
 */
public final class RequestsAbroad {
    static final int MAX_QUESTION = 4_000;
    private static final int MAX_LINE = 200;
    /** Candidates shown for the package: beyond this, a request is not minimised any more. */
    static final int MAX_CANDIDATES = 500;
    private final DataSource dataSource;
    private final Clock clock;
    private final int maxCandidates;

    public RequestsAbroad(DataSource dataSource, Clock clock) {
        this(dataSource, clock, MAX_CANDIDATES);
    }

    /** {@code maxCandidates}: a smaller cap lets a test pass it with a few transfers. */
    RequestsAbroad(DataSource dataSource, Clock clock, int maxCandidates) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxCandidates = maxCandidates;
    }

    /** What drafting a request needs; {@code number} empty: the next "EAI-<year>-<4 digits>". */
    public record NewRequest(Optional<String> number, Channel channel, String country, String authority, String question) {
        public NewRequest {
            number = number.map(String::strip).filter(n -> !n.isEmpty());
            if (number.isPresent() && number.get().length() > MAX_LINE) throw new Refused("request.lineTooLong", MAX_LINE);
            String typed = country == null ? "" : country.strip();
            country = Countries.toAlpha2(typed).orElseThrow(() -> new Refused("request.unknownCountry", typed));
            authority = line(authority, "request.authorityMissing");
            question = question == null ? "" : question.strip();
            if (question.isEmpty()) throw new Refused("request.questionMissing");
            if (question.length() > MAX_QUESTION) throw new Refused("request.questionTooLong", MAX_QUESTION);
        }
    }

    public List<RequestAbroad> list(Actor a, long caseId) {
        return inTransaction(c -> {
            CaseService.visible(c, a, caseId);
            List<RequestAbroad> all = RequestStore.ofCase(c, caseId, today());
            audit(c, a, "request.list", "case:" + caseId, caseId, all.size() + " requests");
            return all;
        });
    }

    /** Drafts a request as typed; who may is checked before what they typed, so a refusal says nothing of the input. */
    public RequestAbroad create(Actor a, long caseId, Optional<String> number, String channel, String country,
            String authority, String question) {
        inTransaction(c -> CaseService.team(c, a, caseId));
        return create(a, caseId, new NewRequest(number, Channel.parse(channel == null ? "" : channel), country, authority,
                question));
    }

    /**
     * Drafts a request. Its package starts empty (minimisation: the team ticks what the foreign authority needs),
     * so nothing leaves by default.
     */
    public RequestAbroad create(Actor a, long caseId, NewRequest n) {
        return inTransaction(c -> {
            CaseService.team(c, a, caseId);
            String number = n.number().orElse(RequestStore.nextNumber(c, today().getYear()));
            if (RequestStore.numberTaken(c, number)) throw new Refused("request.numberTaken", number);
            long id = RequestStore.insert(c, caseId, number, n.channel(), n.country(), n.authority(), n.question(),
                    a.username());
            String detail = number + " " + n.channel() + " " + n.country();
            CaseService.change(c, a, caseId, "request.create", detail + " " + n.authority(), "request " + id + " " + detail);
            return RequestStore.find(c, id, today()).orElseThrow();
        });
    }

    /** The request with what may go in its package (chosen or not), the packages made and the answer's files. */
    public Detail view(Actor a, long caseId, long id) {
        return inTransaction(c -> {
            RequestAbroad r = visible(c, a, caseId, id);
            audit(c, a, "request.view", "request:" + id, caseId, r.number());
            return detail(c, r);
        });
    }

    /** The request a number names (the console's way), if the actor sees its case. */
    public Detail byNumber(Actor a, String number) {
        return inTransaction(c -> {
            RequestAbroad r = RequestStore.byNumber(c, number.strip(), today())
                    .orElseThrow(() -> new Refused("request.noSuchNumber", number.strip()));
            try {
                CaseService.visible(c, a, r.caseId());
            } catch (CaseRefusal.NotFound e) {
                throw new Refused("request.noSuchNumber", number.strip());
            }
            audit(c, a, "request.view", "request:" + r.id(), r.caseId(), r.number());
            return detail(c, r);
        });
    }

    /**
     * Sets what the package holds: subjects among the case's (their record ids) and transfers with a side among
     * those subjects. Anything else is refused, so a package never holds more than the request needs.
     */
    public Detail choose(Actor a, long caseId, long id, Set<String> subjects, Set<Long> transfers) {
        return inTransaction(c -> {
            RequestAbroad r = draft(c, a, caseId, id);
            Map<String, CaseFile.Subject> bySubject = new LinkedHashMap<>();
            CaseService.subjectsIn(c, caseId).forEach(s -> bySubject.put(s.recordId(), s));
            for (String s : subjects) if (!bySubject.containsKey(s)) throw new Refused("request.notASubject", s);
            List<String> entities = subjects.stream().map(s -> bySubject.get(s).entityId()).toList();
            Set<Long> allowed = new LinkedHashSet<>();
            RequestStore.transfersOf(c, entities, Optional.of(transfers), Set.of(), Integer.MAX_VALUE)
                    .forEach(t -> allowed.add(t.id()));
            for (long t : transfers) if (!allowed.contains(t)) throw new Refused("request.transferNotOfSubjects", Long.toString(t));
            RequestStore.choose(c, id, subjects, transfers);
            // Stored in no language (cases.TimelineDetail): the pages word it.
            String counts = r.number() + " " + subjects.size() + " " + transfers.size();
            CaseService.change(c, a, caseId, "request.selection", counts, "request " + id + " " + r.number() + " "
                    + subjects.size() + " subjects " + transfers.size() + " transfers");
            return detail(c, RequestStore.find(c, id, today()).orElseThrow());
        });
    }

    /**
     * Produces the package from the selection, and records it: a row (manifest kept), the case's timeline, and an
     * audit line saying what personal data left and to whom. Each production is one sending as far as the trail goes.
     */
    public RequestPackage.Made makePackage(Actor a, long caseId, long id) {
        return inTransaction(c -> {
            RequestAbroad r = visible(c, a, caseId, id);
            CaseService.team(c, a, caseId);
            RequestPackage.Made made = Selections.produce(c, r);
            RequestStore.insertPackage(c, id, a.username(), r.addressee(), made.manifest(), made.manifestSha256(),
                    made.recordIds(), made.transferIds());
            String what = made.subjects() + " persons, " + made.transfers() + " transfers";
            CaseService.change(c, a, caseId, "request.package", r.number() + " → " + r.addressee() + " "
                    + made.subjects() + " " + made.transfers(), "request " + id + " " + r.number());
            // Ids only, no names: the trail says whose data left without copying it.
            audit(c, a, "request.package", "request:" + id, caseId, "to " + r.addressee() + " via " + r.channel()
                    + ": " + what + " (" + String.join(", ", made.personalData()) + "); records "
                    + String.join(" ", made.recordIds()) + "; transfers " + String.join(" ", made.transferIds().stream()
                    .map(String::valueOf).toList()) + "; manifest sha256 " + made.manifestSha256());
            return made;
        });
    }

    /** Marks the request sent today (Paris), with its due date if any; a package must have been produced first. */
    public RequestAbroad markSent(Actor a, long caseId, long id, Optional<LocalDate> due) {
        return inTransaction(c -> {
            RequestAbroad r = draft(c, a, caseId, id);
            if (RequestStore.packages(c, id).isEmpty()) throw new Refused("request.noPackage", r.number());
            LocalDate today = today();
            if (due.isPresent() && due.get().isBefore(today)) throw new Refused("request.dueInThePast", due.get());
            RequestStore.markSent(c, id, today, due);
            String detail = r.number() + " " + today + due.map(d -> " due " + d).orElse("");
            CaseService.change(c, a, caseId, "request.sent", r.number() + " " + today + due.map(d -> " " + d).orElse(""),
                    "request " + id + " " + detail);
            return RequestStore.find(c, id, today).orElseThrow();
        });
    }

    /**
     * At import, in the import's transaction: a file whose legal reference is a request's number is that request's
     * answer; it is linked and the request is answered (a closed one stays closed). Nothing when no request has it.
     */
    public static void linkAnswer(Connection c, long sourceId, String legalReference, Actor importer, LocalDate today)
            throws SQLException {
        Optional<RequestAbroad> r = RequestStore.byNumber(c, legalReference, today);
        if (r.isEmpty()) return;
        RequestStore.linkAnswer(c, r.get().id(), sourceId);
        if (r.get().status() != Status.CLOSED) RequestStore.setStatus(c, r.get().id(), Status.ANSWERED);
        CaseService.change(c, importer, r.get().caseId(), "request.answer", r.get().number() + " " + sourceId,
                "request " + r.get().id() + " " + r.get().number() + " source " + sourceId);
    }

    // --- rules

    /** A request of another case, or of none, is as absent as a case the actor may not see. */
    private RequestAbroad visible(Connection c, Actor a, long caseId, long id) throws SQLException {
        CaseService.visible(c, a, caseId);
        return RequestStore.find(c, id, today()).filter(r -> r.caseId() == caseId)
                .orElseThrow(() -> new CaseRefusal.NotFound(caseId));
    }

    /** Changes to the request itself: the case's team, while the request is a draft. */
    private RequestAbroad draft(Connection c, Actor a, long caseId, long id) throws SQLException {
        RequestAbroad r = visible(c, a, caseId, id);
        CaseService.team(c, a, caseId);
        if (r.status() != Status.DRAFT) throw new Refused("request.notDraft", r.number());
        return r;
    }

    private Detail detail(Connection c, RequestAbroad r) throws SQLException {
        Set<String> chosenSubjects = RequestStore.chosenSubjects(c, r.id());
        Set<Long> chosenTransfers = RequestStore.chosenTransfers(c, r.id());
        List<SubjectChoice> subjects = CaseService.subjectsIn(c, r.caseId()).stream().map(s -> new SubjectChoice(
                s.recordId(), s.entityId(), s.kind().name(), s.label(), chosenSubjects.contains(s.recordId()))).toList();
        List<TransferChoice> transfers = Selections.candidates(c, subjects.stream().map(SubjectChoice::entityId).toList(),
                chosenTransfers, maxCandidates);
        return new Detail(RequestStore.find(c, r.id(), today()).orElseThrow(), subjects, transfers,
                RequestStore.packages(c, r.id()), RequestStore.answers(c, r.id()));
    }

    /** A date as typed (YYYY-MM-DD); blank: none. */
    public static Optional<LocalDate> date(String text) {
        return TypedDays.optional(text, "request.badDate");
    }

    /**
     * For the demo: a police cooperation request to the Philippines for the case's subjects, with their evidence
     * (or, when the case has none, up to 20 of their transfers), its package written to {@code zip}, then marked sent
     * with a due date 30 days on. {@code lead}: a member of the case's team.
     */
    public static RequestAbroad forDemo(RequestsAbroad requests, Actor lead, long caseId, java.nio.file.Path zip) {
        RequestAbroad r = requests.create(lead, caseId, new NewRequest(Optional.empty(), Channel.POLICE, "PH",
                "Philippine National Police – Women and Children Protection Center",
                "Identification des titulaires des comptes bénéficiaires et des retraits en espèces listés en annexe."));
        // The demo chooses explicitly, as a user would: every subject, and their evidence or else 20 transfers.
        Detail d = requests.view(lead, caseId, r.id());
        Set<Long> evidence = requests.evidenceOfSubjects(lead, caseId);
        List<Long> chosen = evidence.isEmpty() ? d.transfers().stream().limit(20).map(TransferChoice::id).toList()
                : List.copyOf(evidence);
        requests.choose(lead, caseId, r.id(), new java.util.TreeSet<>(d.subjects().stream().map(SubjectChoice::recordId)
                .toList()), new LinkedHashSet<>(chosen));
        RequestPackage.Made made = requests.makePackage(lead, caseId, r.id());
        try {
            java.nio.file.Files.write(zip, made.zip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return requests.markSent(lead, caseId, r.id(), Optional.of(requests.today().plusDays(30)));
    }

    /** The case's evidence with a side among its subjects: what the demo's package holds. */
    Set<Long> evidenceOfSubjects(Actor a, long caseId) {
        return inTransaction(c -> {
            CaseService.visible(c, a, caseId);
            Set<String> entities = new HashSet<>();
            CaseService.subjectsIn(c, caseId).forEach(s -> entities.add(s.entityId()));
            Set<Long> evidence = new LinkedHashSet<>();
            for (CaseFile.Evidence e : CaseService.evidenceIn(c, caseId)) {
                if (entities.contains(e.senderId()) || entities.contains(e.recipientId())) evidence.add(e.transferId());
            }
            return evidence;
        });
    }

    private LocalDate today() {
        return Lateness.today(clock);
    }

    private static void audit(Connection c, Actor a, String action, String object, long caseId, String detail)
            throws SQLException {
        AuditLog.append(c, new AuditEvent.Entry(a.username(), action, object, Optional.of(caseId), detail));
    }

    private static String line(String value, String missingKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw new Refused(missingKey);
        if (v.length() > MAX_LINE) throw new Refused("request.lineTooLong", MAX_LINE);
        return v;
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the requests abroad", work);
    }
}
