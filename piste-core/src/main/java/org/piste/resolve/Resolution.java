package org.piste.resolve;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The outcome of entity resolution: which entity each record belongs to, and the links that hold each entity
 * together, with their evidence.
 *
 * <p>Held compactly, because a resolution of tens of millions of records must fit in memory: record ids by position
 * ({@link IdTable}), an entity as the position of its id, a link as two positions and the position of its weight,
 * probability, evidence and origin among shared ones (a person's repeated rows are linked with one shared evidence).
 * {@link #entityOf()} and {@link #links()} are read-only views that build their strings and links on demand.
 */
public final class Resolution {
    private final IdTable ids;
    /** Positions below this are the records, in input order; the others are ids only named by entities or links. */
    private final int records;
    private final int[] entity;
    private final int[] linkA;
    private final int[] linkB;
    private final int[] linkShape;
    /** What links share: weight, probability, evidence and origin (their record ids are not read). */
    private final Link[] shapes;
    private final MatchModel model;
    private final BlockingReport blocking;
    /**
     * Per record, the position of the entity shown as its counterparty, -1 for none; null when the links' evidence
     * already shows it (links shared by repeated rows hold no record's own counterparty).
     */
    private final int[] counterparty;
    private final long[] notCompared;

    /**
     * @param entityOf record id -> entity id (its first record id, shorter ids first: stable and readable)
     * @param links    the links that hold each entity together (scored or decided by an analyst), with their evidence
     * @param model    the match model used (learned, or carried over by an incremental run)
     * @param blocking what blocking produced
     */
    public Resolution(Map<String, String> entityOf, List<Link> links, MatchModel model, BlockingReport blocking) {
        this.ids = new IdTable();
        entityOf.keySet().forEach(id -> ids.add(Objects.requireNonNull(id)));
        this.records = ids.size();
        this.entity = new int[records];
        entityOf.forEach((id, e) -> entity[ids.indexOf(id)] = positionOf(ids, Objects.requireNonNull(e)));
        this.linkA = new int[links.size()];
        this.linkB = new int[links.size()];
        this.linkShape = new int[links.size()];
        this.shapes = new Link[links.size()];
        for (int k = 0; k < links.size(); k++) {
            Link l = links.get(k);
            linkA[k] = positionOf(ids, l.recordA());
            linkB[k] = positionOf(ids, l.recordB());
            linkShape[k] = k;
            shapes[k] = l;
        }
        ids.trim();
        this.model = Objects.requireNonNull(model);
        this.blocking = Objects.requireNonNull(blocking);
        this.counterparty = null;
        this.notCompared = new long[NotCompared.values().length];
    }

    /** The resolver's own: arrays taken as they are (positions into {@code ids}; the first {@code records} are records). */
    Resolution(IdTable ids, int records, int[] entity, int[] linkA, int[] linkB, int[] linkShape, Link[] shapes,
            MatchModel model, BlockingReport blocking, int[] counterparty, long[] notCompared) {
        ids.trim();
        this.ids = ids;
        this.records = records;
        this.entity = entity;
        this.linkA = linkA;
        this.linkB = linkB;
        this.linkShape = linkShape;
        this.shapes = shapes;
        this.model = Objects.requireNonNull(model);
        this.blocking = Objects.requireNonNull(blocking);
        this.counterparty = counterparty;
        this.notCompared = notCompared.clone();
    }

    private static int positionOf(IdTable ids, String id) {
        int p = ids.add(id);
        return p >= 0 ? p : -1 - p;
    }

    /** Record id -> entity id, in the records' input order. */
    public Map<String, String> entityOf() {
        return new EntityOf();
    }

    /** The links, in the order the resolver made them. */
    public List<Link> links() {
        return new Links();
    }

    /**
     * Each record that is in a link, once, with the values compared for it ({@link EvidenceParts#values}): a record
     * shows the same values in all its links, so they are stored once per record. Checked on the way (by hash): a
     * record showing other values in another link would be explained wrongly, so it stops the caller.
     */
    public void forEachLinkedRecord(java.util.function.BiConsumer<String, String[]> each) {
        BitSet seen = new BitSet(ids.size());
        long[] hashes = new long[ids.size()];
        for (int k = 0; k < linkA.length; k++) {
            List<Evidence> evidence = evidence(k);
            visit(linkA[k], EvidenceParts.values(evidence, true), seen, hashes, each);
            visit(linkB[k], EvidenceParts.values(evidence, false), seen, hashes, each);
        }
    }

    /** Link k's evidence, with each record's own counterparty where the shape does not hold it. */
    private List<Evidence> evidence(int k) {
        List<Evidence> shared = shapes[linkShape[k]].evidence();
        if (counterparty == null) return shared;
        int at = 1 + Comparison.COUNTERPARTY.ordinal();
        Evidence e = shared.get(at);
        String a = shownCounterparty(linkA[k]), b = shownCounterparty(linkB[k]);
        if (e.valueA().equals(a) && e.valueB().equals(b)) return shared;
        List<Evidence> own = new java.util.ArrayList<>(shared);
        own.set(at, new Evidence(e.field(), a, b, e.level(), e.weight()));
        return java.util.Collections.unmodifiableList(own);
    }

    private String shownCounterparty(int record) {
        int p = record < counterparty.length ? counterparty[record] : -1;
        return p < 0 ? "" : ids.get(p);
    }

    private void visit(int record, String[] values, BitSet seen, long[] hashes, java.util.function.BiConsumer<String, String[]> each) {
        long hash = EvidenceParts.hash(values);
        if (seen.get(record)) {
            if (hashes[record] != hash) throw new ValuesDiffer(ids.get(record), values);
            return;
        }
        seen.set(record);
        hashes[record] = hash;
        each.accept(ids.get(record), values);
    }

    /**
     * A record shows other values in two of its links: links carried over from a run whose normalisation differed
     * (another version), or a defect. Storing one set of values would explain the other link wrongly.
     */
    public static final class ValuesDiffer extends IllegalStateException {
        ValuesDiffer(String record, String[] values) {
            super("record " + record + " shows other values in another link: " + java.util.Arrays.toString(values));
        }
    }

    public MatchModel model() {
        return model;
    }

    /** How many records carry a value of each kind the resolver does not compare (kinds with none left out). */
    public java.util.Map<NotCompared, Long> notCompared() {
        java.util.Map<NotCompared, Long> out = new java.util.EnumMap<>(NotCompared.class);
        for (NotCompared n : NotCompared.values()) if (notCompared[n.ordinal()] > 0) out.put(n, notCompared[n.ordinal()]);
        return out;
    }

    public BlockingReport blocking() {
        return blocking;
    }

    /** How many entities the records form. */
    public long entities() {
        BitSet seen = new BitSet(ids.size());
        for (int e : entity) seen.set(e);
        return seen.cardinality();
    }

    /** How many entities hold more than one record. */
    public long multiRecordEntities() {
        BitSet seen = new BitSet(ids.size()), again = new BitSet(ids.size());
        for (int e : entity) {
            if (seen.get(e)) again.set(e);
            else seen.set(e);
        }
        return again.cardinality();
    }

    private final class EntityOf extends AbstractMap<String, String> {
        @Override
        public int size() {
            return records;
        }

        @Override
        public boolean containsKey(Object key) {
            return record(key) >= 0;
        }

        @Override
        public String get(Object key) {
            int p = record(key);
            return p < 0 ? null : ids.get(entity[p]);
        }

        private int record(Object key) {
            if (!(key instanceof String id)) return -1;
            int p = ids.indexOf(id);
            return p < records ? p : -1;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return records;
                }

                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < records;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= records) throw new NoSuchElementException();
                            int p = next++;
                            return Map.entry(ids.get(p), ids.get(entity[p]));
                        }
                    };
                }
            };
        }
    }

    private final class Links extends AbstractList<Link> implements RandomAccess {
        @Override
        public int size() {
            return linkA.length;
        }

        @Override
        public Link get(int k) {
            Link shape = shapes[linkShape[k]];
            return new Link(ids.get(linkA[k]), ids.get(linkB[k]), shape.weight(), shape.probability(), evidence(k),
                    shape.origin());
        }
    }
}
