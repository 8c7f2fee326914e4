package org.piste.screen;

import java.util.List;

/**
 * The ranks shown to users: equal scores share the rank of the first of them (1, 2, 2, 4). The order in which
 * {@link Screener} lists equal scores is fixed but means nothing, so no rank, file or page may read it as one
 * entity being more suspicious than another.
 */
public final class SharedRanks {
    private SharedRanks() {}

    /** The rank of each entity of a ranking, highest score first (as {@link Screener} ranks). */
    public static int[] of(List<EntityScore> ranked) {
        int[] rank = new int[ranked.size()];
        for (int i = 0; i < rank.length; i++) {
            double score = ranked.get(i).score();
            if (i > 0 && score > ranked.get(i - 1).score()) {
                throw new IllegalArgumentException("not ranked: " + ranked.get(i).entityId() + " (" + score + ") follows "
                        + ranked.get(i - 1).entityId() + " (" + ranked.get(i - 1).score() + ")");
            }
            rank[i] = i > 0 && score == ranked.get(i - 1).score() ? rank[i - 1] : i + 1;
        }
        return rank;
    }
}
