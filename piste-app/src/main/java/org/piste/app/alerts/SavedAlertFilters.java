package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.store.Transactions;

/**
 * Each user's named filters of the alerts list: their own setting, listed to them only. Saving and deleting one is
 * audited as a change of the user's settings (object {@code user:NAME}) in the same transaction; listing them reads
 * no one's personal data, so it is not.
 */
public final class SavedAlertFilters {
    /** The longest name of a saved filter. */
    public static final int NAME_MAX = 80;
    /** The most filters one user keeps. */
    public static final int PER_USER = 50;
    private final DataSource dataSource;

    public SavedAlertFilters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A saved filter: {@code query} is the query string of /alerts it stands for. */
    public record Saved(long id, String name, String query) {}

    /** The user's filters by name. */
    public List<Saved> of(String username) {
        return Transactions.inSnapshot(dataSource, "read the saved filters", c -> {
            List<Saved> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, query FROM saved_alert_filter WHERE username = ? ORDER BY lower(name), id")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Saved(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Saves the filter under the name for the actor, replacing their filter of that name. */
    public Saved save(Actor actor, String name, String query) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new IllegalArgumentException("a saved filter needs a name");
        if (n.length() > NAME_MAX) throw new IllegalArgumentException("a filter's name is at most " + NAME_MAX + " characters");
        return Transactions.inTransaction(dataSource, "save the filter", c -> {
            if (count(c, actor.username(), n) >= PER_USER) {
                throw new IllegalArgumentException("at most " + PER_USER + " saved filters per user: delete one first");
            }
            Saved saved;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_alert_filter (username, name, query) "
                    + "VALUES (?, ?, ?) ON CONFLICT (username, name) DO UPDATE SET query = EXCLUDED.query RETURNING id")) {
                ps.setString(1, actor.username());
                ps.setString(2, n);
                ps.setString(3, query);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    saved = new Saved(rs.getLong(1), n, query);
                }
            }
            AuditLog.append(c, AuditEvent.Entry.by(actor, "settings.alertFilter.save", "user:" + actor.username(),
                    "filter " + saved.id() + " '" + n + "': " + query));
            return saved;
        });
    }

    /** Deletes one of the actor's own filters; false when they have none of that id (another's is not theirs). */
    public boolean delete(Actor actor, long id) {
        return Transactions.inTransaction(dataSource, "delete the filter", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM saved_alert_filter WHERE id = ? AND username = ? RETURNING name")) {
                ps.setLong(1, id);
                ps.setString(2, actor.username());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return false;
                    AuditLog.append(c, AuditEvent.Entry.by(actor, "settings.alertFilter.delete", "user:" + actor.username(),
                            "filter " + id + " '" + rs.getString(1) + "'"));
                    return true;
                }
            }
        });
    }

    /** The user's filters other than the one of this name (which a save replaces). */
    private static long count(Connection c, String username, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM saved_alert_filter WHERE username = ? AND name <> ?")) {
            ps.setString(1, username);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
