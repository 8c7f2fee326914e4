package org.piste.app.requisitions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Lateness;
import org.piste.app.cases.Sql;
import org.piste.app.store.Transactions;

/**
 * The procedure's deadlines (the view procedure_deadline: requisitions sent, and what V25 adds) on the cases the
 * actor may see: what is late and what is due within {@link Lateness#SOON_DAYS} days, the earliest first.
 */
public final class Deadlines {
    private final DataSource dataSource;
    private final Clock clock;

    public Deadlines(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One item waiting for an answer; {@code kind}: REQUISITION (or REQUEST_ABROAD, from V25). */
    public record Deadline(long caseId, String caseReference, String kind, long itemId, String number,
            String addressee, LocalDate dueOn, String status, boolean late) {}

    /** Audited as a read (the API and the console). */
    public List<Deadline> list(Actor a) {
        return inTransaction(c -> {
            List<Deadline> all = read(c, a);
            AuditLog.append(c, AuditEvent.Entry.by(a, "deadline.list", "deadlines", all.size() + " items"));
            return all;
        });
    }

    /**
     * For the dashboard card: numbers, addressees and dates of the actor's own cases, no personal data, so not
     * audited (as the other cards' counts are not).
     */
    public List<Deadline> forCard(Actor a) {
        return inTransaction(c -> read(c, a));
    }

    private List<Deadline> read(Connection c, Actor a) throws SQLException {
        if (a.role().isEmpty() || a.is(Role.ADMIN)) return List.of();
        List<CaseFile.Summary> cases = CaseService.visibleCases(c, a);
        if (cases.isEmpty()) return List.of();
        LocalDate today = Lateness.today(clock);
        Array ids = c.createArrayOf("bigint", cases.stream().map(CaseFile.Summary::id).toArray());
        return Sql.list(c, "SELECT d.case_id, f.reference, d.kind, d.item_id, d.number, d.addressee, "
                + "d.due_on, d.status FROM procedure_deadline d JOIN case_file f ON f.id = d.case_id "
                + "WHERE d.case_id = ANY (?) AND d.due_on <= ? ORDER BY d.due_on, d.number", rs -> {
                    String status = rs.getString(8);
                    Optional<LocalDate> due = Optional.of(rs.getObject(7, LocalDate.class));
                    return new Deadline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), due.get(), status, Lateness.isLate(status, due, today));
                }, ids, today.plusDays(Lateness.SOON_DAYS)).stream()
                .filter(d -> d.late() || Lateness.isDueSoon(d.status(), Optional.of(d.dueOn()), today)).toList();
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "read the deadlines", work);
    }
}
