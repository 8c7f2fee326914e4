package org.piste.screen;

import java.util.Locale;

/**
 * Every explanation sentence the screening can produce, with its English wording: the one place English is written
 * (the CLI prints it, results store it; the application's French is {@code alerts.explain.<key>} in its alerts
 * bundle, with the same arguments). A wording ending in another sentence ({@code {0}; ...}) adds a clause to it.
 */
public enum Wording {
    /** Stored text without a wording: shown as written. */
    VERBATIM("{0}"),
    LOW_VALUE("{0} of {1} transfers between {2} and {3}"),
    NIGHT("{0} of {1} transfers sent between {2}:00 and {3}:00 local time"),
    ROUND_AMOUNTS("{0} of {1} transfers with round amounts (multiples of 10 sent or 500 paid)"),
    COVER_PURPOSE("{0} of {1} transfers with a cover purpose or none"),
    FREQUENCY("median interval {0} days over {1} transfers"),
    PICKUP("median {0} minutes from sending to payout over {1} transfers paid out"),
    BURSTS("{0} transfers within {1} days"),
    ESCALATION("amounts trend {0} and intervals trend {1} (rank correlations with time)"),
    IDENTITIES("{0} ID documents, {1} phones, {2} agencies, {3} channels"),
    UNRELATED_BENEFICIARIES("{0} recipients sharing no surname or middle name with the sender"),
    UNRELATED_SENDERS("{0} senders sharing no surname or middle name with the recipient"),
    UNRELATED_LEFT_OUT("{0}; {1} more left out as family through a home or family money"),
    REGULAR_TOO_FEW("{0} unrelated sender(s) paid {1} times or more: too few to judge"),
    REGULAR_SENDERS("{0} of {1} unrelated senders paying repeatedly pay a fixed sum about every {2} to {3} days "
            + "(as sponsors and employers do)"),
    NO_SURNAME("no surname to compare"),
    FAMILY_OPERATION("{0} other recipients named {1} receive from the same unrelated senders"),
    CONFIRMED("confirmed by a referral or an analyst"),
    PAYS_NO_UNRELATED("pays no recipient outside the family"),
    PAYS_UNRELATED("pays {0} unrelated recipient(s); the most suspicious, {1}, is suspected at {2} without this sender: "
            + "{3}; and receives from {4} other high-scoring sender(s)"),
    FIXED_SUM_NOT_COUNTED("{0}; this sender pays it a fixed sum about monthly, as relatives and sponsors do, not as buyers "
            + "pay for sessions: not counted"),
    LEFT_OUT_HOUSEMATE("{0}; {1} recipient(s) left out as family through a housemate (same phone, e-mail or address) "
            + "whose names or family money tie them, as {2} through {3}"),
    LEFT_OUT_FAMILY_MONEY("{0}; {1} recipient(s) left out as family money, paid above session prices (at most {2}) about "
            + "monthly or more rarely, as relatives send it: {3}, {4}"),
    FAMILY_MONEY("{0} at the median over {1} transfers, every {2} days at the median"),
    NO_OWN_INDICATOR("no indicator of its own"),
    REASON_FIRST("{0} (+{1})"),
    REASON_NEXT("{0}, {1} (+{2})"),
    LOWERED_FIRST("lowered by {0} ({1})"),
    LOWERED_NEXT("{0}, lowered by {1} ({2})"),
    OTHERS_UNRELATED("{0} other unrelated sender(s)"),
    OTHERS_LOW_VALUE("{0} of {1} transfers from others between {2} and {3}"),
    OTHERS_NIGHT("{0} of {1} transfers from others sent between {2}:00 and {3}:00 local time"),
    OTHERS_REGULAR("{0} of {1} other unrelated senders paying repeatedly pay a fixed sum monthly"),
    RECEIVES("receives from {0} unrelated sender(s), {1} of them high-scoring"),
    RECEIVES_TOP("receives from {0} unrelated sender(s), {1} of them high-scoring (top: {2})"),
    TOP_FIRST("{0} {1}"),
    TOP_NEXT("{0}, {1} {2}"),
    LEARNED_WEIGHT("{0} (weight learned from rulings: x{1})"),
    // The notes of the weights learned from analysts' decisions (LearnedWeights), shown above the alerts.
    MODEL_TOO_FEW_CONFIRMED("{0} confirmed entities, fewer than {1}: the rule set's weights are kept"),
    MODEL_UNLABELLED("{0} dismissed entities, fewer than {1}: {2} unlabelled entities stand in for negatives "
            + "(positive-unlabelled learning)"),
    MODEL_NOT_FOLLOWED("WARNING: the labels do not follow the rule set (common scale {0}, not positive): confirmed "
            + "entities do not score higher than the others; the rule set's weights are kept"),
    MODEL_IMPLAUSIBLE("WARNING: {0}'s multiplier {1} is implausible, kept at {2}"),
    MODEL_LEARNED("learned from {0} confirmed and {1} dismissed entities; log-odds per point {2}"),
    MODEL_LEARNED_UNLABELLED("learned from {0} confirmed and {1} dismissed entities and {2} unlabelled; log-odds per point {3}"),
    MOVED_ALERTS("alerts: {0} before, {1} with the learned weights; {2} left{3}, {4} entered{5}"),
    MOVED_ROSE("rose from #{0} to #{1}: {2}");

    private final String english;
    private final String key = name().toLowerCase(Locale.ROOT); // asked for each reason of each run: made once
    final int arity;

    Wording(String english) {
        this.english = english;
        int n = 0;
        while (english.contains("{" + n + "}")) n++;
        this.arity = n;
    }

    /** The bundle key's last part ({@code alerts.explain.<key>}). */
    public String key() {
        return key;
    }

    public String english() {
        return english;
    }

    /** How many arguments it takes ({@code {0}} to {@code {arity - 1}}). */
    public int arity() {
        return arity;
    }
}
