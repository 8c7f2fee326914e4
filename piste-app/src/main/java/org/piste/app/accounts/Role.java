package org.piste.app.accounts;

import java.util.Locale;

/** What a user may do in Piste (see docs/web.md for the table of pages and calls each role reaches). */
public enum Role {
    /** FIU or police analyst: imports, alerts, entities, networks, referrals, decisions, cases of their teams. */
    ANALYST,
    /** Investigator of the national police unit: as an analyst, and leads cases. */
    INVESTIGATOR,
    /** Prosecutor with national competence: reads every case and the evidence behind it; takes no analyst decision. */
    PROSECUTOR,
    /** Administrator: accounts and the audit trail; no access to personal data. */
    ADMIN;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (analyst, investigator, prosecutor or admin)");
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
