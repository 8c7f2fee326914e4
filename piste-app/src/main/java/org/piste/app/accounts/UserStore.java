package org.piste.app.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Transactions;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Piste's local accounts (table app_user). Every change is audited in the same transaction. */
public final class UserStore {
    /** Checked against when a name is unknown, so a sign-in takes as long whether the account exists or not. */
    private static final String UNKNOWN_USER_HASH = Passwords.encoder().encode("no account has this password");
    private final DataSource dataSource;
    private final PasswordEncoder encoder;

    public UserStore(DataSource dataSource, PasswordEncoder encoder) {
        this.dataSource = dataSource;
        this.encoder = encoder;
    }

    /** What a new account needs. */
    public record NewUser(String username, String displayName, Role role, String unit, String contact) {
        public NewUser {
            if (!username.matches("[a-z0-9._-]{2,64}")) {
                throw new Refused("account.username", username);
            }
            if (displayName.isBlank()) throw new Refused("account.displayName");
        }
    }

    /**
     * Creates an account with a password the console operator chose: the first admin of an installation, the demo's
     * accounts and tests. The web and the API never call this (admins create accounts through {@link Activations},
     * whose holders set their own password); ArchitectureTest keeps it so.
     */
    public UserAccount create(NewUser user, CharSequence password, String by) {
        Passwords.checkPolicy(user.username(), user.displayName(), password);
        String hash = encoder.encode(password);
        return inTransaction(c -> insert(c, user, hash, false, by));
    }

    /** Inserts the account and its audit line in the caller's transaction. */
    static UserAccount insert(Connection c, NewUser user, String hash, boolean awaitingActivation, String by)
            throws SQLException {
        if (find(c, user.username()).isPresent()) {
            throw new Refused("account.exists", user.username());
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO app_user (username, display_name, role, unit,"
                + " contact, password_hash, created_by, awaiting_activation) VALUES (?,?,?,?,?,?,?,?)")) {
            s.setString(1, user.username());
            s.setString(2, user.displayName());
            s.setString(3, user.role().name());
            s.setString(4, user.unit());
            s.setString(5, user.contact());
            s.setString(6, hash);
            s.setString(7, by);
            s.setBoolean(8, awaitingActivation);
            s.executeUpdate();
        }
        AuditLog.append(c, new AuditEvent.Entry(by, "user.create", "user:" + user.username(), Optional.empty(),
                "role " + lower(user.role()) + (awaitingActivation ? ", awaiting activation" : "")));
        return find(c, user.username()).orElseThrow();
    }

    /** Whether an enabled admin who has set their password exists (if not, the console creates the first one). */
    public boolean anAdminCanSignIn() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM app_user WHERE role = 'ADMIN' AND enabled AND NOT awaiting_activation");
                    ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Sets a password from the console (the operator owns the installation: recovery, the demo); the account is
     * enabled and activated, and its unused activation links die. The web and the API never call this.
     */
    public void setPassword(String username, CharSequence password, String by) {
        Passwords.checkPolicy(username, find(username).map(UserAccount::displayName).orElse(username), password);
        String hash = encoder.encode(password);
        inTransaction(c -> {
            update(c, "UPDATE app_user SET password_hash = ?, enabled = true, awaiting_activation = false"
                    + " WHERE username = ?", hash, username);
            Activations.dropUnused(c, username);
            AuditLog.append(c, new AuditEvent.Entry(by, "user.password", "user:" + username, Optional.empty(), ""));
            return null;
        });
    }

    /** Enables or disables an account; the last enabled admin cannot be disabled. */
    public UserAccount setEnabled(String username, boolean enabled, String by) {
        return inTransaction(c -> {
            UserAccount before = find(c, username).orElseThrow(() -> new AccountRefusal.NoSuchUser(username));
            if (!enabled && before.role() == Role.ADMIN) keepAnAdmin(c, username);
            update(c, "UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username);
            AuditLog.append(c, new AuditEvent.Entry(by, enabled ? "user.enable" : "user.disable", "user:" + username,
                    Optional.empty(), ""));
            return find(c, username).orElseThrow();
        });
    }

    /** Gives an account another role; the last enabled admin keeps theirs. */
    public UserAccount setRole(String username, Role role, String by) {
        return inTransaction(c -> {
            UserAccount before = find(c, username).orElseThrow(() -> new AccountRefusal.NoSuchUser(username));
            if (role != Role.ADMIN && before.role() == Role.ADMIN && before.enabled()) keepAnAdmin(c, username);
            update(c, "UPDATE app_user SET role = ? WHERE username = ?", role.name(), username);
            AuditLog.append(c, new AuditEvent.Entry(by, "user.role", "user:" + username, Optional.empty(),
                    "role " + lower(before.role()) + " -> " + lower(role)));
            return find(c, username).orElseThrow();
        });
    }

    /**
     * Refuses to let {@code username} stop being an enabled admin when no other is (one awaiting activation cannot
     * sign in, so does not count). The enabled admins' rows are locked, so two admins taken away at the same time
     * cannot both pass. Also for a reset (see Activations#reset), which leaves the account awaiting activation.
     */
    static void keepAnAdmin(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled"
                + " AND NOT awaiting_activation FOR UPDATE"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(1).equals(username)) return;
            }
        }
        throw new AccountRefusal.LastAdmin(username);
    }

    static String lower(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What a signed-in session is checked against on each request: the account's role, whether it is enabled, and
     * a stamp of its password hash (changes with the password). One query on the primary key.
     */
    public record Standing(Role role, boolean enabled, String credentials) {}

    public Optional<Standing> standing(String username) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT role, enabled, password_hash FROM app_user WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Standing(Role.valueOf(rs.getString(1)), rs.getBoolean(2),
                            credentialStamp(rs.getString(3)))) : Optional.<Standing>empty();
                }
            }
        });
    }

    /** A digest of a password hash: tells that the password changed without keeping the hash itself. */
    public static String credentialStamp(String passwordHash) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    public Optional<UserAccount> find(String username) {
        return inTransaction(c -> find(c, username));
    }

    /** The stored hash, for Spring Security's sign-in only. */
    public Optional<String> passwordHash(String username) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * The enabled account whose password this is, for a sign-in outside Spring Security (the console); empty when the
     * account is unknown, disabled or the password wrong, without saying which.
     */
    public Optional<UserAccount> authenticate(String username, CharSequence password) {
        Optional<String> hash = passwordHash(username);
        // An unknown name costs a hash check too, so the time taken does not tell which names exist.
        boolean matches = encoder.matches(password, hash.orElse(UNKNOWN_USER_HASH));
        return matches && hash.isPresent() ? find(username).filter(UserAccount::enabled) : Optional.empty();
    }

    /** Accounts that can sign in (counts only, for the admins' dashboard card). */
    public long enabledCount() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM app_user WHERE enabled");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<UserAccount> list() {
        return inTransaction(c -> {
            List<UserAccount> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY username"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) users.add(read(rs));
            }
            return users;
        });
    }

    private static final String SELECT =
            "SELECT username, display_name, role, unit, contact, enabled, awaiting_activation, created_at, created_by"
                    + " FROM app_user";

    static Optional<UserAccount> find(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static UserAccount read(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9));
    }

    static void update(Connection c, String sql, Object value, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            s.setString(2, username);
            if (s.executeUpdate() == 0) throw new AccountRefusal.NoSuchUser(username);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the user accounts", work);
    }
}
