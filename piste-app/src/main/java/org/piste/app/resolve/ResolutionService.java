package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.store.Database;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.Decision;
import org.piste.resolve.MatchModel;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;

/**
 * Resolves the senders and recipients of all stored transfers into entities and stores the result, with the
 * analyst decisions always applied. A full run learns the model from scratch; an incremental run adds the
 * records not yet resolved to the previous entities with the previous model ({@link Resolver#extend}), which
 * needs the stored model rebuilt: when it cannot be, the run is full and its note says why. Extending holds every
 * record and the previous links in memory; above {@link #EXTEND_BYTES_PER_RECORD} a record of the heap, the records
 * are streamed and resolved again with the previous model instead: a full run without re-learning, whose entities
 * can differ from extending where the order of merges matters (previous entities are not pinned first). An
 * incremental run when nothing was added or decided since the latest run keeps that run: no new run is stored, and
 * the summary is the latest run's, with a note that says so.
 */
public final class ResolutionService {
    public enum Mode { FULL, INCREMENTAL }

    /**
     * What a run did.
     *
     * @param model       the match model it used, as a table ({@link org.piste.resolve.MatchModel#describe}), its
     *                    warnings on lines starting "warning: "
     * @param notCompared how many records carry a value of each kind the resolver does not compare
     */
    public record Summary(long runId, Mode requested, Mode mode, String note, long records, long newRecords,
            long entities, long multiRecordEntities, BlockingReport blocking, long links, int decisions, Duration took,
            String model, Map<org.piste.resolve.NotCompared, Long> notCompared) {
        public Summary {
            Objects.requireNonNull(requested);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(note);
            Objects.requireNonNull(blocking);
            Objects.requireNonNull(took);
            Objects.requireNonNull(model);
            notCompared = Map.copyOf(notCompared);
        }

        /** The model's warnings (what looked implausible when it was learned, and what was done). */
        public List<String> modelWarnings() {
            return model.lines().filter(l -> l.startsWith("warning: ")).map(l -> l.substring("warning: ".length())).toList();
        }
    }

    private final Database database;
    private final Resolver resolver;
    private final StoredModel.Restorer restorer;
    private final long extendUpTo;

    /**
     * Heap an incremental run takes per record when it extends in memory. 20,018,958 records (10M transfers) did not
     * fit in 16 GiB, over 800 bytes each: twice that is kept as the margin.
     */
    static final long EXTEND_BYTES_PER_RECORD = 2048;

    public ResolutionService(Database database) {
        this(database, Resolver.Settings.defaults(), StoredModel.Restorer.TABLES);
    }

    public ResolutionService(Database database, Resolver.Settings settings, StoredModel.Restorer restorer) {
        this(database, settings, restorer, Runtime.getRuntime().maxMemory() / EXTEND_BYTES_PER_RECORD);
    }

    /** With the number of records up to which an incremental run extends in memory (above: streamed). */
    ResolutionService(Database database, Resolver.Settings settings, StoredModel.Restorer restorer, long extendUpTo) {
        this.database = database;
        this.resolver = new Resolver(settings);
        this.restorer = restorer;
        this.extendUpTo = extendUpTo;
    }

