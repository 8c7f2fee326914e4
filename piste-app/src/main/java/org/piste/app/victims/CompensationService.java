package org.piste.app.victims;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Transactions;
import org.piste.app.victims.Compensation.Award;
import org.piste.app.victims.Compensation.Claim;
import org.piste.app.victims.Compensation.Claimant;
import org.piste.app.victims.Compensation.Ledger;
import org.piste.app.victims.Compensation.Payment;
import org.piste.app.victims.CompensationSchedule.Row;

/**
 * The compensation ledger of a case: claims, awards per convicted buyer, payments received; outstanding derived.
 * The same need-to-know as the register; reads audited; the team or a prosecutor records entries (court decisions
 * reach both), each audited and on the case's timeline.
 */
public final class CompensationService {
    private final DataSource dataSource;

    public CompensationService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One victim's ledger (audited). */
    public Ledger ledger(Actor a, long caseId, long victimId) {
        return inTransaction(c -> {
            VictimService.visible(c, a, caseId, victimId);
            Ledger l = CompensationStore.ofCase(c, caseId).getOrDefault(victimId, new Ledger(List.of(), List.of()));
            VictimService.audit(c, a, "compensation.ledger", "victim:" + victimId, caseId, "");
            return new Ledger(List.copyOf(l.claims()), List.copyOf(l.awards()));
        });
    }

    /** The case's schedule: per victim, buyer and currency (audited). For the CSV and the court report. */
    public CompensationSchedule schedule(Actor a, long caseId) {
        return inTransaction(c -> {
            CaseFile.Summary s = CaseService.visible(c, a, caseId);
            CompensationSchedule schedule = new CompensationSchedule(caseId, s.reference(), rows(c, caseId));
            VictimService.audit(c, a, "compensation.schedule", "case:" + caseId, caseId, schedule.rows().size() + " rows");
            return schedule;
        });
    }

    public long claim(Actor a, long caseId, long victimId, Claimant claimant, Optional<String> buyerRecord,
            BigDecimal amount, String currency, LocalDate filedOn) {
        return inTransaction(c -> {
            CaseService.teamOrProsecutorIn(c, a, caseId);
            VictimService.visible(c, a, caseId, victimId);
            String cur = Money.currency(currency);
            Optional<String> buyer = buyerRecord.filter(b -> !b.isBlank()).map(Victim::record);
            if (buyer.isPresent()) known(c, buyer.get());
            long id = CompensationStore.claim(c, victimId, claimant, buyer, Money.toMinor(amount, cur), cur, filedOn,
                    a.username());
            String detail = "victim " + victimId + " claim " + id + " " + claimant.name() + " " + amount.toPlainString()
                    + " " + cur + buyer.map(b -> " buyer " + b).orElse("");
            CaseService.change(c, a, caseId, "compensation.claim", detail, detail);
            return id;
        });
    }

    public long award(Actor a, long caseId, long victimId, String buyerRecord, BigDecimal amount, String currency,
            LocalDate decidedOn, String decisionReference) {
        return inTransaction(c -> {
            CaseService.teamOrProsecutorIn(c, a, caseId);
            VictimService.visible(c, a, caseId, victimId);
            String cur = Money.currency(currency);
            String buyer = known(c, Victim.record(buyerRecord));
            String reference = Compensation.decisionReference(decisionReference);
            long id = CompensationStore.award(c, victimId, buyer, Money.toMinor(amount, cur), cur, decidedOn, reference,
                    a.username());
            String detail = "victim " + victimId + " award " + id + " buyer " + buyer + " " + amount.toPlainString() + " "
                    + cur;
            CaseService.change(c, a, caseId, "compensation.award", detail + " (" + reference + ")", detail);
            return id;
        });
    }

    /** A payment received on an award, in the award's currency. */
    public long payment(Actor a, long caseId, long awardId, BigDecimal amount, String currency, LocalDate receivedOn) {
        return inTransaction(c -> {
            CaseService.teamOrProsecutorIn(c, a, caseId);
            // An award of another case is refused as one that does not exist (naming its victim would give it away).
            CompensationStore.AwardKey key = CompensationStore.awardKey(c, caseId, awardId)
                    .orElseThrow(() -> new Refused("compensation.noAward", awardId));
            String cur = Money.currency(currency);
            if (!cur.equals(key.currency())) throw new Refused("compensation.paymentCurrency", key.currency());
            long id = CompensationStore.payment(c, awardId, Money.toMinor(amount, cur), cur, receivedOn, a.username());
            String detail = "award " + awardId + " payment " + id + " " + amount.toPlainString() + " " + cur;
            CaseService.change(c, a, caseId, "compensation.payment", detail, detail);
            return id;
        });
    }

    private static String known(Connection c, String record) throws SQLException {
        if (!VictimService.recordExists(c, record)) throw new Refused("victim.record", record);
        return record;
    }

    private record Key(long victimId, Optional<String> buyer, String currency) {}

    private static final class Sums {
        Optional<String> name = Optional.empty();
        BigDecimal claimed = BigDecimal.ZERO;
        BigDecimal awarded = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
    }

    /**
     * The schedule as it stood at {@code asOf}, in the caller's transaction and unaudited: for the case report, which
     * checks the case's need-to-know and audits its own issue.
     */
    public static List<Row> scheduleIn(Connection c, long caseId, java.time.Instant asOf) throws SQLException {
        return rows(c, caseId, Optional.of(asOf));
    }

    private static List<Row> rows(Connection c, long caseId) throws SQLException {
        return rows(c, caseId, Optional.empty());
    }

    private static List<Row> rows(Connection c, long caseId, Optional<java.time.Instant> asOf) throws SQLException {
        Map<Long, Ledger> ledgers = CompensationStore.ofCase(c, caseId, asOf);
        Map<Key, Sums> sums = new LinkedHashMap<>();
        List<Victim> victims = VictimStore.ofCase(c, caseId).stream()
                .filter(v -> asOf.isEmpty() || !v.createdAt().isAfter(asOf.get())).toList();
        for (Victim v : victims) {
            Ledger l = ledgers.get(v.id());
            if (l == null) continue;
            for (Claim k : l.claims()) {
                Sums s = sums.computeIfAbsent(new Key(v.id(), k.buyer().map(Compensation.Buyer::entityId), k.currency()),
                        x -> new Sums());
                s.name = k.buyer().map(Compensation.Buyer::name);
                s.claimed = s.claimed.add(k.amount());
            }
            for (Award w : l.awards()) {
                Sums s = sums.computeIfAbsent(new Key(v.id(), Optional.of(w.buyer().entityId()), w.currency()),
                        x -> new Sums());
                s.name = Optional.of(w.buyer().name());
                s.awarded = s.awarded.add(w.amount());
                for (Payment p : w.payments()) s.paid = s.paid.add(p.amount());
            }
        }
        Map<Long, String> pseudonyms = new LinkedHashMap<>();
        victims.forEach(v -> pseudonyms.put(v.id(), v.pseudonym()));
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new Row(k.victimId(), pseudonyms.get(k.victimId()), k.buyer(), s.name,
                k.currency(), s.claimed, s.awarded, s.paid, s.awarded.subtract(s.paid))));
        return List.copyOf(rows);
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the compensation ledger", work);
    }
}
