package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import org.piste.app.store.Database;

/**
 * The explanation keys of the last run this process stored in a database, so the next run looks up in the database
 * only the keys that run did not have: most explanations are the same from one refresh to the next, and an explanation
 * once stored is never deleted or re-keyed (V33's triggers), so a key a committed run used stays stored as long as that
 * run does. They are trusted only while that run is still stored as it was (not a database restored or made again
 * behind the same object). Only the last run's keys are held, about 150 bytes each (some 100 MB at 10M transfers): the
 * explanations are stored before the learned weights, so most keys are the last run's, and keeping every run's would
 * grow with every refresh.
 */
final class LastRunKeys {
    private static final Map<Database, LastRunKeys> OF = Collections.synchronizedMap(new WeakHashMap<>());

    /** A committed run, as stored (its start tells it from a run of another database with the same id), and its keys. */
    private record Last(long run, OffsetDateTime started, Set<String> keys) {}

    private volatile Optional<Last> last = Optional.empty();

    static LastRunKeys of(Database database) {
        return OF.computeIfAbsent(database, d -> {
            d.beforeClose(() -> OF.remove(d));
            return new LastRunKeys();
        });
    }

    /** Which keys (hex) are stored for sure: those of the last committed run, if it is still stored as it was. */
    Predicate<String> stored(Connection c) throws SQLException {
        Optional<Last> known = last;
        if (known.isEmpty()) return key -> false;
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM screening_run WHERE id = ?")) {
            ps.setLong(1, known.get().run());
            try (ResultSet rs = ps.executeQuery()) {
                boolean same = rs.next() && rs.getObject(1, OffsetDateTime.class).isEqual(known.get().started());
                return same ? known.get().keys()::contains : key -> false;
            }
        }
    }

    /**
     * Called once a run's transaction has committed, with the run's start as stored and every key its rows point to
     * (the set is kept as given: not to be changed after).
     */
    void committed(long run, OffsetDateTime started, Set<String> runKeys) {
        last = Optional.of(new Last(run, started, runKeys));
    }
}
