package org.piste.screen;

import java.util.List;
import java.util.Objects;

/**
 * One indicator's part of a score: the value it measured, the points it adds, a sentence an investigator can
 * check, and the transfers behind it (references, to be found in the operator's records). The indicator is its
 * stable name ({@link Indicator#key()}), as results are stored and read back, and as equal points are ordered by.
 * The sentence is kept as a wording with arguments (for other languages) and in English ({@code explanation}, what
 * the CLI prints); build it from a {@link Sentence}, so the two cannot differ.
 */
public record Contribution(String indicator, double value, double points, String explanation, List<String> evidence,
        Sentence sentence) {
    public Contribution {
        Objects.requireNonNull(indicator);
        Objects.requireNonNull(explanation);
        Objects.requireNonNull(sentence);
        // No -0 (a negative weight that measured nothing): PostgreSQL's numbers have none, and equal points are
        // ordered by indicator, so a read explanation would list its zeros in another order than the screening did.
        points += 0.0;
        evidence = evidence instanceof Evidence ? evidence : List.copyOf(evidence); // Evidence is immutable already
    }

    public Contribution(String indicator, double value, double points, Sentence sentence, List<String> evidence) {
        this(indicator, value, points, sentence.english(), evidence, sentence);
    }

    public Contribution(Indicator indicator, double value, double points, Sentence sentence, List<String> evidence) {
        this(indicator.key(), value, points, sentence, evidence);
    }

    /** A contribution whose sentence is text only (stored before sentences had wordings): shown as written. */
    public Contribution(String indicator, double value, double points, String explanation, List<String> evidence) {
        this(indicator, value, points, explanation, evidence, Sentence.verbatim(explanation));
    }

    public Contribution(Indicator indicator, double value, double points, String explanation, List<String> evidence) {
        this(indicator.key(), value, points, explanation, evidence);
    }

    /** Whether this is that indicator's part. */
    public boolean is(Indicator indicator) {
        return this.indicator.equals(indicator.key());
    }
}
