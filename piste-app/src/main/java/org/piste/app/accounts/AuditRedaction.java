package org.piste.app.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail as admins see it (issue 16: admins see no personal data). Who, when, the action, the case and the
 * object's type are shown. A detail is shown only for actions on accounts (roles, activation) and sign-ins (channel,
 * address, reason, counts), whose details are Piste's own words; any other detail may hold a searched name, a note or
 * a filter and is withheld. A sign-in's object is the name as typed (a password typed in the wrong field, at
 * times): only its type is shown. An object's id is shown when the action is one Piste names objects by id for
 * (entity:123:S, case:7...) and the id looks like one; otherwise only its type. Anything naming an activation link
 * ({@code /activate/}) is withheld: its token is a password until used. An action not listed here is withheld both
 * ways: deny by default. The console's owner ({@code piste audit list}) and each case's own timeline keep everything.
 */
public final class AuditRedaction {
    public static final String WITHHELD = "[redacted]";

    /** Actions on accounts: their objects are users or paths, their details fixed sentences. */
    private static final Set<String> ACCOUNT_ACTIONS = Set.of("user.create", "user.password", "user.enable",
            "user.disable", "user.role", "user.reset", "user.activate", "activation.issue", "activation.refused",
            "session.end", "access.refused");

    /** Sign-ins: their details are fixed sentences; their objects are names as typed (type only). */
    private static final Set<String> SIGNIN_ACTIONS = Set.of("signin.ok", "signin.failed", "signin.throttled",
            "signin.unlock");

    private static final String ACTIVATION_LINK = "/activate/";

    /** Families of actions on personal data whose objects are ids (details withheld). */
    private static final List<String> ID_FAMILIES = List.of("audit.", "alert.", "alerts.", "entity.", "network.",
            "referral.", "referrals.", "import.", "quarantine.", "transfers.", "screening.", "case.");

    /** What an id may look like: no spaces, no letters beyond ASCII, bounded. */
    private static final String ID = "[A-Za-z0-9._:,/-]{0,120}";

    private AuditRedaction() {}

    /** One event as an admin is shown it; {@code redacted} says something was withheld. */
    public record Line(long seq, Instant at, String username, String action, String object, Optional<Long> caseId,
            String detail, boolean redacted) {
        /** Whether the detail was withheld (a page says so in its language). */
        public boolean detailWithheld() {
            return WITHHELD.equals(detail);
        }
    }

    /**
     * The events of a search, as admins see them. An event whose object was cut to its type is left out when the
     * search filtered on more of the object than the type: else guessing prefixes would read the withheld part.
     */
    public static List<Line> forAdmins(List<AuditEvent> events, AuditLog.Query query) {
        return events.stream().map(AuditRedaction::forAdmins).filter(line -> !line.object().endsWith(WITHHELD)
                || query.object().length() <= line.object().length() - WITHHELD.length()).toList();
    }

    /** A page of the trail as admins see it, and where the next page starts when this one is full. */
    public record Page(List<Line> lines, Optional<Long> next) {}

    /**
     * Up to the query's limit of lines an admin is shown, newest first (the search is audited once). Events left out
     * (see {@link #forAdmins(List, AuditLog.Query)}) are read past, so neither the page's length nor its "next" tells
     * that any matched: a full page of lines has a next page, whatever was withheld.
     */
    public static Page forAdmins(AuditLog log, Actor actor, AuditLog.Query query) {
        List<Line> shown = new ArrayList<>();
        List<AuditEvent> batch = log.search(actor, query);
        while (true) {
            for (Line line : forAdmins(batch, query)) {
                if (shown.size() < query.limit()) shown.add(line);
            }
            if (shown.size() >= query.limit() || batch.size() < query.limit()) break;
            batch = log.search(new AuditLog.Query(query.username(), query.action(), query.object(), query.caseId(),
                    batch.getLast().seq(), query.limit()));
        }
        return new Page(List.copyOf(shown),
                shown.size() == query.limit() ? Optional.of(shown.getLast().seq()) : Optional.empty());
    }

    public static Line forAdmins(AuditEvent e) {
        boolean account = ACCOUNT_ACTIONS.contains(e.action());
        boolean signin = SIGNIN_ACTIONS.contains(e.action());
        boolean ids = account || ID_FAMILIES.stream().anyMatch(e.action()::startsWith);
        String object = ids && e.object().matches(ID) && !e.object().contains(ACTIVATION_LINK) ? e.object()
                : typeOf(e.object());
        String detail = (account || signin) && !e.detail().contains(ACTIVATION_LINK) || e.detail().isEmpty()
                ? e.detail() : WITHHELD;
        return new Line(e.seq(), e.at(), e.username(), e.action(), object, e.caseId(), detail,
                !object.equals(e.object()) || !detail.equals(e.detail()));
    }

    /** "entity:" of "entity:123:S", with the rest withheld; an object without a type is withheld whole. */
    private static String typeOf(String object) {
        int colon = object.indexOf(':');
        String type = colon > 0 ? object.substring(0, colon + 1) : "";
        return type.matches("[a-z-]{1,40}:") ? type + WITHHELD : WITHHELD;
    }
}
