package org.piste.screen;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.piste.model.Side;

/**
 * Every indicator Piste measures (docs/typology.md, "Indicators"), with the stable name rule files, stored results,
 * JSON and the analysts' filters know it by, and the sides it measures. The names are data: stored with every
 * result and shown to users, they never change; a new indicator gets a new name.
 */
public enum Indicator {
    LOW_VALUE("low_value", Side.SENDER, Side.RECIPIENT),
    FREQUENCY("frequency", Side.SENDER),
    BURSTS("bursts", Side.SENDER),
    ESCALATION("escalation", Side.SENDER),
    NIGHT("night", Side.SENDER, Side.RECIPIENT),
    UNRELATED_BENEFICIARIES("unrelated_beneficiaries", Side.SENDER),
    ROUND_AMOUNTS("round_amounts", Side.SENDER),
    COVER_PURPOSE("cover_purpose", Side.SENDER),
    IDENTITIES("identities", Side.SENDER),
    UNRELATED_SENDERS("unrelated_senders", Side.RECIPIENT),
    FAMILY_OPERATION("family_operation", Side.RECIPIENT),
    PICKUP("pickup", Side.RECIPIENT),
    SLOW_PICKUP("slow_pickup", Side.RECIPIENT),
    REGULAR_SENDERS("regular_senders", Side.RECIPIENT),
    /** Suspicion reaching an entity over the sender-recipient graph: every rule set has it on both sides. */
    NETWORK("network", Side.SENDER, Side.RECIPIENT),
    /** The marker of a seed (a referral's or an analyst's confirmation): no points, no rule, on no side of a rule file. */
    CONFIRMED("confirmed");

    private final String key;
    private final Set<Side> sides;

    Indicator(String key, Side... sides) {
        this.key = key;
        this.sides = Set.of(sides);
    }

    /** The stable name ("low_value"): in rule files, stored contributions, JSON and filters. */
    public String key() {
        return key;
    }

    /** Whether a rule file may give this indicator a rule on that side. */
    public boolean measures(Side side) {
        return sides.contains(side);
    }

    /** The indicators a side's rules may name, in declaration order. */
    public static List<Indicator> of(Side side) {
        return Arrays.stream(values()).filter(i -> i.measures(side)).toList();
    }

    /** The indicator of a stable name; empty for any other text (names are exact: "Night" is none). */
    public static Optional<Indicator> ofKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
