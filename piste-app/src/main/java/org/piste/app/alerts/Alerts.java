package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.screen.SentenceJson;
import org.piste.app.store.Database;
import org.piste.model.Side;
import org.piste.normal.Phones;
import org.piste.screen.AlertCut;
import org.piste.screen.Contribution;
import org.piste.screen.Sentence;

/**
 * The latest screening run's rankings as alerts. Which entities are <b>alerted</b> is {@link AlertCut}'s rule: the
 * top 1% of each side, at least 10, ties at the cut included, never a score of 0. An alert is <b>open</b> until an
 * analyst rules on it: CONFIRMED (it then seeds screening, see {@link Seeds}) or DISMISSED (off the open list). The
 * latest ruling wins; a ruled entity keeps its status whatever its later rank.
 */
public final class Alerts {
    public static final int PAGE_SIZE = 50;
    /** The longest name searched: every row's names are matched against it (a 7,900-character one took 8 s). */
    public static final int NAME_MAX = 200;
    static final int TOP_INDICATORS = 3;
    private final Database database;
    private final AuditLog audit;

    public Alerts(Database database) {
        this.database = database;
        this.audit = new AuditLog(database.dataSource());
    }

    /** OPEN: alerted and not ruled on; NONE: below the threshold and not ruled on. */
    public enum Status { OPEN, CONFIRMED, DISMISSED, NONE }

    /** The page sizes offered on the page; the API takes any size from 1 to {@link #MAX_SIZE}. */
    public static final List<Integer> SIZES = List.of(25, 50, 100, 200);
    /** The most rows one request reads (each row's names and indicators are read too). */
    public static final int MAX_SIZE = 200;
    /** A search text without letters and with at least this many digits is a phone number or a transfer reference. */
    static final int NUMBER_DIGITS = 6;
    private static final java.util.regex.Pattern NUMBER_LIKE = java.util.regex.Pattern.compile("[0-9+().\\-/ ]+");

    /**
     * What to list; {@code statuses} empty means every status (the page and API default to {@link Status#OPEN} only);
     * {@code page} counts from 1, {@code size} rows per page.
     */
    public record Filter(Side side, Optional<Double> minScore, Optional<String> indicator, Set<Status> statuses,
            Optional<String> name, int page, int size) {
        public Filter {
            Objects.requireNonNull(side);
            minScore = minScore.filter(s -> !s.isNaN());
            indicator = indicator.map(String::strip).filter(s -> !s.isEmpty());
            statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
            name = name.map(String::strip).filter(s -> !s.isEmpty());
            if (name.isPresent() && name.get().length() > NAME_MAX) {
                throw new IllegalArgumentException("the name searched is at most " + NAME_MAX + " characters, was "
                        + name.get().length());
            }
            if (page < 1) throw new IllegalArgumentException("the page must be 1 or more, was " + page);
            if (size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("the page size must be from 1 to " + MAX_SIZE + ", was " + size);
            }
        }

        /** Every entity of the side, first page. */
        public static Filter all(Side side) {
            return new Filter(side, Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), 1, PAGE_SIZE);
        }

        /**
         * Whether the name searched is a phone number or a transfer reference (no letter, {@value #NUMBER_DIGITS}
         * digits or more): names never match it, so the page says where such a search belongs instead of an empty list.
         */
        public boolean numberSearched() {
            return name.filter(n -> NUMBER_LIKE.matcher(n).matches() && Phones.digits(n).length() >= NUMBER_DIGITS).isPresent();
        }

