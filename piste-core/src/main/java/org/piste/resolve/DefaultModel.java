package org.piste.resolve;

/**
 * The model used when there are too few records to learn one (a first small import, a short list):
 * agreement probabilities typical of identity data, m for the same person and u for strangers,
 * by level from the strongest agreement to disagreement (level 0, missing, is ignored). The prior assumes
 * each record has about one other record of the same person. u of the date levels: among about 18,000 days of birth
 * (fifty years), a year off by 1, 10 or 100 reaches three dates, one digit off about 72, within a month 62, within a
 * year about 730. The learner also starts from these m and keeps a learned field's m near them when data is scarce.
 */
final class DefaultModel {
    private static final double[][] M = {
        {0, .80, .08, .07, .03, .02},   // given names
        {0, .85, .05, .06, .02, .02},   // surname
        {0, .80, .10, .10},             // middle name
        {0, .90, .01, .01, .03, .01, .01, .03}, // date of birth (exact, swapped, year, one digit, month, year apart, different)
        {0, .80, .05, .15},             // ID number (renewed and second documents differ)
        {0, .80, .03, .17},             // phone (new phones)
        {0, .85, .05, .10},             // e-mail
        {0, .70, .20, .10},             // address
        {0, .85, .05, .10},             // postcode
        {0, .85, .05, .10},             // city
        {0, .50, .50},                  // agency (people use a few)
        {0, .30, .10, .60},             // counterparty (same entity, sharing another counterparty, different)
    };
    private static final double[][] U = {
        {0, .01, .01, .02, .10, .86},
        {0, .005, .002, .01, .05, .933},
        {0, .02, .08, .90},
        {0, .0001, .0001, .0002, .004, .0034, .04, .9522},
        {0, .00001, .0001, .99989},
        {0, .0001, .0005, .9994},
        {0, .0001, .0005, .9994},
        {0, .001, .01, .989},
        {0, .01, .02, .97},
        {0, .05, .02, .93},
        {0, .01, .99},
        {0, .001, .01, .989},
    };

    private DefaultModel() {}

    /** m of every field and level (a copy): where the learner starts, and what it falls back to. */
    static double[][] m() {
        double[][] copy = new double[M.length][];
        for (int i = 0; i < M.length; i++) copy[i] = M[i].clone();
        return copy;
    }

    static MatchModel forRecords(int records) {
        return MatchModel.of(M, U, Math.min(0.5, 1.0 / Math.max(2, records)));
    }
}
