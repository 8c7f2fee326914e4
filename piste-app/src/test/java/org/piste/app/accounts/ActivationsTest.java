package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 16 (admin): an account an admin creates or resets has no password the admin knows; its holder sets one
 * through a one-time link that is stored only as a hash, used once, and dies after 72 hours (clock injected).
 */
class ActivationsTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final PasswordEncoder ENCODER = Passwords.encoder();
    static Database db;
    static UserStore users;

    @BeforeAll
    static void open() {
        db = TestDatabases.fresh();
        users = new UserStore(db.dataSource(), ENCODER);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Activations at(Instant now) {
        return new Activations(db.dataSource(), ENCODER, Clock.fixed(now, ZoneOffset.UTC));
    }

    static UserStore.NewUser prosecutor(String username) {
        return new UserStore.NewUser(username, "Test " + username, Role.PROSECUTOR, "Parquet", "");
    }

    private static boolean passwordWorks(String username, String password) {
        return ENCODER.matches(password, users.passwordHash(username).orElseThrow());
    }

    @Test
    void theHolderSetsTheirPasswordOnceAndTheAccountCanThenSignIn() {
        var invited = at(T0).invite(prosecutor("holder.one"), "admin");
        assertThat(invited.account().awaitingActivation()).isTrue();
        assertThat(invited.account().canSignInWithPassword()).isFalse();
        assertThat(invited.link().token()).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes
        assertThat(invited.link().expiresAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(invited.link().url("https://piste.example/")).isEqualTo("https://piste.example/activate/"
                + invited.link().token());

        String token = invited.link().token();
        assertThat(at(T0.plusSeconds(60)).holder(token)).hasValue("holder.one");
        assertThat(at(T0.plusSeconds(60)).activate(token, "chosen-by-the-holder-1")).isEqualTo("holder.one");

        UserAccount account = users.find("holder.one").orElseThrow();
        assertThat(account.awaitingActivation()).isFalse();
        assertThat(account.canSignInWithPassword()).isTrue();
        assertThat(passwordWorks("holder.one", "chosen-by-the-holder-1")).isTrue();

        // Used once: a second use is refused and changes nothing.
        assertThat(at(T0.plusSeconds(120)).holder(token)).isEmpty();
        assertThatThrownBy(() -> at(T0.plusSeconds(120)).activate(token, "another-password-2"))
                .isInstanceOf(Activations.InvalidLink.class);
        assertThat(passwordWorks("holder.one", "chosen-by-the-holder-1")).isTrue();
        assertThat(audit("anonymous", "activation.refused")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("user:holder.one");
            assertThat(e.detail()).isEqualTo("link already used");
        });
    }

    @Test
    void aLinkDiesAfterSeventyTwoHours() {
        String token = at(T0).invite(prosecutor("holder.late"), "admin").link().token();
        Instant lastSecond = T0.plus(Duration.ofHours(72)).minusSeconds(1);
        assertThat(at(lastSecond).holder(token)).hasValue("holder.late");
        Instant expiry = T0.plus(Duration.ofHours(72));
        assertThat(at(expiry).holder(token)).isEmpty();
        assertThatThrownBy(() -> at(expiry.plusSeconds(3600)).activate(token, "chosen-by-the-holder-1"))
                .isInstanceOf(Activations.InvalidLink.class);
        assertThat(users.find("holder.late").orElseThrow().canSignInWithPassword()).isFalse();
        assertThat(audit("anonymous", "activation.refused")).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo("user:holder.late");
            assertThat(e.detail()).isEqualTo("link expired");
        });
    }

    @Test
    void unknownOrMalformedTokensAreRefusedAlike() {
        assertThat(at(T0).holder("A".repeat(43))).isEmpty();
        assertThat(at(T0).holder("../../admin")).isEmpty();
        assertThat(at(T0).holder("")).isEmpty();
        assertThatThrownBy(() -> at(T0).activate("B".repeat(43), "chosen-by-the-holder-1"))
                .isInstanceOf(Activations.InvalidLink.class).hasMessage("this activation link is not valid");
    }

    @Test
    void theHoldersPasswordFollowsThePolicyAndAWeakOneLeavesTheLinkUsable() {
        String token = at(T0).invite(prosecutor("holder.weak"), "admin").link().token();
        assertThatThrownBy(() -> at(T0).activate(token, "short")).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> at(T0).activate(token, "xx-holder.weak-xx")).hasMessageContaining("username");
        assertThat(at(T0).holder(token)).hasValue("holder.weak");
        at(T0).activate(token, "chosen-by-the-holder-1");
        assertThat(passwordWorks("holder.weak", "chosen-by-the-holder-1")).isTrue();
    }

    @Test
    void aResetWithdrawsThePasswordAndOnlyTheNewestLinkWorks() {
        String first = at(T0).invite(prosecutor("holder.reset"), "admin").link().token();
        String second = at(T0).reset("holder.reset", "admin").token(); // link lost before use: the first one dies
        assertThat(at(T0).holder(first)).isEmpty();
        at(T0).activate(second, "chosen-by-the-holder-1");
        String stampBefore = users.standing("holder.reset").orElseThrow().credentials();

        String third = at(T0).reset("holder.reset", "admin").token();
        assertThat(passwordWorks("holder.reset", "chosen-by-the-holder-1")).isFalse();
        assertThat(users.find("holder.reset").orElseThrow().canSignInWithPassword()).isFalse();
        // A new stamp: AccountCheck ends the sessions signed in with the old password.
        assertThat(users.standing("holder.reset").orElseThrow().credentials()).isNotEqualTo(stampBefore);
        at(T0).activate(third, "chosen-again-by-holder-2");
        assertThat(passwordWorks("holder.reset", "chosen-again-by-holder-2")).isTrue();
        assertThatThrownBy(() -> at(T0).reset("nobody.here", "admin")).isInstanceOf(AccountRefusal.NoSuchUser.class);
    }

    @Test
    void everyStepIsAuditedAndNeitherTheTokenNorItsHashIsWritten() {
        var invited = at(T0).invite(prosecutor("holder.audit"), "admin.one");
        String token = invited.link().token();
        at(T0).activate(token, "chosen-by-the-holder-1");
        String reset = at(T0).reset("holder.audit", "admin.one").token();

        List<AuditEvent> trail = new AuditLog(db.dataSource()).search(new AuditLog.Query("", "", "user:holder.audit",
                java.util.Optional.empty(), Long.MAX_VALUE, 100));
        assertThat(trail).extracting(e -> e.username() + " " + e.action()).containsExactly(
                "admin.one activation.issue", "admin.one user.reset", "holder.audit user.activate",
                "admin.one activation.issue", "admin.one user.create");
        assertThat(trail.getLast().detail()).isEqualTo("role prosecutor, awaiting activation");
        for (String secret : List.of(token, Activations.sha256(token), reset, Activations.sha256(reset))) {
            assertThat(trail).noneSatisfy(e -> assertThat(e.detail() + e.object()).contains(secret));
        }
        // The table keeps the hash only.
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource());
        assertThat(jdbc.sql("SELECT count(*) FROM activation_link WHERE token_sha256 = ?").param(token)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM activation_link WHERE token_sha256 = ?").param(Activations.sha256(token))
                .query(Long.class).single()).isEqualTo(1);
    }

    private static List<AuditEvent> audit(String user, String action) {
        return new AuditLog(db.dataSource()).search(new AuditLog.Query(user, action, "", java.util.Optional.empty(),
                Long.MAX_VALUE, 100));
    }
}
