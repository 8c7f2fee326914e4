package org.piste.app.requisitions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Lateness;
import org.piste.app.refusals.Refused;
import org.piste.app.requisitions.Requisition.AddresseeKind;
import org.piste.app.requisitions.Requisition.Identifier;
import org.piste.app.requisitions.Requisition.LegalBasis;
import org.piste.app.store.Transactions;

/**
 * Requisitions of a case, for the pages, the API and the console alike. Who sees the case (CaseService's rule) sees
 * its requisitions; its team and prosecutors draft and send them, while the case is not closed. Every read and change
 * is audited in the same transaction; every change goes on the case's timeline.
 */
public final class RequisitionService {
    /** Without a due date, the addressee has this many days from the day it was sent. */
    public static final int DEFAULT_DAYS = 30;
    private static final int MAX_LINE = 200;
    private final DataSource dataSource;
    private final Clock clock;

    public RequisitionService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * What drafting needs; {@code number} empty: the next REQ-year-nnnn. {@code typed}: identifiers typed by hand,
     * besides those of the case's subjects.
     */
    public record NewRequisition(Optional<String> number, String addressee, AddresseeKind kind, LegalBasis basis,
            LocalDate from, LocalDate to, List<String> typed) {
        public NewRequisition {
            number = number.map(String::strip).filter(n -> !n.isEmpty());
            if (number.isPresent() && number.get().length() > 60) throw new Refused("requisition.numberTooLong", 60);
            addressee = addressee == null ? "" : addressee.strip();
            if (addressee.isEmpty()) throw new Refused("requisition.addresseeMissing");
            if (addressee.length() > MAX_LINE) throw new Refused("case.lineTooLong", MAX_LINE);
            if (to.isBefore(from)) throw new Refused("requisition.periodReversed", from, to);
            typed = typed.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
    }

    /** Today in Paris, the day {@link Lateness} compares due dates with. */
    public LocalDate today() {
        return Lateness.today(clock);
    }

    /** Drafts from the case: its subjects' identifiers and its evidence transfers' references are filled in. */
    public Requisition draft(Actor a, long caseId, NewRequisition n) {
        return inTransaction(c -> {
            CaseService.teamOrProsecutorIn(c, a, caseId);
            String number = n.number().orElse(nextNumber(c));
            if (RequisitionStore.numberTaken(c, number)) throw new Refused("requisition.numberTaken", number);
            List<Identifier> ids = new ArrayList<>(RequisitionStore.subjectIdentifiers(c, caseId));
            n.typed().forEach(t -> ids.add(new Identifier("OTHER", t)));
            long id = RequisitionStore.insert(c, new RequisitionStore.Draft(caseId, number, n.addressee(), n.kind(),
                    n.basis(), n.from(), n.to(), ids, RequisitionStore.evidenceRefs(c, caseId), a.username()));
            CaseService.change(c, a, caseId, "requisition.draft", number + " " + n.addressee(),
                    "requisition:" + id + " " + number);
            AnswerLinks.alreadyImported(c, a, RequisitionStore.byId(c, id).orElseThrow());
            return RequisitionStore.byId(c, id).orElseThrow();
        });
    }

    /** Marks a draft sent on {@code sentOn}; due {@link #DEFAULT_DAYS} days later unless {@code dueOn} says. */
    public Requisition markSent(Actor a, long caseId, long id, LocalDate sentOn, Optional<LocalDate> dueOn) {
        return inTransaction(c -> {
            CaseService.teamOrProsecutorIn(c, a, caseId);
            Requisition r = ofCase(c, caseId, id);
            if (r.status() != Requisition.Status.DRAFT) throw new Refused("requisition.notDraft", r.number());
            LocalDate due = dueOn.orElse(sentOn.plusDays(DEFAULT_DAYS));
            if (due.isBefore(sentOn)) throw new Refused("requisition.dueBeforeSent", due, sentOn);
            RequisitionStore.markSent(c, id, sentOn, due);
            CaseService.change(c, a, caseId, "requisition.sent", r.number() + " " + sentOn + " -> " + due,
                    "requisition:" + id + " due " + due);
            AnswerLinks.alreadyImported(c, a, RequisitionStore.byId(c, id).orElseThrow());
            return RequisitionStore.byId(c, id).orElseThrow();
        });
    }

    public List<Requisition> list(Actor a, long caseId) {
        return inTransaction(c -> {
            CaseService.visible(c, a, caseId);
            List<Requisition> all = RequisitionStore.ofCase(c, caseId);
            audit(c, a, "requisition.list", "case:" + caseId, caseId, all.size() + " requisitions");
            return all;
        });
    }

    public Requisition show(Actor a, long caseId, long id) {
        return inTransaction(c -> {
            CaseService.visible(c, a, caseId);
            Requisition r = ofCase(c, caseId, id);
            audit(c, a, "requisition.view", "requisition:" + id, caseId, r.number());
            return r;
        });
    }

    /** By number (the console's way): one the actor may not see is refused as if it did not exist. */
    public Requisition byNumber(Actor a, String number) {
        return inTransaction(c -> {
            Requisition r = RequisitionStore.byNumber(c, number)
                    .orElseThrow(() -> new Refused("requisition.unknown", number.strip()));
            try {
                CaseService.visible(c, a, r.caseId());
            } catch (CaseRefusal.NotFound e) {
                throw new Refused("requisition.unknown", number.strip());
            }
            audit(c, a, "requisition.view", "requisition:" + r.id(), r.caseId(), r.number());
            return r;
        });
    }

    private static Requisition ofCase(Connection c, long caseId, long id) throws SQLException {
        return RequisitionStore.byId(c, id).filter(r -> r.caseId() == caseId)
                .orElseThrow(() -> new CaseRefusal.NotFound(caseId));
    }

    /** REQ-year-nnnn, the year in Paris; the unique index refuses a number taken by a concurrent draft. */
    private String nextNumber(Connection c) throws SQLException {
        int year = today().getYear();
        return "REQ-%d-%04d".formatted(year, RequisitionStore.lastSequence(c, year) + 1);
    }

    private static void audit(Connection c, Actor a, String action, String object, long caseId, String detail)
            throws SQLException {
        AuditLog.append(c, new AuditEvent.Entry(a.username(), action, object, Optional.of(caseId), detail));
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the requisitions", work);
    }
}
