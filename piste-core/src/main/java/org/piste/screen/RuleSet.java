package org.piste.screen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.piste.model.Side;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The declarative rule set (see {@code screen/rules.yaml}): one rule per indicator, for senders and for
 * recipients, the network propagation's settings and the least score an alert needs on each side. Its version is
 * stored with every result. Rules are in {@link Indicator} order (an enum map), the same on every run.
 */
public record RuleSet(String version, Map<Indicator, Rule> sender, Map<Indicator, Rule> recipient, double damping,
                      double senderAlertMinimum, double recipientAlertMinimum) {

    public RuleSet {
        Objects.requireNonNull(version);
        sender = copy(sender, Side.SENDER);
        recipient = copy(recipient, Side.RECIPIENT);
        if (senderAlertMinimum < 0 || recipientAlertMinimum < 0) throw new IllegalArgumentException("alert minimums must not be negative");
    }

    /** In an enum map, the same order on every run; an indicator of the other side is refused (none would measure it). */
    private static Map<Indicator, Rule> copy(Map<Indicator, Rule> rules, Side side) {
        Map<Indicator, Rule> copy = new EnumMap<>(Indicator.class);
        rules.forEach((indicator, rule) -> {
            if (!indicator.measures(side)) throw new IllegalArgumentException(indicator.key() + " is no " + section(side) + " indicator");
            copy.put(indicator, Objects.requireNonNull(rule));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The least score an alert needs on this side. */
    public double alertMinimum(Side side) {
        return side == Side.SENDER ? senderAlertMinimum : recipientAlertMinimum;
    }

    /**
     * How an indicator's value becomes points: 0 at {@code from}, {@code points} at {@code to}, linear between.
     * {@code params} holds the indicator's own settings (thresholds, hours, purposes).
     */
    public record Rule(double points, double from, double to, int minTransfers, Map<String, Object> params) {
        public Rule {
            params = Map.copyOf(params);
        }

        public double pointsFor(double value) {
            if (from == to) return value >= to ? points : 0;
            double t = (value - from) / (to - from);
            return points * Math.max(0, Math.min(1, t));
        }

        public double number(String key) {
            Object v = params.get(key);
            if (!(v instanceof Number n)) throw new IllegalStateException("rule parameter '" + key + "' is missing");
            return n.doubleValue();
        }

        @SuppressWarnings("unchecked")
        public List<String> strings(String key) {
            Object v = params.get(key);
            return v instanceof List<?> l ? (List<String>) l : List.of();
        }
    }

    /** The built-in rule set. */
    public static RuleSet builtIn() {
        try (InputStream in = RuleSet.class.getResourceAsStream("/screen/rules.yaml")) {
            return parse(in, "built-in rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rule set " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static RuleSet parse(InputStream in, String origin) {
        Map<String, Object> doc;
        try {
            doc = YAMLMapper.builder().build().readValue(in, Map.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("rule set " + origin + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        Object version = doc.get("version");
        if (!(version instanceof String v) || v.isBlank()) throw new IllegalArgumentException("rule set " + origin + ": 'version' is required");
        Map<String, Object> network = (Map<String, Object>) doc.getOrDefault("network", Map.of());
        if (doc.containsKey("corroboration")) {
            throw new IllegalArgumentException("rule set " + origin + ": 'corroboration' was removed in piste-typology-5 (a sender's own "
                    + "indicators always count; the network reinforces them): remove the section");
        }
        Map<String, Object> alert = (Map<String, Object>) doc.getOrDefault("alert", Map.of());
        Map<Indicator, Rule> sender = rules(origin, Side.SENDER, doc.get("sender")),
                recipient = rules(origin, Side.RECIPIENT, doc.get("recipient"));
        RuleSet parsed;
        try {
            parsed = new RuleSet(v, sender, recipient, ((Number) network.getOrDefault("damping", 0.85)).doubleValue(),
                    number(alert, "sender_min_score"), number(alert, "recipient_min_score"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule set " + origin + ": " + e.getMessage(), e);
        }
        // What every screening reads: the session price (sender low_value) and the network on both sides.
        required(origin, Side.SENDER, sender, Indicator.LOW_VALUE);
        required(origin, Side.SENDER, sender, Indicator.NETWORK);
        required(origin, Side.RECIPIENT, recipient, Indicator.NETWORK);
        return parsed;
    }

    private static void required(String origin, Side side, Map<Indicator, Rule> rules, Indicator indicator) {
        if (!rules.containsKey(indicator)) {
            throw new IllegalArgumentException("rule set " + origin + ": '" + section(side) + "." + indicator.key() + "' is "
                    + "required (screening reads it; give it 0 points to count nothing)");
        }
    }

    /** The rule file's section of a side: "sender" or "recipient". */
    private static String section(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    /** A side's rules; a name that is no indicator of that side is refused with the names that are (a typo scores nothing). */
    @SuppressWarnings("unchecked")
    private static Map<Indicator, Rule> rules(String origin, Side side, Object yaml) {
        if (!(yaml instanceof Map<?, ?> map)) throw new IllegalArgumentException("rule set " + origin + ": '" + section(side) + "' is required");
        Map<Indicator, Rule> rules = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((name, body) -> {
            Indicator indicator = Indicator.ofKey(name).filter(i -> i.measures(side)).orElseThrow(() -> new IllegalArgumentException(
                    "rule set " + origin + ": unknown " + section(side) + " indicator '" + name + "' (known: "
                            + String.join(", ", Indicator.of(side).stream().map(Indicator::key).toList()) + ")"));
            Map<String, Object> b = (Map<String, Object>) body;
            Map<String, Object> params = new LinkedHashMap<>(b);
            params.keySet().removeAll(List.of("points", "from", "to", "min_transfers"));
            rules.put(indicator, new Rule(num(b, "points"), num(b, "from"), num(b, "to"),
                    ((Number) b.getOrDefault("min_transfers", 1)).intValue(), params));
        });
        return rules;
    }

    /** An optional alert setting: 0 when absent. */
    private static double number(Map<String, Object> section, String key) {
        Object v = section.getOrDefault(key, 0);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("'alert." + key + "' must be a number");
        return n.doubleValue();
    }

    private static double num(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("rule needs a number for '" + key + "'");
        return n.doubleValue();
    }
}
