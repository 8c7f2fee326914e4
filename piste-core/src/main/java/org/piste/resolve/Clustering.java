package org.piste.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups records into entities from links, strongest first, keeping every group coherent. A merge is refused when it
 * would put in one entity two dates of birth that contradict each other (further apart than a typing error or an
 * estimate: {@link Comparison#birthDate}), or two records an analyst said are not the same person; and a link is
 * refused when its two records' names disagree outright ({@link #namesClash}) while their dates of birth do not vouch
 * for one person (both there and alike to a typing error): siblings sharing a phone, strangers giving one office
 * e-mail. Greedy
 * constrained merging resists chaining: a link cannot pull in a record whose date of birth conflicts with another
 * member of the group it would join, and a weak link (below {@link #STRONG}) cannot either when a given name conflicts,
 * so a group grown through weak links is checked against every member it has. Only a conflict between the two linked
 * records themselves may be overridden, and only by a link so strong that its other fields, context aside, outweigh
 * the disagreement (its weight already counts it) and whose identity documents do not differ too: a date mistyped
 * beyond recognition, a given name replaced in data entry. Analyst
 * "same person" decisions are applied first and may override a date or name conflict, never a "not the same" decision.
 */
final class Clustering {
    /** A link at least this strong (odds of 1,000 to 1) is not weak: its groups' given names are not checked. */
    static final double STRONG = 10;
    /** Distinct given-name spellings kept per group for the name check: enough for one person's variants. */
    static final int NAMES_KEPT = 8;

    private final int[] parent;
    private final List<List<LocalDate>> dates = new ArrayList<>();
    private final List<List<Features>> names = new ArrayList<>();
    private final List<int[]> notSame = new ArrayList<>();
    private final LocalDate[] birthDates;
    private final Features[] records;

    Clustering(Features[] records) {
        this.records = records;
        this.parent = new int[records.length];
        this.birthDates = new LocalDate[records.length];
        for (int i = 0; i < records.length; i++) {
            parent[i] = i;
            birthDates[i] = records[i].birthDate;
            dates.add(records[i].birthDate == null ? List.of() : List.of(records[i].birthDate));
            names.add(records[i].givenKey.isEmpty() ? List.of() : List.of(records[i]));
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
    enum Refusal { NONE, ANALYST_NOT_SAME, BIRTH_DATES_CONFLICT, GIVEN_NAMES_CONFLICT }

    /** Merges on an analyst's decision. */
    Refusal mergeDecided(int a, int b) {
        return merge(a, b, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * Merges on a scored link: when what may outweigh a contradiction ({@link Scoring#overridingWeight}) reaches
     * {@link Resolver#OVERWHELMING}, the two linked records' own dates or given names may disagree.
     *
     * @param weight     the link's weight
     * @param overriding the part of it that may outweigh a contradiction
     */
    Refusal mergeScored(int a, int b, double weight, double overriding) {
        return merge(a, b, false, weight, overriding >= Resolver.OVERWHELMING);
    }

    private Refusal merge(int a, int b, boolean analystSame, double weight, boolean overwhelming) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return Refusal.NONE;
        for (int[] pair : notSame) {
            int x = find(pair[0]), y = find(pair[1]);
            if ((x == ra && y == rb) || (x == rb && y == ra)) return Refusal.ANALYST_NOT_SAME;
        }
        if (!analystSame) {
            LocalDate da = overwhelming ? birthDates[a] : null, db = overwhelming ? birthDates[b] : null;
            if (datesConflict(dates.get(ra), dates.get(rb), da, db)) return Refusal.BIRTH_DATES_CONFLICT;
            if (!overwhelming && namesClash(records[a], records[b])) return Refusal.GIVEN_NAMES_CONFLICT;
            if (weight < STRONG && namesConflict(names.get(ra), names.get(rb))) return Refusal.GIVEN_NAMES_CONFLICT;
        }
        int keep = Math.min(ra, rb), gone = Math.max(ra, rb);
        parent[gone] = keep;
        dates.set(keep, union(dates.get(keep), dates.get(gone), d -> d, Integer.MAX_VALUE));
        dates.set(gone, List.of());
        names.set(keep, union(names.get(keep), names.get(gone), f -> f.givenKey, NAMES_KEPT));
        names.set(gone, List.of());
        return Refusal.NONE;
    }

    /** The first list (made mutable) with the second's elements of a new key, up to {@code max} elements. */
    private static <T> List<T> union(List<T> kept, List<T> added, java.util.function.Function<T, Object> key, int max) {
        List<T> merged = kept instanceof ArrayList<T> list ? list : new ArrayList<>(kept);
        for (T x : added) {
            if (merged.size() >= max) break;
            Object k = key.apply(x);
            if (merged.stream().noneMatch(y -> key.apply(y).equals(k))) merged.add(x);
        }
        return merged;
    }

    boolean together(int a, int b) {
        return find(a) == find(b);
    }

    /** Whether any two dates of the groups contradict each other, other than the vouched pair (the linked records' own). */
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

    /**
     * Whether a given name of one group disagrees outright with one of the other's (names read swapped when better) on
     * two records whose dates of birth are not both there and alike to a typing error.
     */
    private static boolean namesConflict(List<Features> a, List<Features> b) {
        for (Features x : a) {
            for (Features y : b) {
                if (namesClash(x, y)) return true;
            }
        }
        return false;
    }

    /**
     * Names that disagree outright on two records whose dates of birth do not vouch for one person: the given names
     * differ, or the surname differs and the given names agree no better than a typo (a surname changed at marriage
     * keeps the given name).
     */
    static boolean namesClash(Features x, Features y) {
        if (x.givenKey.equals(y.givenKey) || x.givenKey.isEmpty() || y.givenKey.isEmpty()) return false;
        if (x.birthDate != null && y.birthDate != null && Comparison.birthDate(x.birthDate, y.birthDate) <= Comparison.TYPO) return false;
        int[] names = Comparison.names(x, y);
        return names[0] == Comparison.GIVEN.different() || names[1] == Comparison.SURNAME.different() && names[0] >= 3;
    }
}
