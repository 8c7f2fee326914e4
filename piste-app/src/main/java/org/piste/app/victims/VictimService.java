package org.piste.app.victims;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.Sql;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Transactions;
import org.piste.app.victims.Victim.NewVictim;

/**
 * The victim register of a case and what each buyer paid for each victim. Visible to the case's team and prosecutors
 * only (CaseService's rule: anyone else is told the case does not exist); every read is audited, every change is
 * audited and on the case's timeline, in the same transaction. The audit trail names victims by id only.
 */
public final class VictimService {
    private final DataSource dataSource;

    public VictimService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Victim> list(Actor a, long caseId) {
        return inTransaction(c -> {
            CaseService.visible(c, a, caseId);
            List<Victim> all = VictimStore.ofCase(c, caseId);
            audit(c, a, "victim.list", "case:" + caseId, caseId, all.size() + " victims");
            return all;
        });
    }

    public Victim view(Actor a, long caseId, long victimId) {
        return inTransaction(c -> {
            Victim v = visible(c, a, caseId, victimId);
            audit(c, a, "victim.view", "victim:" + victimId, caseId, "");
            return v;
        });
    }

    /** What each buyer paid the facilitators linked to the victim, with source rows (audited). */
    public PaidFor paidFor(Actor a, long caseId, long victimId) {
        return inTransaction(c -> {
            Victim v = visible(c, a, caseId, victimId);
            PaidFor p = PaidFor.of(c, v);
            audit(c, a, "victim.paid", "victim:" + victimId, caseId, p.lines().size() + " lines");
            return p;
        });
    }

    /**
     * The case a victim belongs to, for the console's "victim paid VID" (checked and audited by what follows). A victim
     * of a case the actor does not see is refused as one that does not exist: the case's number would give it away.
     */
    public long caseOf(Actor a, long victimId) {
        return inTransaction(c -> {
            long caseId = VictimStore.caseOf(c, victimId).orElseThrow(() -> new Refused("victim.none", victimId));
            try {
                CaseService.visible(c, a, caseId);
            } catch (CaseRefusal.NotFound e) {
                throw new Refused("victim.none", victimId);
            }
            return caseId;
        });
    }

    /** Adds a victim (the case's team), with the facilitators linked, each a record of the transfers. */
    public Victim add(Actor a, long caseId, NewVictim n) {
        return inTransaction(c -> {
            CaseService.team(c, a, caseId);
            if (VictimStore.exists(c, caseId, n.pseudonym())) throw new Refused("victim.already", n.pseudonym());
            long id = VictimStore.insert(c, caseId, n, a.username());
            String detail = "victim " + id + " " + n.pseudonym() + " " + n.ageBracket().code();
            CaseService.change(c, a, caseId, "victim.add", detail, "victim " + id);
            for (String record : n.facilitators()) link(c, a, caseId, id, record);
            return VictimStore.one(c, caseId, id).orElseThrow();
        });
    }

    /** Links one more facilitator (a record id; its entity is followed at read time). */
    public Victim linkFacilitator(Actor a, long caseId, long victimId, String record) {
        return inTransaction(c -> {
            CaseService.team(c, a, caseId);
            visibleVictim(c, caseId, victimId);
            String r = Victim.record(record);
            if (VictimStore.linked(c, victimId, r)) throw new Refused("victim.alreadyLinked", r);
            link(c, a, caseId, victimId, r);
            return VictimStore.one(c, caseId, victimId).orElseThrow();
        });
    }

    private static void link(Connection c, Actor a, long caseId, long victimId, String record) throws SQLException {
        if (!recordExists(c, record)) throw new Refused("victim.record", record);
        VictimStore.link(c, victimId, record, a.username());
        String detail = "victim " + victimId + " facilitator " + record;
        CaseService.change(c, a, caseId, "victim.facilitator", detail, detail);
    }

    /** Whether the record's transfer is stored (a record id is a transfer id and a side). */
    static boolean recordExists(Connection c, String record) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM transfer WHERE id = ?", rs -> 1,
                Long.parseLong(record.substring(0, record.indexOf(':')))).isEmpty();
    }

    /** The victim if the actor sees its case and it belongs to that case; otherwise as if neither existed. */
    static Victim visible(Connection c, Actor a, long caseId, long victimId) throws SQLException {
        CaseService.visible(c, a, caseId);
        return visibleVictim(c, caseId, victimId);
    }

    private static Victim visibleVictim(Connection c, long caseId, long victimId) throws SQLException {
        return VictimStore.one(c, caseId, victimId).orElseThrow(() -> new Refused("victim.none", victimId));
    }

    static void audit(Connection c, Actor a, String action, String object, long caseId, String detail)
            throws SQLException {
        AuditLog.append(c, new AuditEvent.Entry(a.username(), action, object, Optional.of(caseId), detail));
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the victim register", work);
    }
}
