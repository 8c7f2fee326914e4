package org.piste.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups records into entities from links, strongest first, refusing any merge that would put conflicting
 * strong identifiers in one entity: two different dates of birth (beyond a typo or a day/month swap), or two
 * records an analyst said are not the same person. Greedy constrained merging resists chaining: a weak link
 * cannot pull in a record that conflicts with the group it would join. Analyst "same person" decisions are
 * applied first and may override a date conflict, never a "not the same" decision.
 */
final class Clustering {
    private final int[] parent;
    private final List<List<LocalDate>> dates = new ArrayList<>();
    private final List<int[]> notSame = new ArrayList<>();

    Clustering(Features[] records) {
        this.parent = new int[records.length];
        for (int i = 0; i < records.length; i++) {
            parent[i] = i;
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

    Refusal merge(int a, int b, boolean analystSame) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return Refusal.NONE;
        for (int[] pair : notSame) {
            int x = find(pair[0]), y = find(pair[1]);
            if ((x == ra && y == rb) || (x == rb && y == ra)) return Refusal.ANALYST_NOT_SAME;
        }
        if (!analystSame && datesConflict(dates.get(ra), dates.get(rb))) return Refusal.BIRTH_DATES_CONFLICT;
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

    private static boolean datesConflict(List<LocalDate> a, List<LocalDate> b) {
        for (LocalDate x : a) {
            for (LocalDate y : b) {
                if (Comparison.birthDate(x, y) == Comparison.BIRTH_DATE.different()) return true;
            }
        }
        return false;
    }
}
