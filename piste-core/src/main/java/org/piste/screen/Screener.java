package org.piste.screen;

import java.util.List;
import java.util.Set;

/**
 * Ranks senders and recipients by the typology's indicators (a versioned rule set), reinforced over the
 * sender-recipient graph, with evidence for every point.
 */
public final class Screener {
    private final RuleSet rules;

    public Screener(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * @param facts the transfers of the period, with resolved sender and recipient entities
     * @param seeds entities confirmed as buyers or facilitators (referrals, analyst decisions)
     */
    public ScreeningResult screen(List<TransferFact> facts, Set<String> seeds) {
        throw new UnsupportedOperationException("in progress");
    }

    public RuleSet rules() {
        return rules;
    }
}
