package org.piste.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups records into entities from links, strongest first, refusing any merge that would put conflicting
 * strong identifiers in one entity: two different dates of birth (beyond a typo or a day/month swap), or two
 * records an analyst said are not the same person. Greedy constrained merging resists chaining: a link cannot
 * pull in a record whose date of birth conflicts with another member of the group it would join. Only a
 * conflict between the two linked records themselves may be overridden, and only by a link so strong that its
 * other fields outweigh the disagreeing dates (its weight already counts them): data-entry errors in dates of
 * birth are common. Analyst "same person" decisions are applied first and may override a date conflict, never
 * a "not the same" decision.
 */
final class Clustering {
    private final int[] parent;
    private final List<List<LocalDate>> dates = new ArrayList<>();
    private final List<int[]> notSame = new ArrayList<>();
    private final LocalDate[] birthDates;

    Clustering(Features[] records) {
        this.parent = new int[records.length];
        this.birthDates = new LocalDate[records.length];
        for (int i = 0; i < records.length; i++) {
            parent[i] = i;
            birthDates[i] = records[i].birthDate;
            dates.add(records[i].birthDate == null ? List.of() : new ArrayList<>(List.of(records[i].birthDate)));
        }
    }

    void notSame(int a, int b) {
        notSame.add(new int[] {a, b});
    }

    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Why a merge was refused, or NONE when it was made (or the two were already together). */
    enum Refusal { NONE, ANALYST_NOT_SAME, BIRTH_DATES_CONFLICT }

    /** Merges on an analyst's decision. */
    Refusal mergeDecided(int a, int b) {
        return merge(a, b, true, false);
    }

    /** Merges on a scored link; {@code overwhelming} lets the two linked records' own dates disagree. */
    Refusal mergeScored(int a, int b, boolean overwhelming) {
        return merge(a, b, false, overwhelming);
    }

    private Refusal merge(int a, int b, boolean analystSame, boolean overwhelming) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return Refusal.NONE;
        for (int[] pair : notSame) {
            int x = find(pair[0]), y = find(pair[1]);
            if ((x == ra && y == rb) || (x == rb && y == ra)) return Refusal.ANALYST_NOT_SAME;
        }
        if (!analystSame) {
            LocalDate da = overwhelming ? birthDates[a] : null, db = overwhelming ? birthDates[b] : null;
            if (datesConflict(dates.get(ra), dates.get(rb), da, db)) return Refusal.BIRTH_DATES_CONFLICT;
        }
        int keep = Math.min(ra, rb), gone = Math.max(ra, rb);
        parent[gone] = keep;
        List<LocalDate> merged = dates.get(keep) instanceof ArrayList<LocalDate> list ? list : new ArrayList<>(dates.get(keep));
        for (LocalDate d : dates.get(gone)) if (!merged.contains(d)) merged.add(d);
        dates.set(keep, merged);
        dates.set(gone, List.of());
        return Refusal.NONE;
    }

    boolean together(int a, int b) {
        return find(a) == find(b);
    }

    /** Whether any two dates of the groups conflict, other than the vouched pair (the linked records' own). */
    private static boolean datesConflict(List<LocalDate> a, List<LocalDate> b, LocalDate vouchedA, LocalDate vouchedB) {
        for (LocalDate x : a) {
            for (LocalDate y : b) {
                if (Comparison.birthDate(x, y) != Comparison.BIRTH_DATE.different()) continue;
                boolean vouched = vouchedA != null && vouchedB != null
                        && ((x.equals(vouchedA) && y.equals(vouchedB)) || (x.equals(vouchedB) && y.equals(vouchedA)));
                if (!vouched) return true;
            }
        }
        return false;
    }
}
