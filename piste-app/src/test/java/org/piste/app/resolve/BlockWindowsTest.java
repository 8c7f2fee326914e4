package org.piste.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;
import org.piste.resolve.Neighbourhood;

/**
 * The window around a new name in a block over the cap, worked by hand (three distinct names on each side), found alike
 * by a look-up per name and by one read of the block: whichever way is cheaper must not change the entities read.
 */
class BlockWindowsTest {
    static final long LOOK_UP = 0, READ = Long.MAX_VALUE;
    static Database db;

    /** Block 1: names a..j, one entity each, but two for "e". Block 2 holds "da" too. Block 3 has names above the BMP. */
    @BeforeAll
    static void blocks() throws SQLException {
        assertThat(Neighbourhood.window()).as("the hand-worked windows below take three names on each side").isEqualTo(3);
        db = TestDatabases.fresh();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO entity_block_key (key, name, entity_id, records) VALUES (?, ?, ?, 1)")) {
            for (String n : List.of("a", "b", "c", "d", "f", "g", "h", "i", "j")) row(ps, 1, n, "E-" + n);
            row(ps, 1, "e", "E-e1");
            row(ps, 1, "e", "E-e2");
            row(ps, 2, "da", "X-da");
            for (String n : List.of("a", "b", "c", "d", "e\uFFFD", "e\uD83D\uDE00", "f", "g", "h", "i")) row(ps, 3, n, "U-" + n);
            ps.executeBatch();
        }
    }

    private static void row(PreparedStatement ps, long key, String name, String entity) throws SQLException {
        ps.setLong(1, key);
        ps.setString(2, name);
        ps.setString(3, entity);
        ps.addBatch();
    }

    @ParameterizedTest(name = "rows per look-up {0}")
    @ValueSource(longs = {LOOK_UP, READ})
    void aNameBetweenTwoStoredNamesTakesThreeOnEachSide(long way) throws SQLException {
        assertThat(entities(way, 1, "da")).containsExactlyInAnyOrder("E-b", "E-c", "E-d", "E-e1", "E-e2", "E-f", "E-g");
    }

    @ParameterizedTest(name = "rows per look-up {0}")
    @ValueSource(longs = {LOOK_UP, READ})
    void aStoredNameTakesItselfAndThreeOnEachSide(long way) throws SQLException {
        assertThat(entities(way, 1, "e")).containsExactlyInAnyOrder("E-b", "E-c", "E-d", "E-e1", "E-e2", "E-f", "E-g", "E-h");
    }

    @ParameterizedTest(name = "rows per look-up {0}")
    @ValueSource(longs = {LOOK_UP, READ})
    void atTheEndsFewerNamesAreTaken(long way) throws SQLException {
        assertThat(entities(way, 1, "0")).containsExactlyInAnyOrder("E-a", "E-b", "E-c");
        assertThat(entities(way, 1, "z")).containsExactlyInAnyOrder("E-h", "E-i", "E-j");
    }

    @ParameterizedTest(name = "rows per look-up {0}")
    @ValueSource(longs = {LOOK_UP, READ})
    void windowsApartStayApartAndOverlappingOnesJoin(long way) throws SQLException {
        assertThat(entities(way, 1, "a0", "j0")).containsExactlyInAnyOrder("E-a", "E-b", "E-c", "E-d", "E-h", "E-i", "E-j");
        assertThat(entities(way, 1, "b0", "f0")).containsExactlyInAnyOrder("E-a", "E-b", "E-c", "E-d", "E-e1", "E-e2", "E-f",
                "E-g", "E-h", "E-i");
    }

    /** U+FFFE sorts between U+FFFD and U+1F600 by code point (as collation "C"), but after both in UTF-16 units. */
    @ParameterizedTest(name = "rows per look-up {0}")
    @ValueSource(longs = {LOOK_UP, READ})
    void namesCompareByCodePointAsTheIndexSortsThem(long way) throws SQLException {
        assertThat(entities(way, 3, "e\uFFFE")).containsExactlyInAnyOrder("U-c", "U-d", "U-e\uFFFD", "U-e\uD83D\uDE00", "U-f",
                "U-g");
    }

    @Test
    void bothWaysReadTheSameEntitiesForRandomBlocksAndNames() throws SQLException {
        Database random = TestDatabases.fresh();
        Random r = new Random(19);
        Map<Long, SortedSet<String>> names = new HashMap<>();
        Map<Long, Long> rows = new HashMap<>();
        try (Connection c = random.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO entity_block_key (key, name, entity_id, records) VALUES (?, ?, ?, 1)")) {
            for (long key = 1; key <= 40; key++) {
                int size = 1 + r.nextInt(60);
                for (int i = 0; i < size; i++) row(ps, key, name(r), "E-" + key + "-" + i);
                rows.put(key, (long) size);
                SortedSet<String> added = BlockWindows.sortedNames();
                for (int i = r.nextInt(6); i >= 0; i--) added.add(name(r));
                names.put(key, added);
            }
            ps.executeBatch();
            Set<String> lookedUp = new LinkedHashSet<>(), read = new LinkedHashSet<>();
            BlockWindows.entities(c, names, rows, LOOK_UP, lookedUp);
            BlockWindows.entities(c, names, rows, READ, read);
            assertThat(read).isNotEmpty().containsExactlyInAnyOrderElementsOf(lookedUp);
            assertThat(read.size()).as("windows, not whole blocks").isLessThan(rows.values().stream().mapToInt(Long::intValue).sum());
        }
    }

    /** Short names over a small alphabet: many shared and repeated names. */
    private static String name(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = 1 + r.nextInt(3); i > 0; i--) s.append((char) ('a' + r.nextInt(4)));
        return s.toString();
    }

    private static Set<String> entities(long way, long key, String... names) throws SQLException {
        SortedSet<String> sorted = BlockWindows.sortedNames();
        sorted.addAll(List.of(names));
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            BlockWindows.entities(c, Map.of(key, sorted), Map.of(key, 1_000L), way, out);
            assertThat(c.getAutoCommit()).as("the connection is handed back as it came").isTrue();
        }
        return out;
    }
}
