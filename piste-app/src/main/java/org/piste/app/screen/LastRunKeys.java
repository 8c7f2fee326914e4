package org.piste.app.screen;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.piste.app.store.Database;

/**
 * The explanation keys of the last run this process stored in a database, so the next run looks up in the database
 * only the keys that run did not have: most explanations are the same from one refresh to the next, and an explanation
 * once stored is never deleted or re-keyed (V33's triggers), so a key a committed run used stays stored. Only the last
 * run's keys are held (about 150 bytes each; a run whose weights moved has new keys for nearly every entity, and
 * keeping them all would grow with every refresh).
 */
final class LastRunKeys {
    private static final Map<Database, LastRunKeys> OF = Collections.synchronizedMap(new WeakHashMap<>());

    private volatile Set<String> keys = Set.of();

    static LastRunKeys of(Database database) {
        return OF.computeIfAbsent(database, d -> {
            d.beforeClose(() -> OF.remove(d));
            return new LastRunKeys();
        });
    }

    /** Whether the last committed run used this key (hex): then it is stored. */
    boolean stored(String key) {
        return keys.contains(key);
    }

    /** Called once a run's transaction has committed, with every key its rows point to. */
    void committed(Set<String> runKeys) {
        keys = Set.copyOf(runKeys);
    }
}
