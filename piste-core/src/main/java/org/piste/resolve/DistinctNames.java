package org.piste.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * How many distinct names carry one identifier value: the records are taken in turn and a record counts as a new name
 * only when its names disagree outright with every name counted so far (given names or surname "different", read
 * swapped when that agrees better). A person's own spellings, typos and swapped rows count once; an office e-mail
 * given by ten unrelated people counts ten; relatives sharing an address count one each.
 */
final class DistinctNames {
    /** Counting stops here: beyond it a value is plainly shared, and the comparisons would only cost time. */
    static final int MAX = 20;

    private DistinctNames() {}

    /** Distinct names among {@code records[members[from..to)]}; records without any name are not counted. */
    static int count(Features[] records, int[] members, int from, int to) {
        List<Features> names = new ArrayList<>();
        for (int k = from; k < to && names.size() < MAX; k++) {
            Features f = records[members[k]];
            if (f.givenKey.isEmpty() && f.surnameKey.isEmpty()) continue;
            boolean known = false;
            for (int n = 0; n < names.size() && !known; n++) known = sameName(names.get(n), f);
            if (!known) names.add(f);
        }
        return Math.max(1, names.size());
    }

    /** Whether two records' names may be one person's: neither the given names nor the surname disagree outright. */
    static boolean sameName(Features a, Features b) {
        if (a.givenKey.equals(b.givenKey) && a.surnameKey.equals(b.surnameKey)) return true;
        int[] levels = Comparison.names(a, b);
        return levels[0] != Comparison.GIVEN.different() && levels[1] != Comparison.SURNAME.different();
    }
}
