package org.piste.resolve;

/** How the resolver's name comparators rate two full names (for evaluation against labelled name pairs). */
public final class NameMatch {
    private NameMatch() {}

    /**
     * The given-name and surname levels of two names written in one piece ("Juan dela Cruz", "CRUZ, Juan"), split
     * and compared exactly as the resolver does (swapped reading included). Levels: given 1 exact, 2 nickname or
     * first name, 3 similar, 4 weak, 5 different; surname 1 exact, 2 same without particles, 3 similar, 4 sounds
     * alike, 5 different; 0 when a part is missing.
     */
    public record Levels(int given, String givenLabel, int surname, String surnameLabel) {}

    public static Levels level(String fullNameA, String fullNameB) {
        int[] l = Comparison.names(features(fullNameA), features(fullNameB));
        return new Levels(l[0], Comparison.GIVEN.levels[l[0]], l[1], Comparison.SURNAME.levels[l[1]]);
    }

    private static Features features(String fullName) {
        return new Features(new PersonRecord("n", "", "", "", fullName, java.util.Optional.empty(), "", "", "", "", "",
                "", ""));
    }
}
