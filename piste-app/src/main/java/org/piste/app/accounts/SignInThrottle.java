package org.piste.app.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.piste.app.store.Transactions;
import org.piste.normal.Text;

/**
 * Slows password guessing down, then stops it for a while. Failed sign-ins are counted per account name (as typed:
 * names that are no account are counted the same, so the answers never tell which exist) and per client address
 * (IPv6 by its /64, which one machine gets whole). After {@value #FREE_FAILURES} failures of either, each failure
 * makes the next attempt wait twice as long (1 s, 2 s, 4 s... at most a minute); {@value #LOCKOUT_FAILURES} failures
 * within a quarter of an hour lock it out for a quarter of an hour. A held attempt is refused without its password
 * being checked. An account's own counter does not hold back the address it last signed in from, so an attacker
 * elsewhere cannot keep its owner out; lockouts lift on their own, or at an admin's {@link #lift}.
 *
 * <p>The counters are in the database (they survive a restart). Attempts on the same name or address are judged one
 * at a time within this process, so a burst of parallel guesses cannot all pass before the first failure is counted.
 */
public final class SignInThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);
    public static final int LOCKOUT_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Counters of strangers are forgotten a day after their last failure. */
    private static final Duration FORGET = Duration.ofDays(1);
    /** Held answers are audited at most once a minute per name and address: a flood of them would flood the trail. */
    private static final Duration NOTE_HELD_EVERY = Duration.ofMinutes(1);
    private static final int KEY_MAX = 100;
    private static final String ANONYMOUS = "anonymous";

    private final DataSource dataSource;
    private final Clock clock;
    private final ReentrantLock[] nameLocks = stripes();
    private final ReentrantLock[] addressLocks = stripes();
    private final Map<String, Instant> heldNoted = new ConcurrentHashMap<>();

    public SignInThrottle(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * How the attempt came: the sign-in form, HTTP Basic on the API, the organisation's OIDC provider, or the console
     * ({@code --as}; its "address" is the OS account).
     */
    public enum Channel {
        FORM, API, OIDC, CONSOLE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One sign-in attempt: the name as typed, the client's address (the request's remote address), and how. */
    public record Attempt(String typedName, String address, Channel channel) {
        String nameKey() {
            String k = typedName.strip().toLowerCase(Locale.ROOT);
            return k.length() > KEY_MAX ? k.substring(0, KEY_MAX) : k;
        }

        String addressKey() {
            return SignInThrottle.addressKey(address);
        }

        String object() {
            return "user:" + Text.capped(typedName);
        }

        String from() {
            return channel.label() + " from " + address;
        }
    }

    private static final java.util.regex.Pattern IPV6_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** An address as counted: IPv4 whole, IPv6 by its /64 prefix. */
    static String addressKey(String address) {
        // Only an IPv6 literal is parsed: anything else ("os-account:NAME" at the console) would be looked up by DNS.
        if (!IPV6_LITERAL.matcher(address).matches()) {
            return address.length() > KEY_MAX ? address.substring(0, KEY_MAX) : address;
        }
        try {
            byte[] b = InetAddress.getByName(address).getAddress(); // a literal: no name is looked up
            if (b.length != 16) return InetAddress.getByAddress(b).getHostAddress();
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(b, 8), 16);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException | SecurityException e) {
            return address.length() > KEY_MAX ? address.substring(0, KEY_MAX) : address;
        }
    }

    /** The wait after this many failures in a row: none up to the free ones, then doubling up to the maximum. */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) return Duration.ZERO;
        int doublings = failures - FREE_FAILURES;
        return doublings >= 20 ? MAX_DELAY : min(FIRST_DELAY.multipliedBy(1L << doublings), MAX_DELAY);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A counter as stored. */
    record Counter(int failures, Instant lastFailure, Optional<Instant> lockedUntil, Optional<String> trustedAddress) {
        static final Counter NONE = new Counter(0, Instant.EPOCH, Optional.empty(), Optional.empty());

        /** Until when an attempt is held: the lockout, or the last failure plus the backoff. */
        Instant heldUntil() {
            Instant backoff = lastFailure.plus(delayAfter(failures));
            return lockedUntil.filter(backoff::isBefore).orElse(backoff);
        }
    }

    /**
     * Starts judging an attempt: takes its name's and its address's turn (the next attempt on either waits until this
     * one is closed) and reads their counters. Use in try-with-resources.
     */
    public Turn begin(Attempt attempt) {
        ReentrantLock name = nameLocks[Math.floorMod(attempt.nameKey().hashCode(), nameLocks.length)];
        ReentrantLock address = addressLocks[Math.floorMod(attempt.addressKey().hashCode(), addressLocks.length)];
        boolean named = tryLock(name);
        boolean placed = named && tryLock(address);
        if (!placed) {
            if (named) name.unlock();
            return new Turn(attempt, null, null, Counter.NONE, Counter.NONE, true);
        }
        try {
            Counter[] counters = read(attempt);
            return new Turn(attempt, name, address, counters[0], counters[1], false);
        } catch (RuntimeException e) {
            address.unlock();
            name.unlock();
            throw e;
        }
    }

    private static boolean tryLock(ReentrantLock lock) {
        try {
            return lock.tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One attempt being judged; closing it lets the next attempt on the same name or address go. */
    public final class Turn implements AutoCloseable {
        private final Attempt attempt;
        private final ReentrantLock name;
        private final ReentrantLock address;
        private final Counter nameCounter;
        private final Counter addressCounter;
        private final boolean busy;

        private Turn(Attempt attempt, ReentrantLock name, ReentrantLock address, Counter nameCounter,
                Counter addressCounter, boolean busy) {
            this.attempt = attempt;
            this.name = name;
            this.address = address;
            this.nameCounter = nameCounter;
            this.addressCounter = addressCounter;
            this.busy = busy;
        }

        /** How long the attempt must wait, or empty when its password may be checked. A held attempt is audited. */
        public Optional<Duration> held() {
            Instant now = clock.instant();
            Instant until = busy ? now.plusSeconds(1) : addressCounter.heldUntil();
            boolean trusted = nameCounter.trustedAddress().filter(attempt.addressKey()::equals).isPresent();
            if (!trusted && nameCounter.heldUntil().isAfter(until)) until = nameCounter.heldUntil();
            if (!until.isAfter(now)) return Optional.empty();
            Duration wait = Duration.between(now, until);
            noteHeld(attempt, now, wait);
            return Optional.of(wait);
        }

        /** Counts a failure on the name and the address, and audits it, in one transaction. */
        public void failed(String reason) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            inTransaction(c -> {
                Counter n = countFailure(c, "account", attempt.nameKey(), now);
                Counter a = countFailure(c, "address", attempt.addressKey(), now);
                forgetStrangers(c, now);
                String locked = n.lockedUntil().filter(now::isBefore).isPresent() ? "; the name is locked out" : "";
                locked += a.lockedUntil().filter(now::isBefore).isPresent() ? "; the address is locked out" : "";
                AuditLog.append(c, new AuditEvent.Entry(ANONYMOUS, "signin.failed", attempt.object(), Optional.empty(),
                        attempt.from() + ": " + reason + " (failure " + n.failures() + " of this name, " + a.failures()
                                + " of this address" + locked + ")"));
                return null;
            });
        }

        /**
         * The password was right: the account's failures are forgotten (a lockout in force stays) and this address
         * becomes the one its lockout does not hold back; audited when {@code audit} (the API's every call is not).
         * Nothing is written when nothing changes.
         */
        public void succeeded(String username, boolean audit) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            boolean changes = nameCounter.failures() > 0
                    || !nameCounter.trustedAddress().equals(Optional.of(attempt.addressKey()));
            if (!changes && !audit) return;
            inTransaction(c -> {
                if (changes) trust(c, attempt.nameKey(), attempt.addressKey(), now);
                if (audit) {
                    AuditLog.append(c, new AuditEvent.Entry(username, "signin.ok", "user:" + username, Optional.empty(),
                            attempt.from()));
                }
                return null;
            });
        }

        @Override
        public void close() {
            if (address != null) address.unlock();
            if (name != null) name.unlock();
        }
    }

    /** An OIDC sign-in (the provider checked the password): audited, not counted. */
    public void oidc(Attempt attempt, Optional<String> refusal) {
        String from = attempt.from();
        if (refusal.isPresent()) {
            append(new AuditEvent.Entry(ANONYMOUS, "signin.failed", attempt.object(), Optional.empty(),
                    from + ": " + refusal.get()));
        } else {
            append(new AuditEvent.Entry(attempt.typedName(), "signin.ok", "user:" + attempt.typedName(), Optional.empty(), from));
        }
    }

    /**
     * Lifts the lockout and forgets the failures of an account name, or of an address when {@code address}; audited.
     * Returns whether there was anything to lift.
     */
    public boolean lift(String nameOrAddress, boolean address, String by) {
        String kind = address ? "address" : "account";
        String key = address ? addressKey(nameOrAddress) : new Attempt(nameOrAddress, "", Channel.FORM).nameKey();
        return inTransaction(c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement("UPDATE sign_in_failure SET failures = 0, locked_until = NULL"
                    + " WHERE kind = ? AND key = ? AND (failures > 0 OR locked_until IS NOT NULL)")) {
                s.setString(1, kind);
                s.setString(2, key);
                changed = s.executeUpdate();
            }
            if (changed > 0) {
                AuditLog.append(c, new AuditEvent.Entry(by, "signin.unlock", (address ? "address:" : "user:") + key,
                        Optional.empty(), "sign-in failures and lockout lifted"));
            }
            return changed > 0;
        });
    }

    private void noteHeld(Attempt attempt, Instant now, Duration wait) {
        String key = attempt.nameKey() + "\n" + attempt.addressKey();
        Instant last = heldNoted.get(key);
        if (last != null && last.plus(NOTE_HELD_EVERY).isAfter(now)) return;
        if (heldNoted.size() > 10_000) heldNoted.values().removeIf(at -> at.plus(NOTE_HELD_EVERY).isBefore(now));
        heldNoted.put(key, now);
        append(new AuditEvent.Entry(ANONYMOUS, "signin.throttled", attempt.object(), Optional.empty(),
                attempt.from() + ": held for " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s, password not checked"));
    }

    private Counter[] read(Attempt attempt) {
        return inTransaction(c -> {
            Counter[] counters = {Counter.NONE, Counter.NONE};
            try (PreparedStatement s = c.prepareStatement("SELECT kind, failures, last_failure, locked_until,"
                    + " trusted_address FROM sign_in_failure WHERE (kind = 'account' AND key = ?) OR (kind = 'address' AND key = ?)")) {
                s.setString(1, attempt.nameKey());
                s.setString(2, attempt.addressKey());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) counters[rs.getString(1).equals("account") ? 0 : 1] = counter(rs, 2);
                }
            }
            return counters;
        });
    }

    private static Counter counter(ResultSet rs, int from) throws SQLException {
        Timestamp locked = rs.getTimestamp(from + 2);
        return new Counter(rs.getInt(from), rs.getTimestamp(from + 1).toInstant(),
                Optional.ofNullable(locked).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(from + 3)));
    }

    /**
     * One more failure: a failure more than a window after the window's first starts a new count; reaching the
     * lockout count within the window locks out.
     */
    private static Counter countFailure(Connection c, String kind, String key, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpen = Timestamp.from(now.minus(WINDOW));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sign_in_failure AS f (kind, key, failures,"
                + " window_start, last_failure) VALUES (?, ?, 1, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET"
                + " failures = CASE WHEN f.window_start < ? THEN 1 ELSE f.failures + 1 END,"
                + " window_start = CASE WHEN f.window_start < ? THEN EXCLUDED.window_start ELSE f.window_start END,"
                + " last_failure = EXCLUDED.last_failure,"
                + " locked_until = CASE WHEN f.window_start >= ? AND f.failures + 1 >= ? THEN ?"
                + "   WHEN f.locked_until <= EXCLUDED.last_failure THEN NULL ELSE f.locked_until END"
                + " RETURNING failures, last_failure, locked_until, trusted_address")) {
            s.setString(1, kind);
            s.setString(2, key);
            s.setTimestamp(3, at);
            s.setTimestamp(4, at);
            s.setTimestamp(5, windowOpen);
            s.setTimestamp(6, windowOpen);
            s.setTimestamp(7, windowOpen);
            s.setInt(8, LOCKOUT_FAILURES);
            s.setTimestamp(9, Timestamp.from(now.plus(LOCKOUT)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return counter(rs, 1);
            }
        }
    }

    private static void trust(Connection c, String key, String address, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sign_in_failure AS f (kind, key, failures,"
                + " window_start, last_failure, trusted_address) VALUES ('account', ?, 0, ?, ?, ?)"
                + " ON CONFLICT (kind, key) DO UPDATE SET failures = 0, window_start = EXCLUDED.window_start,"
                + " trusted_address = EXCLUDED.trusted_address")) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, address);
            s.executeUpdate();
        }
    }

    private static void forgetStrangers(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sign_in_failure WHERE last_failure < ?"
                + " AND trusted_address IS NULL AND (locked_until IS NULL OR locked_until < ?)")) {
            s.setTimestamp(1, Timestamp.from(now.minus(FORGET)));
            s.setTimestamp(2, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private void append(AuditEvent.Entry entry) {
        inTransaction(c -> AuditLog.append(c, entry));
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "record the sign-in", work);
    }

    private static ReentrantLock[] stripes() {
        ReentrantLock[] locks = new ReentrantLock[64];
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
        return locks;
    }
}
