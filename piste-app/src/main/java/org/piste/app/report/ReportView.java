package org.piste.app.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.piste.app.imports.TransferDetail;
import org.piste.app.report.ReportSnapshot.Header;
import org.piste.app.report.ReportSnapshot.Row;
import org.piste.app.report.ReportSnapshot.SourcePart;
import org.piste.app.report.ReportSnapshot.SubjectPart;
import org.piste.app.report.ReportSnapshot.TransferLine;
import org.piste.model.Money;
import org.piste.screen.Sentence;
import org.springframework.context.MessageSource;

/**
 * The snapshot written out for the template: every date, amount and sentence already in the reader's language, so
 * the template only lays text out. Transfers are shown where they were sent (sender's zone, named), Piste's own
 * moments in Paris time (zone named); amounts by {@link Money#written}; sentences by their bundle wordings.
 */
record ReportView(Header header, String date, String snapshotSha256, List<Summary> summary, List<Subject> subjects,
        List<Indicator> indicators, ReportSnapshot.Method method, List<Source> sources, List<Compensation> compensation,
        String runsLater) {

    /** A row of the compensation schedule, its amounts written in the reader's language. */
    record Compensation(ReportSnapshot.CompensationLine line, String claimed, String awarded, String paid,
            String outstanding) {}

    record Summary(String label, String entityId, String kind, String score, String rank, int transfers,
            List<String> totals, List<When> period, String counterparties) {}

    /** A moment where the transfer was sent: the local date-time and its zone, named (printed unbroken each). */
    record When(String local, String zone) {}

    record Subject(SubjectPart part, List<Variant> variants, List<Transfer> transfers, List<Total> byRecipient,
            List<Total> byMonth, List<Total> byCity, List<String> monthCharts, String hourChart, List<Neighbour> network,
            List<String> explanation, List<Decision> decisions, String kind, String side, String score) {}

    record Variant(ReportSnapshot.IdentityVariant variant, String rows) {}

    record Transfer(When at, TransferLine line, String amount, String row, String status) {}

    record Total(String key, int transfers, String amount) {}

    record Neighbour(ReportSnapshot.NeighbourLine line, String total, String side) {}

    record Decision(ReportSnapshot.DecisionLine line, String kind, String decision, String at) {}

    record Indicator(String key, String name, String measures) {}

    /** A source file; {@code rows} the equation read = accepted + quarantined + duplicates, {@code holds} if it does. */
    record Source(SourcePart part, String receivedOn, String importedAt, String rows, boolean holds) {}

    static ReportView of(ReportSnapshot s, String snapshotSha256, Locale locale, MessageSource messages) {
        Words w = new Words(locale, messages);
        List<Summary> summary = s.subjects().stream().map(p -> summary(p, w)).toList();
        List<Subject> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < s.subjects().size(); i++) subjects.add(subject(s.subjects().get(i), "s" + i, w));
        List<Indicator> indicators = s.method().indicators().stream().map(k -> new Indicator(k,
                w.optional("alerts.indicator." + k, k), w.optional("report.measures." + k, ""))).toList();
        List<Source> sources = s.sources().stream().map(f -> new Source(f, w.day(f.receivedOn()), w.paris(f.importedAt()),
                w.msg("report.custody.equation", f.rowsRead(), f.rowsAccepted(), f.rowsQuarantined(), f.rowsDuplicate()),
                f.rowsRead() == f.rowsAccepted() + f.rowsQuarantined() + f.rowsDuplicate())).toList();
        List<Compensation> compensation = s.compensation().stream().map(l -> new Compensation(l,
                w.money(new BigDecimal(l.claimed()), l.currency()), w.money(new BigDecimal(l.awarded()), l.currency()),
                w.money(new BigDecimal(l.paid()), l.currency()), w.money(new BigDecimal(l.outstanding()), l.currency())))
                .toList();
        Instant asOf = s.header().asOf();
        String runsLater = s.method().resolvedAt().isAfter(asOf) || s.method().screenedAt().isAfter(asOf)
                ? w.msg("report.method.later", w.paris(s.method().resolvedAt()), w.paris(s.method().screenedAt())) : "";
        return new ReportView(s.header(), w.paris(asOf), snapshotSha256, summary, subjects, indicators,
                s.method(), sources, compensation, runsLater);
    }

    private static Summary summary(SubjectPart p, Words w) {
        List<TransferLine> byDate = sorted(p.transfers());
        List<When> period = byDate.isEmpty() ? List.of() : List.of(w.sent(byDate.getFirst().at(),
                byDate.getFirst().zone()), w.sent(byDate.getLast().at(), byDate.getLast().zone()));
        // The main counterparties: the other side of the subject's transfers, most transfers first.
        Map<String, Long> others = p.transfers().stream().collect(Collectors.groupingBy(t -> p.entityId().equals(
                t.senderEntity()) ? t.recipientName() : t.senderName(), LinkedHashMap::new, Collectors.counting()));
        String counterparties = others.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return new Summary(p.label(), p.entityId(), w.code("cases.kind.", p.kind()),
                p.screening().map(x -> w.score(x.score())).orElse("—"),
                p.screening().map(x -> Integer.toString(x.rank())).orElse("—"), p.transfers().size(),
                ReportTotals.byCurrency(p.transfers()).stream().map(t -> w.money(t.total(), t.currency())).toList(),
                period, counterparties);
    }

    private static Subject subject(SubjectPart p, String id, Words w) {
        List<TransferLine> byDate = sorted(p.transfers());
        List<Transfer> transfers = byDate.stream().map(t -> new Transfer(w.sent(t.at(), t.zone()), t,
                w.money(new BigDecimal(t.amount()), t.currency()), row(t.row()), w.code("transfers.status.", t.status())))
                .toList();
        List<ReportTotals> months = ReportTotals.byMonth(p.transfers());
        int[] hours = new int[24];
        for (TransferLine t : p.transfers()) hours[t.at().atZone(ZoneId.of(t.zone())).getHour()]++;
        return new Subject(p, p.variants().stream().map(v -> new Variant(v, v.rows().stream().map(ReportView::row)
                        .collect(Collectors.joining(", ")))).toList(), transfers,
                totals(ReportTotals.byRecipient(p.transfers()), w), totals(months, w),
                totals(ReportTotals.byCity(p.transfers()), w),
                monthCharts(months, id, w),
                ReportCharts.byHour(hours, w.msg("report.chart.hour"), w.msg("report.chart.count"),
                        w.msg("report.chart.transfers"), id + "h", w.locale()),
                p.network().stream().map(n -> new Neighbour(n, w.money(new BigDecimal(n.total()), n.currency()),
                        w.code("report.flow.", n.side()))).toList(),
                p.screening().map(x -> x.explanation().stream().map(w::sentence).toList()).orElse(List.of()),
                p.decisions().stream().map(d -> new Decision(d, w.code("report.decision.", d.kind()), decision(d, w),
                        w.paris(d.at()))).toList(), w.code("cases.kind.", p.kind()),
                p.screening().map(x -> w.code("alerts.side.", x.side())).orElse(""),
                p.screening().map(x -> w.score(x.score())).orElse(""));
    }

    /**
     * One month chart per currency: bars of euros and pesos on one axis would read as comparable amounts. The months
     * are the subject's (every month with a transfer in any currency), so the charts line up.
     */
    private static List<String> monthCharts(List<ReportTotals> months, String id, Words w) {
        List<String> keys = months.stream().map(ReportTotals::key).distinct().sorted().toList();
        List<String> charts = new java.util.ArrayList<>();
        for (String currency : months.stream().map(ReportTotals::currency).distinct().sorted().toList()) {
            List<ReportTotals> one = keys.stream().map(k -> months.stream()
                    .filter(m -> m.key().equals(k) && m.currency().equals(currency)).findFirst()
                    .orElse(new ReportTotals(k, currency, 0, BigDecimal.ZERO))).toList();
            charts.add(ReportCharts.byMonth(one, w.msg("report.chart.month", currency), w.msg("report.chart.amount",
                    currency), id + "m" + currency, w.locale()));
        }
        return List.copyOf(charts);
    }

    private static List<Total> totals(List<ReportTotals> totals, Words w) {
        return totals.stream().map(t -> new Total(t.key(), t.transfers(), w.money(t.total(), t.currency()))).toList();
    }

    /** By date, then reference: two transfers of the same minute keep one order. */
    private static List<TransferLine> sorted(List<TransferLine> transfers) {
        return transfers.stream().sorted(Comparator.comparing(TransferLine::at).thenComparing(TransferLine::reference))
                .toList();
    }

    /** A source row, its file's SHA-256 cut to 12 hex digits (the chain of custody prints it whole). */
    static String row(Row r) {
        return r.sha256().substring(0, Math.min(12, r.sha256().length())) + ":" + r.line();
    }

    /**
     * A decision in words: its first word is a code (an alert's status, a resolution ruling, a referral match's status),
     * then what it is about (a side, record ids, a referral) as stored.
     */
    static String decision(ReportSnapshot.DecisionLine d, Words w) {
        String[] parts = d.decision().split(" ", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (d.kind()) {
            case "ALERT" -> w.code("alerts.status.", parts[0]) + (rest.isEmpty() ? "" : " (" + w.code("alerts.side.", rest) + ")");
            case "RESOLUTION" -> w.code("entities.kind.", parts[0]) + (rest.isEmpty() ? "" : " " + rest);
            case "REFERRAL" -> w.code("referrals.status.", parts[0]) + (rest.isEmpty() ? "" : " " + rest);
            default -> d.decision();
        };
    }

    /** The reader's language: bundle words, dates and amounts. */
    private record Words(Locale locale, MessageSource messages, DateTimeFormatter minutes, DateTimeFormatter days) {
        Words(Locale locale, MessageSource messages) {
            this(locale, messages, DateTimeFormatter.ofPattern(messages.getMessage("transfers.dateFormat", null, locale),
                    locale), DateTimeFormatter.ofPattern(messages.getMessage("report.dayFormat", null, locale), locale));
        }

        String msg(String key, Object... args) {
            return messages.getMessage(key, args.length == 0 ? null : args, locale);
        }

        String optional(String key, String otherwise) {
            return messages.getMessage(key, null, otherwise, locale);
        }

        /** A stored code in words ({@code prefix + code} in the bundles), or as stored when the bundles have none. */
        String code(String prefix, String code) {
            return optional(prefix + code, code);
        }

        /** A score as the pages show it: one decimal, the reader's way. */
        String score(String score) {
            java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
            return f.format(new BigDecimal(score));
        }

        String money(BigDecimal amount, String currency) {
            return Money.written(amount, currency, locale);
        }

        /** Where it was sent, zone named (the transfer page's rule, to the minute). */
        When sent(Instant at, String zone) {
            TransferDetail.Moment m = TransferDetail.Moment.of(at, zone);
            return new When(minutes.format(m.local()), "(" + m.zone() + ")");
        }

        String paris(Instant at) {
            return msg("time.paris", minutes.format(TransferDetail.Moment.of(at, "Europe/Paris").local()));
        }

        String day(java.time.LocalDate d) {
            return days.format(d);
        }

        String sentence(Sentence s) {
            if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) return s.english();
            return s.render(locale, wording -> messages.getMessage("alerts.explain." + wording.key(), null, locale));
        }
    }
}
