package org.piste.bench;

import java.util.List;

/** Ranking metrics over a ranked list of labels (true = positive): average precision, precision and recall at k. */
record RankingMetrics(int size, int positives, double averagePrecision, int topK, double precisionTop, double recallTop,
        double precisionAtPositives, double recallAtPositives) {

    /** @param topShare the share of the ranking called "top" (0.01 for the top 1%, rounded up) */
    static RankingMetrics of(List<Boolean> ranked, double topShare) {
        int n = ranked.size(), positives = (int) ranked.stream().filter(b -> b).count();
        double ap = 0;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (ranked.get(i)) ap += (double) ++hits / (i + 1);
        }
        int top = (int) Math.ceil(topShare * n);
        int inTop = hitsWithin(ranked, top), inK = hitsWithin(ranked, positives);
        return new RankingMetrics(n, positives, positives == 0 ? 0 : ap / positives, top, (double) inTop / top,
                positives == 0 ? 0 : (double) inTop / positives, positives == 0 ? 0 : (double) inK / positives,
                positives == 0 ? 0 : (double) inK / positives);
    }

    static int hitsWithin(List<Boolean> ranked, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (ranked.get(i)) hits++;
        return hits;
    }

    /** P(X >= x) for X ~ Binomial(n, p), summed in log space. */
    static double binomialUpperTail(int n, int x, double p) {
        if (x <= 0) return 1;
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        double sum = 0;
        for (int k = x; k <= n; k++) sum += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        return Math.min(1, sum);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
        return s;
    }
}
