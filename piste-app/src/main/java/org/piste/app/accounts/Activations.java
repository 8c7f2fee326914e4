package org.piste.app.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.store.Transactions;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts whose holder sets their own password (issue 16: an admin never knows it). An admin's new account, or an
 * admin's reset, stores the hash of a random password nobody is told and yields a one-time link: a 256-bit random
 * token of which only the SHA-256 is kept, valid {@link #VALIDITY}, used once. Until its holder opens it and sets a
 * password, the account cannot sign in with a password. Every step is audited, never with the token.
 */
public final class Activations {
    public static final Duration VALIDITY = Duration.ofHours(72);
    /** Where the holder's browser reaches Piste unless piste.public-url (or PISTE_PUBLIC_URL) says otherwise. */
    public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";
    /** Who presents a link: nobody is signed in. */
    static final String ANONYMOUS = "anonymous";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public Activations(DataSource dataSource, PasswordEncoder encoder, Clock clock) {
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A link just issued: the token is shown once, to the admin who hands it over, and never stored. */
    public record Link(String username, String token, Instant expiresAt) {
        /** The page the holder opens, under the server's public address (e.g. https://piste.example). */
        public String url(String publicUrl) {
            return publicUrl.replaceAll("/+$", "") + "/activate/" + token;
        }

        @Override
        public String toString() {
            return "Link[" + username + ", expires " + expiresAt + "]";
        }
    }

    /** A new account and the link its holder activates it with. */
    public record Invited(UserAccount account, Link link) {}

    /** Creates an account awaiting activation (any role: each reaches personal data or the accounts). */
    public Invited invite(UserStore.NewUser user, String by) {
        String unknown = unknownPasswordHash();
        return inTransaction(c -> {
            UserAccount account = UserStore.insert(c, user, unknown, true, by);
            return new Invited(account, issue(c, user.username(), by));
        });
    }

    /**
     * An admin's password reset: the current password stops working at once (its sessions end, see AccountCheck)
     * and a new link is issued; earlier unused links die. The last admin who can sign in is not reset (as they are
     * not disabled): until the link is used, nobody could manage the accounts.
     */
    public Link reset(String username, String by) {
        String unknown = unknownPasswordHash();
        return inTransaction(c -> {
            UserAccount before = UserStore.find(c, username).orElseThrow(() -> new AccountRefusal.NoSuchUser(username));
            if (before.role() == Role.ADMIN && before.enabled() && !before.awaitingActivation()) {
                UserStore.keepAnAdmin(c, username);
            }
            UserStore.update(c, "UPDATE app_user SET password_hash = ?, awaiting_activation = true WHERE username = ?",
                    unknown, username);
            AuditLog.append(c, new AuditEvent.Entry(by, "user.reset", "user:" + username, Optional.empty(),
                    "password withdrawn, awaiting activation"));
            return issue(c, username, by);
        });
    }

    /**
     * The account a link activates, if it is valid (known, unused, not expired). Presenting a used or expired link
     * is audited against its account; an unknown token tells nothing and is not recorded.
     */
    public Optional<String> holder(String token) {
        return inTransaction(c -> valid(c, token, false));
    }

    /**
     * Sets the holder's password (the password policy applies) and activates the account; the link is used up. An
     * invalid link is {@link InvalidLink}, whatever the reason, so the answer tells nothing about accounts.
     */
    public String activate(String token, CharSequence password) {
        String holder = holder(token).orElseThrow(InvalidLink::new);
        String displayName = inTransaction(c -> UserStore.find(c, holder).map(UserAccount::displayName).orElse(holder));
        Passwords.checkPolicy(holder, displayName, password);
        String hash = encoder.encode(password);
        return inTransaction(c -> {
            String username = valid(c, token, true).orElseThrow(InvalidLink::new); // used meanwhile: lost the race
            UserStore.update(c, "UPDATE app_user SET password_hash = ?, awaiting_activation = false WHERE username = ?",
                    hash, username);
            try (PreparedStatement s = c.prepareStatement("UPDATE activation_link SET used_at = ? WHERE token_sha256 = ?")) {
                s.setTimestamp(1, Timestamp.from(now()));
                s.setString(2, sha256(token));
                s.executeUpdate();
            }
            dropUnused(c, username);
            AuditLog.append(c, new AuditEvent.Entry(username, "user.activate", "user:" + username, Optional.empty(),
                    "password set by its holder through the activation link"));
            return username;
        });
    }

    /** A link that is unknown, used or expired: one answer for all. */
    public static final class InvalidLink extends IllegalArgumentException {
        InvalidLink() {
            super("this activation link is not valid");
        }
    }

    /** Unused links of an account die when another is issued or a password is set some other way. */
    static void dropUnused(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM activation_link WHERE used_at IS NULL AND username = ?")) {
            s.setString(1, username);
            s.executeUpdate();
        }
    }

    private Link issue(Connection c, String username, String by) throws SQLException {
        dropUnused(c, username);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant issued = now();
        Instant expires = issued.plus(VALIDITY);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO activation_link (token_sha256, username, issued_at,"
                + " expires_at, issued_by) VALUES (?,?,?,?,?)")) {
            s.setString(1, sha256(token));
            s.setString(2, username);
            s.setTimestamp(3, Timestamp.from(issued));
            s.setTimestamp(4, Timestamp.from(expires));
            s.setString(5, by);
            s.executeUpdate();
        }
        AuditLog.append(c, new AuditEvent.Entry(by, "activation.issue", "user:" + username, Optional.empty(),
                "link valid until " + expires));
        return new Link(username, token, expires);
    }

    /** The account of a valid link (locked with {@code forUpdate}, so two uses cannot both pass). */
    private Optional<String> valid(Connection c, String token, boolean forUpdate) throws SQLException {
        if (!token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        try (PreparedStatement s = c.prepareStatement("SELECT username, expires_at, used_at FROM activation_link"
                + " WHERE token_sha256 = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, sha256(token));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String username = rs.getString(1);
                Optional<String> refused = rs.getTimestamp(3) != null ? Optional.of("link already used")
                        : !rs.getTimestamp(2).toInstant().isAfter(now()) ? Optional.of("link expired") : Optional.empty();
                if (refused.isEmpty()) return Optional.of(username);
                AuditLog.append(c, new AuditEvent.Entry(ANONYMOUS, "activation.refused", "user:" + username,
                        Optional.empty(), refused.get()));
                return Optional.empty();
            }
        }
    }

    /** The hash of a random password that is never shown: the column stays a hash nobody can sign in with. */
    private String unknownPasswordHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return encoder.encode(Base64.getEncoder().encodeToString(bytes));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "reach the activation links", work);
    }
}
