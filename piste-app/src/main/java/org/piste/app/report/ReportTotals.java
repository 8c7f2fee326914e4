package org.piste.app.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.piste.app.report.ReportSnapshot.TransferLine;
import org.piste.model.TransferStatus;
import org.piste.screen.TransferFact;

/**
 * A subject's transfers summed by a key (recipient, month, payout city), each currency kept apart: exact decimals
 * (BigDecimal), never converted, since the report sums what the sources say and a rate would be a guess.
 */
record ReportTotals(String key, String currency, int transfers, BigDecimal total) {

    /** Totals per recipient, largest first (ties by name, then currency, so the order is the same every time). */
    static List<ReportTotals> byRecipient(List<TransferLine> transfers) {
        return largestFirst(sum(transfers, t -> t.recipientName() + " (" + t.recipientEntity() + ")"));
    }

    /** Totals per payout city and country, largest first. */
    static List<ReportTotals> byCity(List<TransferLine> transfers) {
        return largestFirst(sum(transfers, t -> t.payoutCity() + ", " + t.payoutCountry()));
    }

    /** Totals per month, in time order: the month where the transfer was sent (the sender's zone). */
    static List<ReportTotals> byMonth(List<TransferLine> transfers) {
        List<ReportTotals> out = sum(transfers, t -> month(t.at(), t.zone()).toString());
        out.sort(Comparator.comparing(ReportTotals::key).thenComparing(ReportTotals::currency));
        return out;
    }

    /** Totals per currency only (the summary's line). */
    static List<ReportTotals> byCurrency(List<TransferLine> transfers) {
        List<ReportTotals> out = sum(transfers, t -> "");
        out.sort(Comparator.comparing(ReportTotals::currency));
        return out;
    }

    /** Cancelled and refunded transfers moved no money: listed, counted in no total (the screening's rule). */
    static boolean moved(TransferLine t) {
        return TransferFact.moved(TransferStatus.valueOf(t.status()));
    }

    static YearMonth month(Instant at, String zone) {
        return YearMonth.from(at.atZone(ZoneId.of(zone)));
    }

    private static List<ReportTotals> sum(List<TransferLine> transfers, Function<TransferLine, String> key) {
        Map<List<String>, ReportTotals> sums = new LinkedHashMap<>();
        for (TransferLine t : transfers) {
            if (!moved(t)) continue;
            sums.merge(List.of(key.apply(t), t.currency()), new ReportTotals(key.apply(t), t.currency(), 1,
                    new BigDecimal(t.amount())), (a, b) -> new ReportTotals(a.key, a.currency, a.transfers + 1,
                    a.total.add(b.total)));
        }
        return new ArrayList<>(sums.values());
    }

    private static List<ReportTotals> largestFirst(List<ReportTotals> totals) {
        totals.sort(Comparator.comparing(ReportTotals::currency).thenComparing(ReportTotals::total,
                Comparator.reverseOrder()).thenComparing(ReportTotals::key));
        return totals;
    }
}
