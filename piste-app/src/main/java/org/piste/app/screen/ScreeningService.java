package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.piste.app.store.CopyText;
import org.piste.app.store.Database;
import org.piste.app.store.Json;
import org.piste.screen.Columns;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.LearnedWeights;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;
import org.piste.screen.SharedRanks;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Screens the resolved entities of a period, weighs the indicators as analysts' rulings teach ({@link LearnedWeights};
 * the rule set's weights when they are too few) and stores the ranked scores, the rule set version and each side's
 * model. Each entity's contributions are stored before the learned weights, which readers apply from the run's model
 * ({@link LearnedWeights#weighed}): a ruling moves every multiplier, and would otherwise make every explanation new. A
 * run is cheap enough to redo whole after every import or decision.
 */
public final class ScreeningService {
    private static final int COPY_CHARS = 1 << 20;
    private static final int HASH_SLICE = 512;
    private final Database database;
    private final Screener screener;

    public ScreeningService(Database database, Screener screener) {
        this.database = database;
        this.screener = screener;
    }

    /**
     * What a run did, with each side's learned weights and how they moved the ranking; {@code prior} is the ranking
     * with the rule set's weights, whose contributions are the ones stored.
     */
    public record Run(long id, ScreeningResult result, ScreeningResult prior, long transfers, int seeds, double seconds,
            LearnedWeights.Outcome senderModel, LearnedWeights.Outcome recipientModel, String transfersRead) {}

    /**
     * @param seeds     confirmed entities (referrals, analyst decisions) with their role ("BUYER", "FACILITATOR" or both)
     * @param dismissed entities an analyst dismissed, by side ("SENDER", "RECIPIENT")
     */
    public Run screen(Optional<LocalDate> from, Optional<LocalDate> to, Map<String, String> seeds, Map<String, Set<String>> dismissed) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        try (Connection c = database.connect()) {
            // The whole period, as every refresh screens it, is kept in memory and read again only where it changed.
            boolean whole = from.isEmpty() && to.isEmpty();
            Screened screened = whole
                    ? ResidentTransfers.of(database).screen(c, r -> screened(r, seeds.keySet()))
                    : screened(new ResidentTransfers.Read(TransferFacts.read(c, from, to), "every transfer of the period read"),
                            seeds.keySet());
            ResidentTransfers.Read read = screened.read();
            Columns transfers = read.columns();
            ScreeningResult prior = screened.prior();
            // The rulings train each side's weights; the rule set stays the prior when there are too few of them.
            LearnedWeights.Outcome senders = LearnedWeights.learn(prior.senders(), role(seeds, "BUYER"),
                    dismissed.getOrDefault("SENDER", Set.of()), prior.senderAlertMinimum());
            LearnedWeights.Outcome recipients = LearnedWeights.learn(prior.recipients(), role(seeds, "FACILITATOR"),
                    dismissed.getOrDefault("RECIPIENT", Set.of()), prior.recipientAlertMinimum());
            ScreeningResult result = new ScreeningResult(prior.ruleSetVersion(), senders.ranked(), recipients.ranked(),
                    prior.senderAlertMinimum(), prior.recipientAlertMinimum());
            c.setAutoCommit(false);
            SavedRun saved = saveRun(c, startedAt, result, from, to, transfers.transfers(), seeds.size(), senders, recipients);
            long id = saved.id();
            LastRunKeys last = LastRunKeys.of(database);
            Predicate<String> stored = last.stored(c);
            Set<String> keys = new HashSet<>(saveScores(c, id, result.senders(), prior.senders(), stored));
            keys.addAll(saveScores(c, id, result.recipients(), prior.recipients(), stored));
            c.commit();
            last.committed(id, saved.startedAt(), keys);
            return new Run(id, result, prior, transfers.transfers(), seeds.size(), (System.nanoTime() - started) / 1e9, senders,
                    recipients, read.how());
        } catch (SQLException e) {
            throw new IllegalStateException("screening failed: " + e.getMessage(), e);
        }
    }

    /** The columns screened with the rule set's weights, before the rulings teach theirs. */
    private record Screened(ResidentTransfers.Read read, ScreeningResult prior) {}

    private Screened screened(ResidentTransfers.Read read, Set<String> seeds) {
        return new Screened(read, screener.screen(read.columns(), seeds));
    }

    private static Set<String> role(Map<String, String> seeds, String role) {
        Set<String> out = new java.util.TreeSet<>();
        seeds.forEach((entity, roles) -> {
            if (List.of(roles.split(",")).contains(role)) out.add(entity);
        });
        return out;
    }

    /** A run's row as stored: its id and its start as the database holds it. */
    private record SavedRun(long id, OffsetDateTime startedAt) {}

    private static SavedRun saveRun(Connection c, OffsetDateTime startedAt, ScreeningResult r, Optional<LocalDate> from,
            Optional<LocalDate> to, long transfers, int seeds, LearnedWeights.Outcome senders, LearnedWeights.Outcome recipients)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO screening_run (started_at, finished_at, rule_set_version, "
                + "period_from, period_to, transfers, senders, recipients, seeds, sender_alert_minimum, recipient_alert_minimum, "
                + "sender_model, recipient_model, weights_applied_when_read) VALUES (?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, "
                + "?::jsonb, true) RETURNING id, started_at")) {
            ps.setObject(1, startedAt);
            ps.setString(2, r.ruleSetVersion());
            ps.setObject(3, from.orElse(null));
            ps.setObject(4, to.orElse(null));
            ps.setLong(5, transfers);
            ps.setLong(6, r.senders().size());
            ps.setLong(7, r.recipients().size());
            ps.setInt(8, seeds);
            ps.setDouble(9, r.senderAlertMinimum());
            ps.setDouble(10, r.recipientAlertMinimum());
            ps.setString(11, modelJson(senders));
            ps.setString(12, modelJson(recipients));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SavedRun(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    /**
     * A side's scores, {@code ranked} with the learned weights, and its explanations, from {@code prior} (the same
     * entities with the rule set's weights). Each entity's explanation is written as JSON and keyed by the SHA-256 of
     * that text, here, so only the explanations not stored yet travel to the database (most are the same as in the
     * previous run); the score rows carry the key. Only the keys the last run of this process did not use are looked up
     * ({@link LastRunKeys}). Runs stored before keyed theirs by PostgreSQL's rendering of the JSON: an unchanged
     * explanation is then stored once more under the new key, once.
     */
    private static Set<String> saveScores(Connection c, long run, List<EntityScore> ranked, List<EntityScore> prior,
            Predicate<String> known) throws SQLException {
        int n = ranked.size();
        String[] priorHex = keys(prior, HASH_SLICE); // the JSON is dropped once hashed, written again for the keys not stored
        String[] hex = ranked == prior ? priorHex : inOrderOf(ranked, prior, priorHex);
        Map<String, Integer> firstOfKey = new LinkedHashMap<>();
        for (int i = 0; i < priorHex.length; i++) firstOfKey.putIfAbsent(priorHex[i], i);
        Set<String> stored = storedKeys(c, firstOfKey.keySet().stream().filter(known.negate()).toList());
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyText row = new CopyText();
        StringBuilder rows = new StringBuilder();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE new_contributions (hash bytea, contributions jsonb) ON COMMIT DROP");
            for (Map.Entry<String, Integer> e : firstOfKey.entrySet()) {
                if (known.test(e.getKey()) || stored.contains(e.getKey())) continue;
                row.text("\\x" + e.getKey()).text(contributionsJson(prior.get(e.getValue()).contributions())).endRowTo(rows);
                if (rows.length() >= COPY_CHARS) CopyText.copyIn(copy, "new_contributions", rows);
            }
            CopyText.copyIn(copy, "new_contributions", rows);
            // Another process may have stored the same explanation meanwhile: it is the same content.
            s.execute("INSERT INTO score_contributions (hash, contributions) SELECT hash, contributions FROM new_contributions "
                    + "ON CONFLICT DO NOTHING");
            s.execute("DROP TABLE new_contributions");
        }
        int[] rank = SharedRanks.of(ranked);
        for (int i = 0; i < n; i++) {
            EntityScore e = ranked.get(i);
            row.number(run).text(e.side().name()).number(i + 1L).number(rank[i]).text(e.entityId())
                    .text(Double.toString(e.score())).text("\\x" + hex[i]).endRowTo(rows);
            if (rows.length() >= COPY_CHARS) CopyText.copyIn(copy, SCORE_ROW, rows);
        }
        CopyText.copyIn(copy, SCORE_ROW, rows);
        return firstOfKey.keySet();
    }

    /** The prior ranking's keys in the order of the learned ranking (the same entities). */
    private static String[] inOrderOf(List<EntityScore> ranked, List<EntityScore> prior, String[] priorHex) {
        Map<String, Integer> at = new HashMap<>(prior.size() * 2);
        for (int i = 0; i < prior.size(); i++) at.put(prior.get(i).entityId(), i);
        String[] hex = new String[ranked.size()];
        for (int i = 0; i < hex.length; i++) hex[i] = priorHex[at.get(ranked.get(i).entityId())];
        return hex;
    }

    /**
     * Each entity's explanation key: the SHA-256 (hex) of its contributions' JSON. Computed in slices of {@code slice}
     * entities in parallel, each slice with one buffer and one digest ({@link JsonDigest}): a new buffer grown for every
     * entity's JSON was most of the time this took.
     */
    static String[] keys(List<EntityScore> ranked, int slice) {
        int n = ranked.size();
        String[] hex = new String[n];
        IntStream.range(0, (n + slice - 1) / slice).parallel().forEach(k -> {
            StringBuilder json = new StringBuilder(1 << 12);
            JsonDigest sha = new JsonDigest();
            for (int i = k * slice; i < Math.min(n, (k + 1) * slice); i++) {
                json.setLength(0);
                contributionsJson(json, ranked.get(i).contributions());
                hex[i] = HexFormat.of().formatHex(sha.of(json));
            }
        });
        return hex;
    }

    private static final String SCORE_ROW = "score_row (run_id, side, position, rank, entity_id, score, contributions_hash)";

    /** Which of these keys (hex) score_contributions holds already. */
    private static Set<String> storedKeys(Connection c, List<String> keys) throws SQLException {
        if (keys.isEmpty()) return Set.of();
        Set<String> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT encode(hash, 'hex') FROM score_contributions "
                + "WHERE hash = ANY (SELECT decode(k, 'hex') FROM unnest(?::text[]) k)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) stored.add(rs.getString(1));
            }
        }
        return stored;
    }

    /** A side's model as stored with the run: version, whether learned, multipliers, labels, notes, movement. */
    static String modelJson(LearnedWeights.Outcome o) {
        LearnedWeights.Model m = o.model();
        StringBuilder out = new StringBuilder("{\"version\":");
        Json.string(out, m.version()).append(",\"learned\":").append(m.learned()).append(",\"multipliers\":{");
        boolean first = true;
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(m.multipliers()).entrySet()) {
            if (!first) out.append(',');
            first = false;
            Json.string(out, e.getKey()).append(':');
            Json.number(out, e.getValue());
        }
        out.append("},\"positives\":");
        strings(out, m.positives()).append(",\"negatives\":");
        strings(out, m.negatives()).append(",\"unlabelled\":").append(m.unlabelled()).append(",\"notes\":");
        strings(out, m.notes()).append(",\"said\":[");
        for (int i = 0; i < m.said().size(); i++) SentenceJson.write(i == 0 ? out : out.append(','), m.said().get(i));
        out.append("],\"movement\":");
        strings(out, o.movement()).append(",\"moved\":[");
        for (int i = 0; i < o.moved().size(); i++) SentenceJson.write(i == 0 ? out : out.append(','), o.moved().get(i));
        return out.append("]}").toString();
    }

    private static StringBuilder strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            Json.string(out, values.get(i));
        }
        return out.append(']');
    }

    static String contributionsJson(List<Contribution> contributions) {
        return contributionsJson(new StringBuilder(), contributions).toString();
    }

    /** Appends the contributions' JSON to {@code out}. */
    static StringBuilder contributionsJson(StringBuilder out, List<Contribution> contributions) {
        out.append('[');
        boolean first = true;
        for (Contribution k : contributions) {
            if (!first) out.append(',');
            first = false;
            out.append("{\"indicator\":");
            Json.string(out, k.indicator()).append(",\"value\":");
            Json.number(out, k.value()).append(",\"points\":");
            Json.number(out, k.points()).append(",\"explanation\":");
            Json.string(out, k.explanation());
            // The sentence's wording and arguments, for other languages; the English text above is what older runs have.
            if (!k.sentence().isVerbatim()) SentenceJson.write(out.append(",\"sentence\":"), k.sentence());
            out.append(",\"evidence\":[");
            for (int i = 0; i < k.evidence().size(); i++) {
                if (i > 0) out.append(',');
                Json.string(out, k.evidence().get(i));
            }
            out.append("]}");
        }
        return out.append(']');
    }
}
