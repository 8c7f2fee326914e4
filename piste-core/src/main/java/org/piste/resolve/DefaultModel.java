package org.piste.resolve;

/**
 * The model used when there are too few records to learn one (a first small import, a short list):
 * agreement probabilities typical of identity data, m for the same person and u for strangers,
 * by level from the strongest agreement to disagreement (level 0, missing, is ignored). The prior assumes
 * each record has about one other record of the same person.
 */
final class DefaultModel {
    private static final double[][] M = {
        {0, .80, .08, .07, .03, .02},   // given names
        {0, .85, .05, .06, .02, .02},   // surname
        {0, .80, .10, .10},             // middle name
        {0, .90, .02, .05, .03},        // date of birth
        {0, .80, .05, .15},             // ID number (renewed and second documents differ)
        {0, .80, .03, .17},             // phone (new phones)
        {0, .85, .05, .10},             // e-mail
        {0, .70, .20, .10},             // address
        {0, .85, .05, .10},             // postcode
        {0, .85, .05, .10},             // city
    };
    private static final double[][] U = {
        {0, .01, .01, .02, .10, .86},
        {0, .005, .002, .01, .05, .933},
        {0, .02, .08, .90},
        {0, .0001, .0001, .005, .9948},
        {0, .00001, .0001, .99989},
        {0, .0001, .0005, .9994},
        {0, .0001, .0005, .9994},
        {0, .001, .01, .989},
        {0, .01, .02, .97},
        {0, .05, .02, .93},
    };

    private DefaultModel() {}

    static MatchModel forRecords(int records) {
        return MatchModel.of(M, U, Math.min(0.5, 1.0 / Math.max(2, records)));
    }
}
