package org.piste.app.web.alerts;

import java.util.Locale;
import java.util.Optional;
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

    /** open, confirmed, dismissed or none; empty or "all" for every status. */
    static Optional<Alerts.Status> status(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("ALL")) return Optional.empty();
        try {
            return Optional.of(Alerts.Status.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be open, confirmed, dismissed, none or all, was '" + s + "'");
        }
    }

    static Alerts.Filter filter(String side, Double minScore, String indicator, String status, String q, int page) {
        return new Alerts.Filter(side(side), Optional.ofNullable(minScore), Optional.ofNullable(indicator),
                status(status), Optional.ofNullable(q), page);
    }

    static NotFound nothingScreened() {
        return new NotFound("nothing has been screened yet (import transfers first)");
    }

    static NotFound notRanked(Side side, String entityId) {
        return new NotFound("the latest screening run did not rank '" + entityId + "' as a " + side.name().toLowerCase(Locale.ROOT));
    }
}
