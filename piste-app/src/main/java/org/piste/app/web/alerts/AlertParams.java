package org.piste.app.web.alerts;

import java.util.Locale;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.piste.app.alerts.Alerts;
import org.piste.app.web.NotFound;
import org.piste.model.Side;

/** Request parameters of the alerts pages and API, read the same way by both (bad values: 400 with a sentence). */
final class AlertParams {
    private AlertParams() {}

    static Side side(String s) {
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "SENDER", "SENDERS" -> Side.SENDER;
            case "RECIPIENT", "RECIPIENTS" -> Side.RECIPIENT;
            default -> throw new IllegalArgumentException("side must be SENDER or RECIPIENT, was '" + s + "'");
        };
    }

    /** What the status parameter shows, the default first (the request without one: open alerts only). */
    enum Shown {
        OPEN(EnumSet.of(Alerts.Status.OPEN)),
        DECIDED(EnumSet.of(Alerts.Status.CONFIRMED, Alerts.Status.DISMISSED)),
        CONFIRMED(EnumSet.of(Alerts.Status.CONFIRMED)),
        DISMISSED(EnumSet.of(Alerts.Status.DISMISSED)),
        NONE(EnumSet.of(Alerts.Status.NONE)),
        ALL(EnumSet.noneOf(Alerts.Status.class));

        final Set<Alerts.Status> statuses;

        Shown(Set<Alerts.Status> statuses) {
            this.statuses = statuses;
        }

        /** The parameter's value in links and forms. */
        String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The choice these statuses are (every filter this class builds comes from one). */
        static Shown of(Set<Alerts.Status> statuses) {
            for (Shown s : values()) if (s.statuses.equals(statuses)) return s;
            return ALL;
        }
    }

    /** open (also when empty), decided, confirmed, dismissed, none or all. */
    static Shown shown(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty()) return Shown.OPEN;
        try {
            return Shown.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be open, decided, confirmed, dismissed, none or all, was '" + s + "'");
        }
    }

    static Alerts.Filter filter(String side, Double minScore, String indicator, String status, String q, int page, int size) {
        return new Alerts.Filter(side(side), Optional.ofNullable(minScore), Optional.ofNullable(indicator),
                shown(status).statuses, Optional.ofNullable(q), page, size);
    }

    /** The filter as the parameters of /alerts (page left out: a saved filter starts at page 1). */
    static String query(Alerts.Filter f) {
        StringBuilder b = new StringBuilder("side=").append(f.side().name());
        f.minScore().ifPresent(m -> b.append("&minScore=").append(m));
        f.indicator().ifPresent(i -> b.append("&indicator=").append(URLEncoder.encode(i, StandardCharsets.UTF_8)));
        b.append("&status=").append(Shown.of(f.statuses()).param());
        f.name().ifPresent(n -> b.append("&q=").append(URLEncoder.encode(n, StandardCharsets.UTF_8)));
        return b.append("&size=").append(f.size()).toString();
    }

    static NotFound nothingScreened() {
        return new NotFound("nothing has been screened yet (import transfers first)");
    }

    static NotFound notRanked(Side side, String entityId) {
        return new NotFound("the latest screening run did not rank '" + entityId + "' as a " + side.name().toLowerCase(Locale.ROOT));
    }
}
