package org.piste.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.piste.normal.Text;
import org.piste.screen.Indicator;
import org.piste.screen.RuleSet;
import org.piste.screen.TransferFact;

/**
 * The screening benchmark's reference: DuckDB (in-process) computing, in one SQL query, the per-sender aggregates
 * that Piste's sender indicators measure, on the same facts written to CSV. Two things are computed in Java when
 * writing the file, as the benchmark allows: the local hour in the sender's zone, and each row's family tie (the name
 * rule of org.piste.screen.FamilyTie, restated here because that class is package-private); the query makes a pair
 * family when any of its rows is, as Piste does.
 */
final class DuckSenderAggregates implements AutoCloseable {
    /** Result columns after the sender id, in order. */
    static final List<String> COLUMNS = List.of("n", "low_share", "night_share", "median_gap", "burst", "amount_trend",
            "gap_trend", "unrelated", "round_share", "cover_share", "ids", "phones", "agencies", "channels", "sessions", "n_all");

    private final Connection db;

    DuckSenderAggregates() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = db.createStatement()) {
            s.execute("SET threads = 2");
        }
    }

    /** Writes facts, one at a time, as the CSV {@link #load} reads. */
    static final class CsvFile implements AutoCloseable {
        private final BufferedWriter w;

        CsvFile(Path file) throws IOException {
            w = Files.newBufferedWriter(file);
            w.write("reference,sender,recipient,sent_ms,local_hour,sent_amount,paid_amount,moved,related,purpose,"
                    + "id_number,phone,agency,channel\n");
        }

        void write(TransferFact t) {
            try {
                w.write(String.join(",", q(t.reference()), q(t.senderEntity()), q(t.recipientEntity()),
                        Long.toString(t.sent().toEpochMilli()), Integer.toString(t.sent().atZone(t.senderZone()).getHour()),
                        amount(t.sentAmount()), t.paidAmount().map(DuckSenderAggregates::amount).orElse(""),
                        Boolean.toString(t.moved()), Boolean.toString(related(t)), q(t.purpose()), q(t.senderIdNumber()),
                        q(t.senderPhone()), q(t.sendAgency()), q(t.channel().name())));
                w.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    /** Loads the CSV into an in-memory table; returns the rows loaded. */
    long load(Path csv) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE transfers AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, "
                    + "quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = {'reference': 'VARCHAR', 'sender': 'VARCHAR', 'recipient': 'VARCHAR', "
                    + "'sent_ms': 'BIGINT', 'local_hour': 'INTEGER', 'sent_amount': 'DECIMAL(18,4)', 'paid_amount': 'DECIMAL(18,4)', "
                    + "'moved': 'BOOLEAN', 'related': 'BOOLEAN', 'purpose': 'VARCHAR', 'id_number': 'VARCHAR', 'phone': 'VARCHAR', "
                    + "'agency': 'VARCHAR', 'channel': 'VARCHAR'})");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM transfers")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Runs the query and fetches every sender's row: sender entity -> values in {@link #COLUMNS} order. */
    Map<String, double[]> query(RuleSet rules) throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql(rules))) {
            while (r.next()) {
                double[] v = new double[COLUMNS.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.getDouble(i + 2);
                    if (r.wasNull()) v[i] = Double.NaN;
                }
                out.put(r.getString(1), v);
            }
        }
        return out;
    }

    static String sql(RuleSet rules) {
        RuleSet.Rule low = rules.sender().get(Indicator.LOW_VALUE), night = rules.sender().get(Indicator.NIGHT);
        long windowMs = (long) rules.sender().get(Indicator.BURSTS).number("window_days") * 86_400_000L;
        String cover = rules.sender().get(Indicator.COVER_PURPOSE).strings("purposes").stream()
                .map(p -> "contains(p, '" + Text.fold(p).replace("'", "''") + "')").collect(Collectors.joining(" OR "));
        String session = "sent_amount BETWEEN " + num(low.number("low")) + " AND " + num(low.number("high"));
        return """
                WITH m AS (
                  SELECT *, trim(regexp_replace(lower(strip_accents(purpose)), '[^a-z0-9]+', ' ', 'g')) AS p
                  FROM (SELECT *, bool_or(related) OVER (PARTITION BY sender, recipient) AS family FROM transfers)
                  WHERE moved),
                o AS (
                  SELECT sender,
                    row_number() OVER w AS pos,
                    (sent_ms - lag(sent_ms) OVER w) // 60000 / 1440.0 AS gap_days,
                    count(*) OVER (PARTITION BY sender ORDER BY sent_ms RANGE BETWEEN %d PRECEDING AND CURRENT ROW) AS in_window,
                    rank() OVER (PARTITION BY sender ORDER BY sent_amount)
                      + (count(*) OVER (PARTITION BY sender, sent_amount) - 1) / 2.0 AS amount_rank
                  FROM m WHERE %s AND NOT family
                  WINDOW w AS (PARTITION BY sender ORDER BY sent_ms, reference)),
                rhythm AS (
                  SELECT sender, count(*) AS sessions, median(gap_days) AS median_gap, max(in_window) AS burst,
                    corr(pos, amount_rank) AS amount_trend, corr(pos, gap_rank) AS gap_trend
                  FROM (SELECT *, CASE WHEN gap_days IS NOT NULL THEN rank() OVER (PARTITION BY sender ORDER BY gap_days NULLS LAST)
                      + (count(*) OVER (PARTITION BY sender, gap_days) - 1) / 2.0 END AS gap_rank FROM o)
                  GROUP BY sender),
                base AS (
                  SELECT sender, count(*) FILTER (WHERE NOT family) AS n,
                    avg(CASE WHEN %s THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT family) AS low_share,
                    avg(CASE WHEN local_hour >= %d OR local_hour < %d THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT family) AS night_share,
                    count(DISTINCT recipient) FILTER (WHERE NOT family) AS unrelated,
                    avg(CASE WHEN (sent_amount > 0 AND sent_amount %% 10 = 0) OR (paid_amount > 0 AND paid_amount %% 500 = 0)
                        THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT family) AS round_share,
                    avg(CASE WHEN p = '' OR %s THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT family) AS cover_share, count(*) AS n_all,
                    count(DISTINCT NULLIF(id_number, '')) AS ids, count(DISTINCT NULLIF(phone, '')) AS phones,
                    count(DISTINCT NULLIF(agency, '')) AS agencies, count(DISTINCT channel) AS channels
                  FROM m GROUP BY sender)
                SELECT sender, n, low_share, night_share, median_gap, burst, amount_trend, gap_trend, unrelated, round_share,
                  cover_share, ids, phones, agencies, channels, coalesce(sessions, 0) AS sessions, n_all
                FROM base LEFT JOIN rhythm USING (sender)
                """.formatted(windowMs, session, session, (int) night.number("night_start"), (int) night.number("night_end"), cover);
    }

    /**
     * The values Piste's sender indicators report, derived from one DuckDB row (indicator -> value), only for the
     * indicators whose min_transfers the sender meets, as Screener does (rhythm indicators count session-priced
     * transfers only), by stable name as contributions carry them.
     */
    static Map<String, Double> indicatorValues(double[] v, RuleSet rules) {
        Map<String, Double> m = new HashMap<>();
        double amountTrend = finite(v[5]), intervalTrend = -finite(v[6]);
        Map<Indicator, Double> all = Map.of(Indicator.LOW_VALUE, v[1], Indicator.NIGHT, v[2], Indicator.FREQUENCY, v[3],
                Indicator.BURSTS, v[4], Indicator.ESCALATION, (Math.max(0, amountTrend) + Math.max(0, intervalTrend)) / 2,
                Indicator.UNRELATED_BENEFICIARIES, v[7], Indicator.ROUND_AMOUNTS, v[8], Indicator.COVER_PURPOSE, v[9],
                Indicator.IDENTITIES,
                Math.max(0, v[10] - 1) + Math.max(0, v[11] - 1) + Math.max(0, v[12] - 2) + Math.max(0, v[13] - 1));
        Set<Indicator> rhythm = Set.of(Indicator.FREQUENCY, Indicator.BURSTS, Indicator.ESCALATION);
        all.forEach((indicator, value) -> {
            // Piste measures every indicator on the transfers outside the family but identities, on all of them.
            double n = rhythm.contains(indicator) ? v[14] : indicator == Indicator.IDENTITIES ? v[15] : v[0];
            if (n >= rules.sender().get(indicator).minTransfers()) m.put(indicator.key(), value);
        });
        return m;
    }

    /** The same family-tie rule as Piste's screening (one rule, one place). */
    static boolean related(TransferFact t) {
        return org.piste.screen.FamilyTie.related(t);
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0; // Piste's spearman is 0 when undefined
    }

    private static String num(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static String amount(BigDecimal a) {
        if (a.scale() > 4) throw new IllegalStateException("amount " + a + " has more than 4 decimals");
        return a.toPlainString();
    }

    private static String q(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