        /** The filter as the audit trail records a search. */
        public String describe() {
            return "side=" + side + minScore.map(s -> " minScore=" + s).orElse("")
                    + indicator.map(i -> " indicator=" + i).orElse("")
                    + (statuses.isEmpty() ? "" : " status=" + statuses.stream().map(Status::name).collect(Collectors.joining(",")))
                    + name.map(n -> " name=" + n).orElse("") + " page=" + page + " size=" + size;
        }
    }

    /**
     * One ranked entity: its place in the run's order (unique; equal scores in a fixed order that means nothing), its
     * rank (shared by equal scores), its strongest indicators (points > 0) and its status.
     */
    public record Row(int position, int rank, String entityId, String name, double score, List<Contribution> top, Status status) {
        public Row {
            top = List.copyOf(top);
        }
    }

    /**
     * A page of a side's ranking: {@code total} entities match the filter out of {@code ranked} the run ranked on
     * this side; {@code numberSearched}: see {@link Filter#numberSearched()}.
     */
    public record Page(AlertRun run, Side side, AlertCut threshold, List<Row> rows, int page, int size, long total,
            long ranked, List<String> indicators, boolean numberSearched) {
        public Page {
            rows = List.copyOf(rows);
            indicators = List.copyOf(indicators);
        }

        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** Open alerts per side in the latest run. */
    public record Open(AlertRun run, long senders, long recipients) {}

    public Optional<AlertRun> latestRun() {
        try (Connection c = database.connect()) {
            return AlertRun.latest(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read screening runs: " + e.getMessage(), e);
        }
    }

    /** A page of the ranking, the search audited for the actor (even when nothing has been screened yet). */
    public Optional<Page> list(Actor actor, Filter f) {
        return audit.shown(actor, "alerts.search", "alerts", f.describe(), list(f));
    }

    /** Empty when nothing has been screened yet; unaudited, so for {@link #list(Actor, Filter)} only. */
    Optional<Page> list(Filter f) {
        try (Connection c = database.connect()) {
            Optional<AlertRun> run = AlertRun.latest(c);
            if (run.isEmpty()) return Optional.empty();
            AlertCut threshold = threshold(c, run.get(), f.side());
            List<Object> params = new ArrayList<>();
            String sql = "SELECT position, rank, entity_id, score, status, count(*) OVER () FROM (" + ranked(run.get(), f.side(),
                    threshold, params) + ") r WHERE true" + filters(run.get(), f, params) + " ORDER BY position LIMIT ? OFFSET ?";
            params.add(f.size());
            params.add((long) (f.page() - 1) * f.size());
            record Found(int position, int rank, String entity, double score, Status status) {}
            List<Found> found = new ArrayList<>();
            long total = 0;
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getDouble(4), Status.valueOf(rs.getString(5))));
                    total = rs.getLong(6);
                }
            }
            List<String> ids = found.stream().map(Found::entity).toList();
            Map<String, String> names = EntityNames.shown(c, ids);
            Map<String, List<Contribution>> contributions = contributions(c, run.get(), f.side(), ids);
            List<Row> rows = found.stream().map(x -> new Row(x.position(), x.rank(), x.entity(), names.getOrDefault(x.entity(), ""),
                    x.score(), top(contributions.getOrDefault(x.entity(), List.of())), x.status())).toList();
            if (found.isEmpty() && f.page() > 1) total = count(c, run.get(), f, threshold);
            return Optional.of(new Page(run.get(), f.side(), threshold, rows, f.page(), f.size(), total,
                    run.get().ranked(f.side()), indicators(c, run.get(), f.side()), f.numberSearched()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alerts: " + e.getMessage(), e);
        }
    }

    /** Open alerts per side of the latest run; empty when nothing has been screened. */
    public Optional<Open> open() {
        try (Connection c = database.connect()) {
            Optional<AlertRun> run = AlertRun.latest(c);
            if (run.isEmpty()) return Optional.empty();
            return Optional.of(new Open(run.get(), countOpen(c, run.get(), Side.SENDER), countOpen(c, run.get(), Side.RECIPIENT)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count alerts: " + e.getMessage(), e);
        }
    }

    /** The filter's total when its page is past the end (the window count comes with the rows only). */
    private static long count(Connection c, AlertRun run, Filter f, AlertCut threshold) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM (" + ranked(run, f.side(), threshold, params) + ") r WHERE true" + filters(run, f, params);
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countOpen(Connection c, AlertRun run, Side side) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM (" + ranked(run, side, threshold(c, run, side), params) + ") r WHERE status = 'OPEN'";
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The side's alert cut in the run (position 1 at score +infinity when nothing is ranked). */
    static AlertCut threshold(Connection c, AlertRun run, Side side) throws SQLException {
        long ranked = run.ranked(side);
        if (ranked == 0) return new AlertCut(1, Double.POSITIVE_INFINITY, run.alertMinimum(side));
        int position = AlertCut.position(ranked);
        try (PreparedStatement ps = c.prepareStatement("SELECT score FROM entity_score WHERE run_id = ? AND side = ? AND position = ?")) {
            ps.setLong(1, run.id());
            ps.setString(2, side.name());
            ps.setInt(3, position);
            try (ResultSet rs = ps.executeQuery()) {
                return new AlertCut(position, rs.next() ? rs.getDouble(1) : Double.POSITIVE_INFINITY, run.alertMinimum(side));
            }
        }
    }

    /**
     * The side's ranking with each entity's status (columns position, rank, entity_id, score, status, contributions); OPEN
     * applies {@link AlertCut#alerts} in SQL.
     */
    static String ranked(AlertRun run, Side side, AlertCut threshold, List<Object> params) {
        params.add(threshold.bar());
        params.add(run.id());
        params.add(side.name());
        return "SELECT es.position, es.rank, es.entity_id, es.score, es.contributions, CASE l.decision WHEN 'CONFIRM' THEN 'CONFIRMED' "
                + "WHEN 'DISMISS' THEN 'DISMISSED' ELSE CASE WHEN es.score > 0 AND es.score >= ? THEN 'OPEN' ELSE 'NONE' END "
                + "END AS status FROM entity_score es LEFT JOIN (" + AlertDecisions.LATEST + ") l ON l.entity = es.entity_id "
                + "AND l.side = es.side WHERE es.run_id = ? AND es.side = ?";
    }

    private static String filters(AlertRun run, Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        f.minScore().ifPresent(s -> {
            sql.append(" AND score >= ?");
            params.add(s);
        });
        f.indicator().ifPresent(i -> {
            // Stored points are before the run's weights: a multiplier of 0 leaves no entity positive on the indicator.
            sql.append(" AND EXISTS (SELECT 1 FROM jsonb_array_elements(contributions) k WHERE k->>'indicator' = ? "
                    + "AND (k->>'points')::float8 > 0 AND ?)");
            params.add(i);
            params.add(run.keepsPositive(f.side(), i));
        });
        if (!f.statuses().isEmpty()) {
            sql.append(" AND status = ANY (?)");
            params.add(f.statuses().stream().map(Status::name).toArray(String[]::new));
        }
        f.name().ifPresent(n -> {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(CurrentEntities.records("m", "p"))
                    .append(" WHERE m.entity_id = r.entity_id AND (").append(EntityNames.asWritten("p"))
                    .append(" ILIKE ? OR p.name_norm ILIKE ?))");
            String like = "%" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        });
        return sql.toString();
    }

    /** The contributions of these entities in the run, with the run's weights, in the order their points are summed. */
    static Map<String, List<Contribution>> contributions(Connection c, AlertRun run, Side side, List<String> entities)
            throws SQLException {
        Map<String, List<Contribution>> stored = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT es.entity_id, k.e->>'indicator', (k.e->>'value')::float8, "
                + "(k.e->>'points')::float8, k.e->>'explanation', ARRAY(SELECT jsonb_array_elements_text(k.e->'evidence')), "
                + "(k.e->'sentence')::text "
                + "FROM entity_score es, jsonb_array_elements(es.contributions) WITH ORDINALITY k(e, ord) "
                + "WHERE es.run_id = ? AND es.side = ? AND es.entity_id = ANY (?) ORDER BY es.entity_id, k.ord")) {
            ps.setLong(1, run.id());
            ps.setString(2, side.name());
            ps.setArray(3, c.createArrayOf("text", entities.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // Runs stored before sentences had wordings come back with their text only, shown as written.
                    String text = rs.getString(5);
                    stored.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(new Contribution(rs.getString(2),
                            rs.getDouble(3), rs.getDouble(4), text, List.of((String[]) rs.getArray(6).getArray()),
                            SentenceJson.read(rs.getString(7)).orElseGet(() -> Sentence.verbatim(text))));
                }
            }
        }
        Map<String, List<Contribution>> out = new LinkedHashMap<>();
        stored.forEach((entity, parts) -> out.put(entity, run.weighed(side, parts)));
        return out;
    }

    private static List<Contribution> top(List<Contribution> all) {
        return all.stream().filter(k -> k.points() > 0).sorted(Comparator.comparingDouble(Contribution::points).reversed())
                .limit(TOP_INDICATORS).toList();
    }

    /** The indicators that gave points to some entity of this side in the run. */
    private static List<String> indicators(Connection c, AlertRun run, Side side) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT k->>'indicator' FROM entity_score es, "
                + "jsonb_array_elements(es.contributions) k WHERE es.run_id = ? AND es.side = ? AND (k->>'points')::float8 > 0 ORDER BY 1")) {
            ps.setLong(1, run.id());
            ps.setString(2, side.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (run.keepsPositive(side, rs.getString(1))) out.add(rs.getString(1));
            }
        }
        return out;
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            ps.setObject(i + 1, p instanceof String[] a ? c.createArrayOf("text", a) : p);
        }
        return ps;
    }
}
