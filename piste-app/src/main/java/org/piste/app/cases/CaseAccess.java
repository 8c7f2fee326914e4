package org.piste.app.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.piste.app.accounts.Actor;
import org.piste.app.cases.CaseFile.Subject;
import org.piste.app.cases.CaseFile.Summary;

/**
 * For what hangs off a case (the report): the case's need-to-know rule and its timeline, inside the caller's
 * transaction, so that no other package copies the rule. The caller audits what it shows or changes.
 */
public final class CaseAccess {
    private CaseAccess() {}

    /** The case if the actor may see it (its team, prosecutors); anyone else gets {@link CaseRefusal.NotFound}. */
    public static Summary readable(Connection c, Actor a, long id) throws SQLException {
        return CaseService.visible(c, a, id);
    }

    /** The case's subjects with their current entity, by kind then as added. No access check: call readable first. */
    public static List<Subject> subjects(Connection c, long id) throws SQLException {
        return CaseStore.subjects(c, id);
    }

    /** An entry on the case's timeline (seen by the case's readers). */
    public static void onTimeline(Connection c, long id, String username, String kind, String detail)
            throws SQLException {
        CaseStore.event(c, id, username, kind, detail);
    }
}
