package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.piste.app.store.Cursors;
import org.piste.resolve.Neighbourhood;

/**
 * The stored entities within the window around new names in blocks larger than the cap: per new name, the nearest
 * {@link Neighbourhood#window()} distinct stored names on each side (fewer at an end) and every entity whose name in
 * the block lies in that range. Names compare as the index stores them (collation "C": UTF-8 bytes, that is code points).
 *
 * <p>Two ways, same answer: a look-up per new name (three index descents) suits a few new names in a large block; one
 * read of the whole block in name order suits many. A look-up costs about as much as reading {@link #ROWS_PER_LOOK_UP}
 * of the block's rows in order (three descents of three or four pages, against leaf pages of about a hundred entries).
 */
final class BlockWindows {
    static final long ROWS_PER_LOOK_UP = 100;

    private BlockWindows() {}

    /**
     * @param names per block key, the new names sorting in it
     * @param storedRows per block key, its rows in the index (one per entity and name: a buyer's hundreds of records
     *                   with one name are one row)
     * @param rowsPerLookUp what a look-up costs in rows read in order: 0 always looks up, {@link Long#MAX_VALUE} always reads
     */
    static void entities(Connection c, Map<Long, SortedSet<String>> names, Map<Long, Long> storedRows, long rowsPerLookUp,
            Set<String> out) throws SQLException {
        List<Long> looked = new ArrayList<>(), read = new ArrayList<>();
        names.forEach((key, n) -> {
            long rows = storedRows.getOrDefault(key, 0L);
            if (rows == 0) return;
            boolean lookUp = rowsPerLookUp == 0 || rows / rowsPerLookUp > n.size();
            (lookUp ? looked : read).add(key);
        });
        lookUp(c, looked, names, out);
        read(c, read, names, out);
    }

    private static void lookUp(Connection c, List<Long> blocks, Map<Long, SortedSet<String>> names, Set<String> out)
            throws SQLException {
        if (blocks.isEmpty()) return;
        List<Long> keys = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (long key : blocks) {
            for (String n : names.get(key)) {
                keys.add(key);
                named.add(n);
            }
        }
        int window = Neighbourhood.window();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT b.entity_id FROM unnest(?::bigint[], ?::text[]) "
                + "AS q(key, name) CROSS JOIN LATERAL (SELECT (SELECT min(n) FROM (SELECT DISTINCT name AS n FROM "
                + "entity_block_key WHERE key = q.key AND name < q.name COLLATE \"C\" ORDER BY 1 DESC LIMIT " + window + ") x) AS lo, "
                + "(SELECT max(n) FROM (SELECT DISTINCT name AS n FROM entity_block_key WHERE key = q.key "
                + "AND name > q.name COLLATE \"C\" ORDER BY 1 LIMIT " + window + ") y) AS hi) w JOIN entity_block_key b ON b.key = q.key "
                + "AND (w.lo IS NULL OR b.name >= w.lo) AND (w.hi IS NULL OR b.name <= w.hi)")) {
            ps.setArray(1, c.createArrayOf("bigint", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", named.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
    }

    /** Each block read once in name order (streamed), its windows found by merging with the sorted new names. */
    private static void read(Connection c, List<Long> blocks, Map<Long, SortedSet<String>> names, Set<String> out)
            throws SQLException {
        if (blocks.isEmpty()) return;
        Cursors.streaming(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, name, entity_id FROM entity_block_key WHERE key = ANY(?) "
                    + "ORDER BY key, name")) {
                ps.setFetchSize(50_000);
                ps.setArray(1, c.createArrayOf("bigint", blocks.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    Block block = null;
                    while (rs.next()) {
                        long key = rs.getLong(1);
                        if (block == null || block.key != key) {
                            if (block != null) block.windows(names.get(block.key), out);
                            block = new Block(key);
                        }
                        block.add(rs.getString(2), rs.getString(3));
                    }
                    if (block != null) block.windows(names.get(block.key), out);
                }
            }
            return null;
        });
    }

    /** One block's rows in name order: its distinct names, and where each name's rows start. */
    private static final class Block {
        final long key;
        final List<String> distinct = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        final List<String> entities = new ArrayList<>();

        Block(long key) {
            this.key = key;
        }

        void add(String name, String entity) {
            if (distinct.isEmpty() || !distinct.getLast().equals(name)) {
                distinct.add(name);
                starts.add(entities.size());
            }
            entities.add(entity);
        }

        void windows(Collection<String> sortedNames, Set<String> out) {
            int m = distinct.size(), window = Neighbourhood.window();
            int from = -1, through = -1; // the run of distinct names taken so far, grown while windows overlap
            for (String name : sortedNames) {
                int below = firstNotBelow(name), notAbove = below < m && distinct.get(below).equals(name) ? below + 1 : below;
                int lo = Math.max(0, below - window), hi = Math.min(m - 1, notAbove + window - 1);
                if (from >= 0 && lo <= through + 1) {
                    through = Math.max(through, hi);
                    continue;
                }
                take(from, through, out);
                from = lo;
                through = hi;
            }
            take(from, through, out);
        }

        private void take(int from, int through, Set<String> out) {
            if (from < 0) return;
            int end = through + 1 < starts.size() ? starts.get(through + 1) : entities.size();
            out.addAll(entities.subList(starts.get(from), end));
        }

        /** The index of the first distinct name not below {@code name}, or their count. */
        private int firstNotBelow(String name) {
            int lo = 0, hi = distinct.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (byCodePoint(distinct.get(mid), name) < 0) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /** Code-point order: UTF-8 byte order, as collation "C" sorts (String.compareTo differs above the BMP). */
    static int byCodePoint(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** New names sorted as the index sorts them. */
    static SortedSet<String> sortedNames() {
        return new TreeSet<>(BlockWindows::byCodePoint);
    }
}
