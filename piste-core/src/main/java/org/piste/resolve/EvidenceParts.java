package org.piste.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * A link's evidence in the parts that are stored apart: per link, the agreement levels (packed in one long) and the
 * weights (the prior's first, then one per field); per record, the values compared, which are the same in every
 * link of that record. Storing the values once per record rather than once per link keeps a 10M-transfer
 * resolution's explanations to a fraction of the disk; {@link #join} gives back the evidence as the resolver made it.
 */
public final class EvidenceParts {
    /** The compared fields, in stored order. */
    public static final int FIELDS = Comparison.ALL.length;
    /** Where the counterparty stands among a record's values ({@link #values}). */
    public static final int COUNTERPARTY = Comparison.COUNTERPARTY.ordinal();
    private static final String PRIOR = "prior";
    private static final String PRIOR_LEVEL = "prior odds of a candidate pair";

    private EvidenceParts() {}

    /** The levels of an evidence list, packed; refuses a list not shaped as the resolver makes them. */
    public static long levels(List<Evidence> evidence) {
        check(evidence);
        long packed = 0;
        long swapped = -1;
        for (Comparison c : Comparison.ALL) {
            Evidence e = evidence.get(1 + c.ordinal());
            long bits = Comparison.parseLevel(c, e.level());
            if (bits < 0) throw new IllegalArgumentException("field '" + c.label + "' has no level '" + e.level() + "'");
            if (c == Comparison.GIVEN || c == Comparison.SURNAME) {
                long s = bits & Comparison.SWAPPED;
                if (swapped >= 0 && s != swapped) throw new IllegalArgumentException("names read swapped in one name field only");
                swapped = s;
            }
            packed |= bits;
        }
        return packed;
    }

    /** The weights: the prior's, then each field's. */
    public static double[] weights(List<Evidence> evidence) {
        check(evidence);
        double[] w = new double[evidence.size()];
        for (int i = 0; i < w.length; i++) w[i] = evidence.get(i).weight();
        return w;
    }

    /** The values compared for the link's first record ({@code first}) or its second, one per field. */
    public static String[] values(List<Evidence> evidence, boolean first) {
        check(evidence);
        String[] v = new String[FIELDS];
        for (int i = 0; i < FIELDS; i++) v[i] = first ? evidence.get(1 + i).valueA() : evidence.get(1 + i).valueB();
        return v;
    }

    /** A 64-bit hash of a record's values (FNV-1a over the values and their lengths), to check they are the same. */
    public static long hash(String[] values) {
        long h = 0xcbf29ce484222325L;
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) h = (h ^ v.charAt(i)) * 0x100000001b3L;
            h = (h ^ (v.length() + 0x10000L)) * 0x100000001b3L;
        }
        return h;
    }

    /** The evidence back from its parts. */
    public static List<Evidence> join(long levels, double[] weights, String[] valuesA, String[] valuesB) {
        if (weights.length != FIELDS + 1 || valuesA.length != FIELDS || valuesB.length != FIELDS) {
            throw new IllegalArgumentException("evidence parts for " + FIELDS + " fields expected, got " + (weights.length - 1)
                    + " weights and " + valuesA.length + " / " + valuesB.length + " values");
        }
        List<Evidence> out = new ArrayList<>(FIELDS + 1);
        out.add(new Evidence(PRIOR, "", "", PRIOR_LEVEL, weights[0]));
        for (Comparison c : Comparison.ALL) {
            int level = Comparison.level(levels, c);
            if (level >= c.levels.length) throw new IllegalArgumentException("field '" + c.label + "' has no level " + level);
            int i = c.ordinal();
            out.add(new Evidence(c.label, valuesA[i], valuesB[i], Comparison.levelText(levels, c), weights[1 + i]));
        }
        return List.copyOf(out);
    }

    /** The evidence of the prior, as {@link Scoring} writes it first. */
    static Evidence prior(double weight) {
        return new Evidence(PRIOR, "", "", PRIOR_LEVEL, weight);
    }

    private static void check(List<Evidence> evidence) {
        if (evidence.size() != FIELDS + 1 || !evidence.get(0).field().equals(PRIOR)) {
            throw new IllegalArgumentException("evidence is the prior then " + FIELDS + " fields; got " + evidence.size()
                    + " entries starting with '" + (evidence.isEmpty() ? "" : evidence.get(0).field()) + "'");
        }
        for (Comparison c : Comparison.ALL) {
            String field = evidence.get(1 + c.ordinal()).field();
            if (!field.equals(c.label)) {
                throw new IllegalArgumentException("evidence entry " + (1 + c.ordinal()) + " is '" + field + "', not '" + c.label + "'");
            }
        }
    }
}
