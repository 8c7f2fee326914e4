package org.piste.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.search.Search;
import org.piste.app.search.SearchQuery;
import org.piste.app.search.SearchResults;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;

/**
 * Search latency per query kind at scale, against one sequential scan of the table (indexes off), in the same run on
 * the same server. Usage: SearchLatency INPUT.csv TARGET_TRANSFERS QUERIES WORKDIR (a WORKDIR already filled is reused)
 *
 * <p>Honest shortcut: simulating and importing 10M transfers takes hours on a shared machine, so the simulated INPUT
 * (about 300k transfers) is imported once by Piste's import (a WORKDIR of a smaller run is grown from where it is), then
 * the table is doubled in SQL until it reaches the
 * target, each copy with fresh ids and line numbers, a new reference, another row's given names and surname (so the
 * name index sees the combinations of real names, not copies), a new Philippine mobile number, ID number and e-mail.
 * name_norm of a copy is its parts joined by spaces (what the import writes for these already clean names); raw_text
 * is left empty (it is not searched). The search indexes (V23) are dropped before the copies and rebuilt after,
 * timed. Queries are taken from the table (each an existing value, written as investigators type it) and run
 * through {@link Search#find}, the service's whole look-up without its audit line.
 */
public final class SearchLatency {
    private static final String[] SEARCH_INDEXES = {"transfer_sender_name_trgm", "transfer_recipient_name_trgm",
            "transfer_sender_phone", "transfer_recipient_phone", "transfer_sender_id_number", "transfer_recipient_id_number",
            "transfer_sender_email", "transfer_recipient_email", "transfer_reference"};

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        int queries = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        try (Database db = Database.open(new Database.Settings(work, Optional.empty(), "", ""))) {
            long rows = count(db);
            if (rows < target) {
                if (rows == 0) {
                    long t0 = System.nanoTime();
                    ImportOutcome o = new ImportService(db).importFile(ImportRequest.of(input, "canonical").withProvider("BENCH"),
                            Importer.Progress.NONE);
                    if (!(o instanceof ImportOutcome.Imported)) throw new IllegalStateException("not imported: " + o);
                    System.out.printf("import of the simulated base: %,d transfers in %.1f s%n", count(db), secs(t0));
                }
                List<String> definitions = definitions(db);
                exec(db, "DROP INDEX IF EXISTS " + String.join(", ", SEARCH_INDEXES));
                multiply(db, target, rows == 0 ? 1 : 100); // a grown database's copies take new suffixes
                rebuild(db, definitions);
            }
            rows = count(db);
            System.out.printf("transfers: %,d (party records: %,d); table %s%n", rows, 2 * rows,
                    text(db, "SELECT pg_size_pretty(pg_total_relation_size('transfer'))"));
            Search search = new Search(db, new AuditLog(db.dataSource()), new CaseService(db.dataSource()));
            Map<String, List<String>> sample = sample(db, queries);
            for (String q : sample.values().stream().flatMap(List::stream).limit(40).toList()) search.find(SearchQuery.of(q), List.of());
            System.out.printf("%nindexed (%d queries a kind)%n", queries);
            Map<String, double[]> indexed = measure(search, sample, Integer.MAX_VALUE);
            // The reference: one sequential scan of the table (what any look-up without an index costs at least), in a
            // session with index scans off, on both phone columns.
            String phone = "+639000000000"; // any value: the scan reads every row whatever it looks for
            double scan;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET enable_indexscan = off");
                s.execute("SET enable_bitmapscan = off");
                s.execute("SET enable_indexonlyscan = off");
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM transfer WHERE sender_phone_e164 = '" + phone
                        + "' OR recipient_phone_e164 = '" + phone + "'")) {
                    rs.next();
                }
                scan = (System.nanoTime() - t0) / 1e6;
            }
            System.out.printf("%nreference: one sequential scan of the table (indexes off) %.0f ms%n", scan);
            System.out.printf("%n%-10s %10s %10s %14s%n", "kind", "p50 ms", "p95 ms", "scan/p95");
            for (String kind : indexed.keySet()) {
                double[] i = indexed.get(kind);
                System.out.printf("%-10s %10.1f %10.1f %14.0f%n", kind, i[0], i[1], scan / i[1]);
            }
        }
    }

    private static Map<String, double[]> measure(Search search, Map<String, List<String>> sample, int limit) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : sample.entrySet()) {
            List<Double> ms = new ArrayList<>();
            long found = 0;
            for (String q : e.getValue().subList(0, Math.min(limit, e.getValue().size()))) {
                long t0 = System.nanoTime();
                SearchResults r = search.find(SearchQuery.of(q), List.of());
                ms.add((System.nanoTime() - t0) / 1e6);
                if (!r.isEmpty()) found++;
            }
            List<Double> sorted = ms.stream().sorted().toList();
            double p50 = sorted.get((int) Math.floor(0.50 * (sorted.size() - 1))),
                    p95 = sorted.get((int) Math.ceil(0.95 * (sorted.size() - 1)));
            System.out.printf("  %-10s n=%d found=%d p50 %.1f ms p95 %.1f ms max %.1f ms%n", e.getKey(), ms.size(), found, p50,
                    p95, sorted.getLast());
            out.put(e.getKey(), new double[] {p50, p95});
        }
        return out;
    }

    /** Existing values, as typed: a given name and surname, a national mobile number, an ID number, an e-mail, an MTCN. */
    private static Map<String, List<String>> sample(Database db, int n) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String pick = " FROM transfer TABLESAMPLE SYSTEM (1) REPEATABLE (42) WHERE ";
        out.put("name", column(db, "SELECT split_part(recipient_given_names, ' ', 1) || ' ' || recipient_surname" + pick
                + "recipient_surname <> '' AND recipient_given_names <> ''", n));
        out.put("phone", column(db, "SELECT '0' || substr(recipient_phone_e164, 4, 3) || '-' || substr(recipient_phone_e164, 7, 3) "
                + "|| '-' || substr(recipient_phone_e164, 10)" + pick + "recipient_phone_e164 ~ '^\\+639[0-9]{9}$'", n));
        out.put("id_number", column(db, "SELECT sender_id_number" + pick + "sender_id_number_norm ~ '[0-9]{4}'", n));
        out.put("email", column(db, "SELECT sender_email" + pick + "sender_email LIKE '%@%'", n));
        out.put("reference", column(db, "SELECT reference" + pick + "true", n));
        return out;
    }

    /**
     * Doubles the table until it holds the target: each copy of a row takes a fresh line number, a new reference, the
     * given names of one row and the surname of another, and a new phone, ID number and e-mail.
     */
    private static void multiply(Database db, long target, int firstCopy) throws SQLException {
        exec(db, "DROP TABLE IF EXISTS bench_given, bench_surname"); // left by a run that stopped
        exec(db, "CREATE UNLOGGED TABLE bench_given AS SELECT row_number() OVER () - 1 AS i, g FROM (SELECT DISTINCT "
                + "recipient_given_names AS g FROM transfer UNION SELECT sender_given_names FROM transfer) x");
        exec(db, "CREATE UNLOGGED TABLE bench_surname AS SELECT row_number() OVER () - 1 AS i, s FROM (SELECT DISTINCT "
                + "recipient_surname AS s FROM transfer UNION SELECT sender_surname FROM transfer) x");
        long ng = Long.parseLong(text(db, "SELECT count(*) FROM bench_given")), ns = Long.parseLong(text(db, "SELECT count(*) FROM bench_surname"));
        String cols = text(db, "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns "
                + "WHERE table_name = 'transfer' AND column_name <> 'id'");
        for (int k = firstCopy; count(db) < target; k++) {
            long have = count(db), take = Math.min(have, target - have);
            long lineShift = Long.parseLong(text(db, "SELECT max(line_no) FROM transfer"));
            String select = cols;
            for (String side : new String[] {"sender", "recipient"}) {
                String g = side.charAt(0) + "g", s = side.charAt(0) + "s";
                select = select.replaceFirst("\\b" + side + "_given_names\\b", g + ".g")
                        .replaceFirst("\\b" + side + "_middle_name\\b", "t." + side + "_middle_name")
                        .replaceFirst("\\b" + side + "_surname\\b", s + ".s")
                        .replaceFirst("\\b" + side + "_full_name\\b", "''")
                        .replaceFirst("\\b" + side + "_name_norm\\b", "concat_ws(' ', nullif(" + g + ".g, ''), nullif(t." + side
                                + "_middle_name, ''), nullif(" + s + ".s, ''))")
                        .replaceFirst("\\b" + side + "_id_number\\b", "t." + side + "_id_number || '" + k + "'")
                        .replaceFirst("\\b" + side + "_id_number_norm\\b", "t." + side + "_id_number_norm || '" + k + "'")
                        .replaceFirst("\\b" + side + "_phone\\b", "p." + side.charAt(0) + "p")
                        .replaceFirst("\\b" + side + "_phone_e164\\b", "p." + side.charAt(0) + "p")
                        .replaceFirst("\\b" + side + "_email\\b", "'" + k + ".' || t." + side + "_email");
            }
            select = select.replaceFirst("\\bline_no\\b", "t.line_no + " + lineShift)
                    .replaceFirst("\\breference\\b", "t.reference || '-" + k + "'")
                    .replaceFirst("\\braw_text\\b", "''");
            long t0 = System.nanoTime();
            exec(db, "INSERT INTO transfer (" + cols + ") SELECT " + qualify(select) + " FROM (SELECT * FROM transfer ORDER BY id "
                    + "LIMIT " + take + ") t CROSS JOIN LATERAL (SELECT '+639' || lpad(((t.id * 7919 + " + k + " * 104729) % 1000000000)"
                    + "::text, 9, '0') AS sp, '+639' || lpad(((t.id * 15485863 + " + (long) k * 32452843 + ") % 1000000000)::text, 9, '0') "
                    + "AS rp) p JOIN bench_given sg ON sg.i = (t.id * 31 + " + k + " * 7) % " + ng + " JOIN bench_surname ss ON ss.i = "
                    + "(t.id * 17 + " + k + " * 13) % " + ns + " JOIN bench_given rg ON rg.i = (t.id * 37 + " + k + " * 11) % " + ng
                    + " JOIN bench_surname rs ON rs.i = (t.id * 41 + " + k + " * 3) % " + ns);
            System.out.printf("copy %d: +%,d transfers in %.1f s (now %,d)%n", k, take, secs(t0), count(db));
        }
        exec(db, "DROP TABLE bench_given, bench_surname");
    }

    /** Every column of the copy, qualified with the source row's alias unless already an expression. */
    private static String qualify(String select) {
        List<String> out = new ArrayList<>();
        for (String c : select.split(", (?![^(]*\\))")) out.add(c.matches("[a-z_0-9]+") ? "t." + c : c);
        return String.join(", ", out);
    }

    /** The search indexes as V23 creates them (read from the migration, so that a database without them gets them). */
    private static List<String> definitions(Database db) throws Exception {
        String v23;
        try (var in = SearchLatency.class.getResourceAsStream("/db/migration/V23__search_indexes.sql")) {
            v23 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return v23.lines().filter(l -> l.startsWith("CREATE INDEX ")).map(l -> l.replace(";", "")).toList();
    }

    private static void rebuild(Database db, List<String> definitions) throws SQLException {
        long all = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            for (String d : definitions) {
                long t0 = System.nanoTime();
                s.execute(d);
                System.out.printf("index built in %.1f s: %s%n", secs(t0), d.replaceAll(" ON public\\.transfer USING", ""));
            }
            long t0 = System.nanoTime();
            s.execute("VACUUM ANALYZE transfer");
            System.out.printf("VACUUM ANALYZE in %.1f s%n", secs(t0));
        }
        System.out.printf("search indexes: %.1f s in all%n", secs(all));
    }

    private static List<String> column(Database db, String sql, int n) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql + " LIMIT " + n)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long count(Database db) throws SQLException {
        return Long.parseLong(text(db, "SELECT count(*) FROM transfer"));
    }

    private static String text(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private SearchLatency() {}
}
