package org.piste.screen;

import java.util.List;

/**
 * Which ranked entities are alerts: those with a positive score at least the rule set's alert minimum for the side and
 * at least the score at the cut position, max({@value #MIN_ALERTS}, ceil({@value #TOP_SHARE} x entities ranked on the
 * side)). The minimum says how much evidence an alert needs (every entity is graded, so the top 1% alone would always
 * be full); the position caps the workload. Entities tied with the one at the cut are all alerts, so the fixed order of
 * equal scores never decides who is one; an entity with no counted point never is.
 *
 * @param position where the cut is taken, from 1 (1 when nothing is ranked)
 * @param score    the score there (+infinity when nothing is ranked: no alert)
 * @param minimum  the rule set's least alert score for the side
 */
public record AlertCut(int position, double score, double minimum) {
    public static final double TOP_SHARE = 0.01;
    public static final int MIN_ALERTS = 10;

    /** The cut position among {@code ranked} entities of a side (1 when there are none). */
    public static int position(long ranked) {
        if (ranked <= 0) return 1;
        return (int) Math.min(ranked, Math.max(MIN_ALERTS, (long) Math.ceil(TOP_SHARE * ranked)));
    }

    /** The cut of one side's ranking, highest score first (as {@link Screener} ranks), with the rule set's minimum. */
    public static AlertCut of(List<EntityScore> ranked, double minimum) {
        if (ranked.isEmpty()) return new AlertCut(1, Double.POSITIVE_INFINITY, minimum);
        int at = position(ranked.size());
        return new AlertCut(at, ranked.get(at - 1).score(), minimum);
    }

    /** The least score alerted: the higher of the score at the cut and the minimum. */
    public double bar() {
        return Math.max(score, minimum);
    }

    /** Whether an entity with this score is alerted. The stored alerts apply the same test in SQL ({@code Alerts}). */
    public boolean alerts(double entityScore) {
        return entityScore > 0 && entityScore >= bar();
    }

    /** How many entities of a ranking (highest score first) are alerted: they are its first ones. */
    public int count(List<EntityScore> ranked) {
        int n = 0;
        while (n < ranked.size() && alerts(ranked.get(n).score())) n++;
        return n;
    }
}