    /** Whether every stored transfer's parties belong to the current resolution. */
    public boolean hasResolution() {
        try (java.sql.Connection c = database.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM entity_member) = 2 * (SELECT count(*) FROM transfer)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the resolution: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves all stored party records; empty when no transfer is stored. A full run streams the records from the
     * database into the resolver; an incremental one reads them all first (it splits them into resolved and new).
     */
    public Optional<Summary> run(Mode requested) {
        try {
            return run(requested, Optional.empty());
        } catch (Resolution.ValuesDiffer | ResolutionStore.StoredValuesDiffer e) {
            if (requested == Mode.FULL) throw e;
            // Links carried over from a version that normalised values otherwise: their explanations cannot stand
            // beside the new ones, so everything is resolved again.
            return run(requested, Optional.of("the previous links show values compared by another version ("
                    + e.getMessage() + "): full run"));
        }
    }

    /** One resolution at a time per database, across processes (the web and the console): runs read, then write. */
    private static final long ONE_RUN = org.piste.app.store.AdvisoryLocks.ONE_RESOLUTION;

    private Optional<Summary> run(Mode requested, Optional<String> fullBecause) {
        try (Connection c = database.connect()) {
            try (java.sql.Statement lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + ONE_RUN + ")");
            }
            try {
                return run(c, requested, fullBecause);
            } finally {
                if (!c.getAutoCommit()) c.rollback(); // a failed run's transaction, before the unlock
                c.setAutoCommit(true);
                try (java.sql.Statement unlock = c.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + ONE_RUN + ")"); // the pool keeps the session open
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error during resolution: " + e.getMessage(), e);
        }
    }

    private Optional<Summary> run(Connection c, Mode requested, Optional<String> fullBecause) throws SQLException {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        {
            long[] counts = counts(c);
            long records = counts[0], added = records - counts[1];
            if (records == 0) return Optional.empty();
            DecisionStore.Effective effective = DecisionStore.effective(c);
            List<Decision> decisions = effective.decisions();
            if (requested == Mode.INCREMENTAL && fullBecause.isEmpty() && added == 0) {
                Optional<Summary> kept = ResolutionStore.current(c, records, effective.read(),
                        Duration.ofNanos(System.nanoTime() - started));
                if (kept.isPresent()) return kept;
            }
            Plan planned = fullBecause.isPresent() ? new Plan(Mode.FULL, Optional.empty(), false, fullBecause.get())
                    : plan(c, requested, counts[1] == 0, added, records);
            if (planned.model().isPresent() && Neighbourhoods.current(c)) {
                Optional<Summary> around = around(c, planned.model().get(), decisions, effective.read(), requested, records,
                        added, startedAt, started);
                if (around.isPresent()) return around;
                planned = new Plan(Mode.INCREMENTAL, planned.model(), true, added + " new records; all " + records + " resolved "
                        + "again with the previous model, streamed (the entities around the new records hold more records "
                        + "than the heap takes, " + extendUpTo + "; they are not pinned)");
            }
            Plan plan = planned;
            Resolution resolution = plan.model().isEmpty()
                    ? PartyRecords.streamed(c, all -> resolver.resolve(all, decisions))
                    : plan.streamed()
                    ? PartyRecords.streamed(c, all -> resolver.resolve(all, decisions, plan.model().get()))
                    : extend(c, plan.model().get(), decisions);

            // Computed before the writes lock the membership: readers wait only for the writing itself.
            Neighbourhoods.Rebuilt index = Neighbourhoods.rebuilt(c, resolution.entityOf());
            c.setAutoCommit(false);
            try {
                long modelId = ResolutionStore.saveModel(c, resolution.model());
                long entities = resolution.entities();
                long runId = ResolutionStore.saveRun(c, new ResolutionStore.RunRow(startedAt, requested, plan.mode(),
                        plan.note(), added, decisions.size(), effective.read()), resolution, entities, modelId);
                ResolutionStore.replace(c, resolution, runId);
                Neighbourhoods.replace(c, index, runId);
                c.commit();
                return Optional.of(new Summary(runId, requested, plan.mode(), plan.note(), records, added, entities,
                        resolution.multiRecordEntities(), resolution.blocking(), resolution.links().size(), decisions.size(),
                        Duration.ofNanos(System.nanoTime() - started), resolution.model().describe(), resolution.notCompared()));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * An incremental run that reads only the entities around the new records (and those a decision touches) and
     * writes back only what changed; its result equals extending with every record loaded ({@link Neighbourhoods}).
     */
    private Optional<Summary> around(Connection c, MatchModel model, List<Decision> decisions, long decisionsRead,
            Mode requested, long records, long added, OffsetDateTime startedAt, long started) throws SQLException {
        Optional<Neighbourhoods.Delta> extended = Neighbourhoods.extend(c, resolver, model, decisions, extendUpTo);
        if (extended.isEmpty()) return Optional.empty();
        Neighbourhoods.Delta delta = extended.get();
        Resolution r = delta.resolution();
        ResolutionStore.Totals before = ResolutionStore.latestTotals(c).orElseThrow();
        long multiBefore = multiRecordEntities(c, delta.loadedEntities());
        String note = added + " new records resolved against the " + delta.loadedEntities().size() + " entities around them ("
                + delta.loadedRecords() + " records read; " + delta.windowed() + " blocks larger than the cap read only "
                + "near the new or ruled records); every other entity unchanged";
        c.setAutoCommit(false);
        try {
            long modelId = ResolutionStore.saveModel(c, model);
            long entities = before.entities() - delta.loadedEntities().size() + r.entities();
            long multi = before.multiRecordEntities() - multiBefore + r.multiRecordEntities();
            // The links removed are counted once the run row exists: it is written with the totals, then corrected.
            long runId = ResolutionStore.saveRun(c, new ResolutionStore.RunRow(startedAt, requested, Mode.INCREMENTAL, note,
                    added, decisions.size(), decisionsRead), r, new ResolutionStore.Totals(records, entities, multi,
                    before.links() + r.links().size()), modelId);
            int removed = ResolutionStore.applyDelta(c, r, delta.changed(), delta.rescored(), runId);
            long links = before.links() - removed + r.links().size();
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE resolution_run SET links = ? WHERE id = ?")) {
                ps.setLong(1, links);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            Neighbourhoods.store(c, delta, runId);
            c.commit();
            return Optional.of(new Summary(runId, requested, Mode.INCREMENTAL, note, records, added, entities, multi,
                    r.blocking(), links, decisions.size(), Duration.ofNanos(System.nanoTime() - started), model.describe(),
                    r.notCompared()));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** How many of these stored entities have more than one record. */
    private static long multiRecordEntities(Connection c, java.util.Set<String> entities) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT entity_id FROM entity_member "
                + "WHERE entity_id = ANY(?) GROUP BY entity_id HAVING count(*) > 1) x")) {
            ps.setArray(1, c.createArrayOf("text", entities.toArray()));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Party records of the stored transfers (two each), and those a previous run placed. */
    private static long[] counts(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                "SELECT 2 * (SELECT count(*) FROM transfer), (SELECT count(*) FROM entity_member)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The records not resolved before joined to the previous entities with the stored model. */
    private Resolution extend(Connection c, MatchModel model, List<Decision> decisions) throws SQLException {
        Map<String, String> previous = ResolutionStore.membership(c);
        List<PersonRecord> existing = new ArrayList<>(), added = new ArrayList<>();
        for (PersonRecord r : PartyRecords.all(c)) (previous.containsKey(r.id()) ? existing : added).add(r);
        return resolver.extend(new Resolution(previous, previousLinks(c), model, emptyReport(existing)), existing, added,
                decisions);
    }

    /** How a run will go: with a restored model (incremental; streamed when too large to extend) or without (full), and why. */
    private record Plan(Mode mode, Optional<MatchModel> model, boolean streamed, String note) {}

    private Plan plan(Connection c, Mode requested, boolean noPrevious, long added, long records) throws SQLException {
        if (requested == Mode.FULL) return new Plan(Mode.FULL, Optional.empty(), false, "full run requested");
        if (noPrevious) return new Plan(Mode.FULL, Optional.empty(), false, "no previous resolution: full run");
        Optional<StoredModel> stored = ResolutionStore.latestModel(c);
        Optional<MatchModel> model = stored.flatMap(restorer::restore);
        if (model.isEmpty()) {
            return new Plan(Mode.FULL, Optional.empty(), false,
                    "the stored match model cannot be rebuilt (another storage format): full run");
        }
        if (records > extendUpTo) {
            return new Plan(Mode.INCREMENTAL, model, true, added + " new records; all " + records + " resolved again with the "
                    + "previous model, streamed (too many to extend the previous entities in memory; they are not pinned)");
        }
        return new Plan(Mode.INCREMENTAL, model, false, added + " new records added to the previous entities");
    }

    private static java.util.List<org.piste.resolve.Link> previousLinks(Connection c) throws SQLException {
        return StoredLinks.links(c, "", List.of(), Integer.MAX_VALUE);
    }

    private static BlockingReport emptyReport(List<PersonRecord> existing) {
        return new BlockingReport(existing.size(), 0, 0, Resolver.Settings.defaults().blockCap(), Map.of());
    }
}
