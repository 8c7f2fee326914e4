package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.resolve.Comparison.ADDRESS;
import static org.piste.resolve.Comparison.BIRTH_DATE;
import static org.piste.resolve.Comparison.CITY;
import static org.piste.resolve.Comparison.EMAIL;
import static org.piste.resolve.Comparison.GIVEN;
import static org.piste.resolve.Comparison.MIDDLE;
import static org.piste.resolve.Comparison.PHONE;
import static org.piste.resolve.Comparison.POSTCODE;
import static org.piste.resolve.Comparison.SURNAME;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The learner on hand-made maps of candidate patterns. Records without any value make u uniform (no random pair
 * compares anything: every level of a k-level field has u = 1/k), so the model's m is what the sessions learned, pooled
 * only where it is not monotone. Each session below holds a group of pairs agreeing on every field it compares and 100
 * or 200 pairs disagreeing on all of them: EM separates them to within 1e-5 of a pair (a pair agreeing on four fields is
 * some 10^9 times likelier a match), so the expected matching pairs are the agreeing group's size.
 */
class ModelLearnerTest {

    private static Features[] blank(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Features(new PersonRecord("b" + i, "", "", "", "", Optional.empty(), "",
                "", "", "", "", "", ""))).toArray(Features[]::new);
    }

    /** A pattern from (field, level) pairs; the fields not named are missing. */
    private static long pattern(Object... fieldLevels) {
        long p = 0;
        for (int k = 0; k < fieldLevels.length; k += 2) p = Comparison.withLevel(p, (Comparison) fieldLevels[k], (int) fieldLevels[k + 1]);
        return p;
    }

    private static double[] defaultM(Comparison c) {
        return DefaultModel.m()[c.ordinal()];
    }

    private static double[] m(MatchModel model, Comparison c) {
        return model.mTable()[c.ordinal()];
    }

    @Test
    void eachSessionLearnsTheFieldsItDoesNotFixFromThePairsItSelectsAndFewPairsKeepTheDefault() {
        Map<Long, Long> patterns = new LinkedHashMap<>();
        // "same names": given names exact, surname exact or without particles. 5 alike, 100 unlike.
        patterns.put(pattern(GIVEN, 1, SURNAME, 2, MIDDLE, 1, ADDRESS, 1, POSTCODE, 1, CITY, 1), 5L);
        patterns.put(pattern(GIVEN, 1, SURNAME, 1, MIDDLE, 3, ADDRESS, 3, POSTCODE, 3, CITY, 3), 100L);
        // "same date of birth": 7 alike (given names a nickname), 100 unlike.
        patterns.put(pattern(BIRTH_DATE, 1, GIVEN, 2, ADDRESS, 1, POSTCODE, 1, CITY, 1), 7L);
        patterns.put(pattern(BIRTH_DATE, 1, GIVEN, 5, ADDRESS, 3, POSTCODE, 3, CITY, 3), 100L);
        // "same identifier" (the phone): 11 alike (the e-mail's user name alike), 100 unlike.
        patterns.put(pattern(PHONE, 1, EMAIL, 2, GIVEN, 2, ADDRESS, 1, POSTCODE, 1, CITY, 1), 11L);
        patterns.put(pattern(PHONE, 1, EMAIL, 3, GIVEN, 5, ADDRESS, 3, POSTCODE, 3, CITY, 3), 100L);
        // No session: the given names exact but the surname only similar.
        patterns.put(pattern(GIVEN, 1, SURNAME, 3, MIDDLE, 1, ADDRESS, 1, POSTCODE, 1, CITY, 1), 17L);

        MatchModel model = ModelLearner.learn(blank(1000), patterns, 1, null);

        // given names: fixed by "same names", learned from 7 + 11 = 18; middle name: only "same names", 5 (the 17 pairs
        // with a similar surname are in no session); address, postcode, city: 5 + 7 + 11 = 23. The surname is only
        // compared where "same names" fixes it, the date of birth where "same date of birth" does, the phone and the
        // e-mail where "same identifier" does: none of them is learned, none has a note. No field fails the checks.
        assertThat(model.warnings()).containsExactly(
                "given names: only 18 matching pairs to learn from; default m kept",
                "middle name: only 5 matching pairs to learn from; default m kept",
                "address: only 23 matching pairs to learn from; default m kept",
                "postcode: only 23 matching pairs to learn from; default m kept",
                "city: only 23 matching pairs to learn from; default m kept");
        // Fewer than MIN_MATCHES: the default m, unchanged (0.70 > 0.20 > 0.10 is monotone against a uniform u).
        assertThat(m(model, ADDRESS)).containsExactly(defaultM(ADDRESS));
        assertThat(m(model, GIVEN)).containsExactly(defaultM(GIVEN));
        assertThat(model.u("ADDRESS", 1)).isCloseTo(1 / 3.0, within(1e-12));
    }

    /** Two sessions, 40 and 20 alike pairs against 200 unlike each: m is their matches' levels pulled by PRIOR_PAIRS. */
    private static Map<Long, Long> twoSessions() {
        Map<Long, Long> patterns = new LinkedHashMap<>();
        patterns.put(pattern(GIVEN, 1, SURNAME, 2, MIDDLE, 1, ADDRESS, 1, POSTCODE, 1, CITY, 1), 40L);
        patterns.put(pattern(GIVEN, 1, SURNAME, 1, MIDDLE, 3, ADDRESS, 3, POSTCODE, 3, CITY, 3), 200L);
        patterns.put(pattern(BIRTH_DATE, 1, MIDDLE, 1, ADDRESS, 2, POSTCODE, 1, CITY, 1), 20L);
        patterns.put(pattern(BIRTH_DATE, 1, MIDDLE, 3, ADDRESS, 3, POSTCODE, 3, CITY, 3), 200L);
        return patterns;
    }

    @Test
    void aFieldsMIsEachSessionsMatchesPulledTowardsTheDefaultWeightedByTheirNumber() {
        MatchModel model = ModelLearner.learn(blank(1000), twoSessions(), 1, null);
        assertThat(ModelLearner.PRIOR_PAIRS).isEqualTo(10);
        // A session with W matches, c_l of them at level l: m_l = (c_l + 10 * default_l) / (W + 10); the sessions' m are
        // averaged weighted by W. Address (default 0.7, 0.2, 0.1), 40 matches at "exact" and 20 at "similar":
        //   "same names":         (40 + 7) / 50 = 0.94,      2 / 50 = 0.04,          1 / 50 = 0.02
        //   "same date of birth":  7 / 30 = 0.233333,   (20 + 2) / 30 = 0.733333,    1 / 30 = 0.033333
        //   together: (40 * 0.94 + 20 * 0.233333) / 60 = 0.704444, (40 * 0.04 + 20 * 0.733333) / 60 = 0.271111,
        //             (40 * 0.02 + 20 * 0.033333) / 60 = 0.024444
        assertThat(m(model, ADDRESS)).containsExactly(new double[] {0, 0.704444, 0.271111, 0.024444}, within(1e-5));
        // Middle name (default 0.8, 0.1, 0.1), all 60 matches exact: (40 * 48/50 + 20 * 28/30) / 60 = 0.951111, then
        // (40 * 1/50 + 20 * 1/30) / 60 = 0.024444 at both other levels (equal ratios are not pooled).
        assertThat(m(model, MIDDLE)).containsExactly(new double[] {0, 0.951111, 0.024444, 0.024444}, within(1e-5));
        // Postcode (default 0.85, 0.05, 0.1), all exact: (40 * 48.5/50 + 20 * 28.5/30) / 60 = 0.963333, then
        // (40 * 0.5/50 + 20 * 0.5/30) / 60 = 0.012222 and (40 * 1/50 + 20 * 1/30) / 60 = 0.024444: "one character off"
        // would weigh less than "different" against a uniform u, so the two are pooled at 0.018333 each.
        assertThat(m(model, POSTCODE)).containsExactly(new double[] {0, 0.963333, 0.018333, 0.018333}, within(1e-5));
        assertThat(m(model, CITY)).containsExactly(new double[] {0, 0.963333, 0.018333, 0.018333}, within(1e-5));
        // A field a session fixes is not learned from it: given names and surname are only compared in "same names",
        // the date of birth only in "same date of birth". They keep the default, without a note (nothing to learn from).
        assertThat(m(model, GIVEN)).containsExactly(defaultM(GIVEN));
        // (the default surname's "same without particles", 0.05, below "similar", 0.06: pooled at 0.055 each)
        assertThat(m(model, SURNAME)).containsExactly(new double[] {0, 0.85, 0.055, 0.055, 0.02, 0.02}, within(1e-12));
        assertThat(m(model, BIRTH_DATE)[1]).as("pooled, not learned").isCloseTo(0.90, within(1e-12));
        assertThat(model.warnings()).isEmpty();
        for (Comparison c : Comparison.ALL) {
            assertThat(java.util.Arrays.stream(m(model, c)).sum()).as(c.label).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void thePriorIsTheMatchesAmongTheCandidatesOverAllPossiblePairs() {
        // The final mixture, m held as learned, finds the 40 + 20 alike pairs: 60 of 1000 * 999 / 2 = 499,500 pairs.
        MatchModel model = ModelLearner.learn(blank(1000), twoSessions(), 1, null);
        assertThat(model.prior()).isCloseTo(60 / 499_500.0, within(60 / 499_500.0 * 1e-3));
        // Among 10 records (45 pairs) the same 60 matches would be more than all pairs: the prior is capped at one half.
        assertThat(ModelLearner.learn(blank(10), twoSessions(), 1, null).prior()).isEqualTo(0.5);
        // Without candidates no pair is a match: the prior is floored, not zero (its log-odds must exist).
        assertThat(ModelLearner.learn(blank(1000), Map.of(), 1, null).prior()).isEqualTo(1e-12);
    }

    /**
     * Two candidate pairs agreeing on everything: with so few pairs, u of the agreeing levels (add-half smoothing) stays
     * well below m, and the final mixture calls both pairs matches.
     */
    @Test
    void candidatesThatAlmostAllLookLikeOnePersonAreWarnedAbout() {
        long allExact = pattern(GIVEN, 1, SURNAME, 1, MIDDLE, 1, BIRTH_DATE, 1, Comparison.ID_NUMBER, 1, PHONE, 1, EMAIL, 1,
                POSTCODE, 1, CITY, 1);
        MatchModel model = ModelLearner.learn(blank(1000), Map.of(allExact, 2L), 1, null);
        assertThat(model.warnings()).contains("100% of the candidate pairs look like one person: blocking kept almost only "
                + "duplicates, or the data has few distinct persons");
        assertThat(ModelLearner.learn(blank(1000), twoSessions(), 1, null).warnings())
                .noneMatch(w -> w.contains("look like one person"));
    }

    /**
     * A million candidate pairs all agreeing on the city and comparing nothing else: an agreement every candidate shares
     * says little. No session selects them (m stays the default, 0.85 for "exact"), and the final mixture starts u from
     * the candidates' own level shares: u(exact) = (10^6 + 0.5) / (10^6 + 1.5), 1 to within 10^-6, and it stays there
     * (the pairs left to the non-matches are never fewer than about 5 * 10^5). From even odds, each of the 40 iterations
     * multiplies the odds of a match by m / u = 0.85: odds 0.85^40 = 0.0015023, share 0.0015023 / 1.0015023 = 0.0015000,
     * prior 0.0015000 * 10^6 / 499,500 = 0.0030031.
     */
    @Test
    void anAgreementEveryCandidateSharesSaysLittleAndEmIteratesFromTheCandidatesOwnShares() {
        MatchModel model = ModelLearner.learn(blank(1000), Map.of(pattern(CITY, 1), 1_000_000L), 1, null);
        assertThat(model.prior()).isCloseTo(0.0030031, within(0.0030031 * 1e-3));
    }

    @Test
    void belowMinRecordsTheDefaultModelIsUsed() {
        // The default prior is one over the records; a model learned from no candidate pair has the floor, 1e-12.
        assertThat(ModelLearner.learnOrDefault(blank(ModelLearner.MIN_RECORDS - 1), Map.of(), 1, null).prior())
                .isEqualTo(1.0 / 499);
        assertThat(ModelLearner.learnOrDefault(blank(ModelLearner.MIN_RECORDS), Map.of(), 1, null).prior()).isEqualTo(1e-12);
    }

    /**
     * u from random pairs of two records: the one pair there is, drawn once. Its phones are one digit off and its cities
     * differ; with add-half smoothing a 3-level field counted once at level l has u_l = 1.5 / 2.5 = 0.6, the others
     * 0.5 / 2.5 = 0.2; fields never compared are uniform.
     */
    @Test
    void uCountsTheLevelsOfRandomPairsWithAddHalfSmoothing() {
        long seed = 2;
        assertThat(new SplittableRandom(seed).nextInt(2)).as("the pair is drawn from record 0").isZero();
        Features a = new Features(new PersonRecord("a", "", "", "", "", Optional.empty(), "", "+33612345678", "", "", "", "Manila", ""));
        Features b = new Features(new PersonRecord("b", "", "", "", "", Optional.empty(), "", "+33612345679", "", "", "", "Cebu", ""));
        MatchModel model = ModelLearner.learn(new Features[] {a, b}, Map.of(), seed, (x, y) -> 2);
        assertThat(model.uTable()[PHONE.ordinal()]).containsExactly(new double[] {0, 0.2, 0.6, 0.2}, within(1e-12));
        assertThat(model.uTable()[CITY.ordinal()]).containsExactly(new double[] {0, 0.2, 0.2, 0.6}, within(1e-12));
        assertThat(model.uTable()[Comparison.COUNTERPARTY.ordinal()]).as("the counterparty level given for the pair")
                .containsExactly(new double[] {0, 0.2, 0.6, 0.2}, within(1e-12));
        assertThat(model.uTable()[GIVEN.ordinal()]).containsExactly(new double[] {0, 0.2, 0.2, 0.2, 0.2, 0.2}, within(1e-12));
        MatchModel without = ModelLearner.learn(new Features[] {a, b}, Map.of(), seed, null);
        assertThat(without.uTable()[Comparison.COUNTERPARTY.ordinal()]).containsExactly(new double[] {0, 1 / 3.0, 1 / 3.0, 1 / 3.0},
                within(1e-12));
    }

    @Test
    void candidatePatternsAreCountedByTheirLevelsAlone() {
        long p = pattern(GIVEN, 1, EMAIL, 1), q = pattern(GIVEN, 5);
        Map<Long, Long> counted = ModelLearner.patterns(new long[] {p | Comparison.SWAPPED, p, p | Comparison.sharedFlag(EMAIL), q});
        assertThat(counted).isEqualTo(Map.of(p, 3L, q, 1L));
    }
}
