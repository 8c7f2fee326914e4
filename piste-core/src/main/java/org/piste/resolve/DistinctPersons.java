package org.piste.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * How many distinct persons carry one identifier value: the records are taken in turn and a record counts as a new
 * person only when it cannot be any person counted so far, because the names disagree outright (given names or surname
 * "different", read swapped when that agrees better) or the dates of birth contradict each other. A person's own
 * spellings, typos and swapped rows count once; an office e-mail given by ten unrelated people counts ten; relatives
 * sharing an address count one each, a father and son of one name too.
 */
final class DistinctPersons {
    /** Counting stops here: beyond it a value is plainly shared, and the comparisons would only cost time. */
    static final int MAX = 20;

    private DistinctPersons() {}

    /**
     * Distinct persons among {@code records[members[from..to)]}; records without any name are not counted.
     *
     * @param byDates whether dates of birth tell persons apart: yes for what a household shares (phone, e-mail,
     *                address: a father and son of one name), no for an identity document's number (one person's; a
     *                date that contradicts it is mistyped)
     */
    static int count(Features[] records, int[] members, int from, int to, boolean byDates) {
        List<Features> names = new ArrayList<>();
        for (int k = from; k < to && names.size() < MAX; k++) {
            Features f = records[members[k]];
            if (f.givenKey.isEmpty() && f.surnameKey.isEmpty()) continue;
            boolean known = false;
            for (int n = 0; n < names.size() && !known; n++) known = samePerson(names.get(n), f, byDates);
            if (!known) names.add(f);
        }
        return Math.max(1, names.size());
    }

    /**
     * Whether two records may be one person's: dates of birth alike to a typing error say yes (a name replaced in data
     * entry), dates that contradict each other say no; otherwise neither the given names nor the surname may disagree
     * outright.
     */
    static boolean samePerson(Features a, Features b, boolean byDates) {
        if (byDates && a.birthDate != null && b.birthDate != null) {
            int dates = Comparison.birthDate(a.birthDate, b.birthDate);
            if (dates == Comparison.BIRTH_DATE.different()) return false;
            if (dates <= Comparison.TYPO) return true;
        }
        if (a.givenKey.equals(b.givenKey) && a.surnameKey.equals(b.surnameKey)) return true;
        int[] levels = Comparison.names(a, b);
        return levels[0] != Comparison.GIVEN.different() && levels[1] != Comparison.SURNAME.different();
    }
}
