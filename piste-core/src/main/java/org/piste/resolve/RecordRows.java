package org.piste.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

/**
 * The records read in chunks, keeping features only where they are needed: for each representative (a record standing
 * alone, or the first in {@link Resolver#ID_ORDER} of a group of one person's identical rows) and, per group and
 * spelling (the values shown in explanations), for its first record in input order (it gives the group's links with
 * that spelling their weight and evidence). Repeated rows keep no features: a person's millions of identical rows cost
 * their id and a few ints each.
 *
 * <p>A group is either rows identical in every compared field and carrying a strong identifier (date of birth, ID
 * number, phone or e-mail), or rows without one but with the same name, written alike, at the same place, paid by (or
 * paying) the same counterpart group: the same sender paying the same name is one person. Name frequencies (for the
 * term-frequency weights) count each group once and each distinct form of the other records once, so that a person's
 * thousands of rows do not make his own name look common.
 */
final class RecordRows {
    private static final int CHUNK = 1 << 15;

    /** Repeated rows sharing one signature. */
    static final class Group {
        final int index;
        Features first; // in ID_ORDER: the representative
        int firstRow;
        Spelling spellings; // the first; each names the next

        Group(int index) {
            this.index = index;
        }
    }

    /** A group's rows written one way (one spelling of the shown values). */
    static final class Spelling {
        final Group group;
        final int index;
        final Features features1;
        Spelling next;

        Spelling(Group group, int index, Features f) {
            this.group = group;
            this.index = index;
            this.features1 = f;
        }
    }

    /** A name as counted for its frequency, for records that stand alone. */
    record Form(String given, String surname, String city, String agency) {
        static Form of(Features f) {
            return new Form(f.givenKey, f.surnameKey, f.city, f.agency);
        }
    }

    final IdTable ids = new IdTable();
    /** Per record: -1 when it stands alone, else its spelling's index. */
    final IntList spellingOf = new IntList();
    /** Per record: the position of its counterpart's record, or -1 (none, or not among the records). */
    final IntList counterpartOf = new IntList();
    final List<Spelling> spellings = new ArrayList<>();
    final List<Features> alone = new ArrayList<>();
    final IntList aloneRows = new IntList();
    final List<Group> groups = new ArrayList<>();
    final Map<String, Integer> surnameCounts = new HashMap<>();
    final Map<String, Integer> givenCounts = new HashMap<>();
    /** Whether some record's counterpart is among the records (the counterparty can be compared). */
    boolean counterparts;
    /** Records carrying a value of each {@link NotCompared} kind, by ordinal. */
    final long[] notCompared = new long[NotCompared.values().length];

    static RecordRows of(Iterator<PersonRecord> records, Set<String> decided) {
        RecordRows rows = new RecordRows();
        Map<Object, Group> bySignature = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>(); // counterpart id not read yet -> the row that names it
        Set<Form> forms = new HashSet<>();
        PersonRecord[] read = new PersonRecord[CHUNK];
        Features[] chunk = new Features[CHUNK];
        int[] kinds = new int[CHUNK];
        ConcurrentMap<Object, Object> pool = new ConcurrentHashMap<>();
        while (records.hasNext()) {
            int size = 0, from = rows.ids.size();
            while (size < CHUNK && records.hasNext()) {
                PersonRecord r = records.next();
                if (rows.ids.add(r.id()) < 0) throw new IllegalArgumentException("record id '" + r.id() + "' appears twice");
                read[size++] = r;
            }
            IntStream.range(0, size).parallel().forEach(k -> {
                chunk[k] = new Features(read[k], pool);
                kinds[k] = NotCompared.of(read[k], chunk[k]);
            });
            java.util.Arrays.fill(read, null);
            for (int k = 0; k < size; k++) {
                Features f = chunk[k];
                chunk[k] = null;
                for (NotCompared n : NotCompared.values()) if ((kinds[k] & 1 << n.ordinal()) != 0) rows.notCompared[n.ordinal()]++;
                rows.add(from + k, f, decided.contains(f.id), bySignature, waiting, forms);
            }
        }
        return rows;
    }

    private void add(int i, Features f, boolean decided, Map<Object, Group> bySignature, Map<String, Integer> waiting,
            Set<Form> forms) {
        int counterpart = f.counterpartRecord.isEmpty() ? -1 : ids.indexOf(f.counterpartRecord);
        counterpartOf.add(counterpart);
        if (counterpart < 0 && !f.counterpartRecord.isEmpty()) waiting.put(f.counterpartRecord, i);
        Integer waiter = waiting.remove(f.id);
        if (waiter != null) counterpartOf.set(waiter, i);
        counterparts |= counterpart >= 0 || waiter != null;

        Object signature = null;
        if (!decided) {
            signature = f.signature();
            if (signature == null && counterpart >= 0 && spellingOf.get(counterpart) >= 0) {
                signature = f.sparseSignature(spellings.get(spellingOf.get(counterpart)).group.index);
            }
        }
        if (signature == null) {
            if (forms.add(Form.of(f))) countNames(f);
            alone.add(f);
            aloneRows.add(i);
            spellingOf.add(-1);
            return;
        }
        Group g = bySignature.get(signature);
        if (g == null) {
            g = new Group(groups.size());
            bySignature.put(signature, g);
            groups.add(g);
            countNames(f);
        }
        if (g.first == null || Resolver.ID_ORDER.compare(f.id, g.first.id) < 0) {
            g.first = f;
            g.firstRow = i;
        }
        // A group's spellings are few: found by comparing with each one's first row, no key text kept.
        Spelling sp = g.spellings, last = null;
        while (sp != null && !Comparison.sameShown(sp.features1, f)) {
            last = sp;
            sp = sp.next;
        }
        if (sp == null) {
            sp = new Spelling(g, spellings.size(), f);
            spellings.add(sp);
            if (last == null) g.spellings = sp;
            else last.next = sp;
        }
        spellingOf.add(sp.index);
    }

    private void countNames(Features f) {
        if (!f.surnameKey.isEmpty()) surnameCounts.merge(f.surnameKey, 1, Integer::sum);
        if (!f.givenKey.isEmpty()) givenCounts.merge(f.givenKey, 1, Integer::sum);
    }

    int size() {
        return ids.size();
    }

    /** Representatives in {@link Resolver#ID_ORDER} with the position of each among all records. */
    record Representatives(Features[] features, int[] rows) {}

    /** The representatives in {@link Resolver#ID_ORDER}. */
    Representatives representatives() {
        int n = alone.size() + groups.size();
        Features[] reps = new Features[n];
        int[] rowOf = new int[n];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            reps[k] = k < alone.size() ? alone.get(k) : groups.get(k - alone.size()).first;
            rowOf[k] = k < alone.size() ? aloneRows.get(k) : groups.get(k - alone.size()).firstRow;
        }
        java.util.Arrays.sort(order, Comparator.comparing(k -> reps[k].id, Resolver.ID_ORDER));
        Features[] sorted = new Features[n];
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = reps[order[k]];
            rows[k] = rowOf[order[k]];
        }
        return new Representatives(sorted, rows);
    }

    /** Per record, the index of its representative among {@code reps}: itself, or its group's first record. */
    int[] representativeOfRow(Representatives reps) {
        int[] repAtRow = new int[size()];
        java.util.Arrays.fill(repAtRow, -1);
        for (int k = 0; k < reps.rows().length; k++) repAtRow[reps.rows()[k]] = k;
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            int s = spellingOf.get(i);
            out[i] = s < 0 ? repAtRow[i] : repAtRow[spellings.get(s).group.firstRow];
        }
        return out;
    }
}
