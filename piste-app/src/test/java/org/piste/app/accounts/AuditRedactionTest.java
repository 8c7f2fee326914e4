package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16 (admin): what the admins' view of the audit trail keeps and withholds, by action; deny by default. */
class AuditRedactionTest {
    private static AuditEvent event(String action, String object, String detail) {
        return new AuditEvent(7, Instant.parse("2026-03-02T09:00:00Z"), "analyst", action, object, Optional.of(4L), detail,
                "prev", "hash");
    }

    private static AuditRedaction.Line admin(String action, String object, String detail) {
        return AuditRedaction.forAdmins(event(action, object, detail));
    }

    @Test
    void accountActionsKeepTheirObjectAndDetail() {
        assertThat(admin("user.role", "user:jo", "role analyst -> prosecutor"))
                .isEqualTo(new AuditRedaction.Line(7, Instant.parse("2026-03-02T09:00:00Z"), "analyst", "user.role", "user:jo",
                        Optional.of(4L), "role analyst -> prosecutor", false));
        assertThat(admin("access.refused", "/cases/12", "GET access table").redacted()).isFalse();
    }

    @Test
    void readsAndRulingsKeepTheObjectsIdAndWithholdTheDetail() {
        var searched = admin("alerts.search", "alerts", "side=SENDER name=Jeanne Testarossa page=1");
        assertThat(searched.object()).isEqualTo("alerts");
        assertThat(searched.detail()).isEqualTo("[redacted]");
        assertThat(searched.detailWithheld()).isTrue();
        var ruled = admin("alert.decide", "entity:12:S", "DISMISS side=SENDER note=seen with her brother");
        assertThat(ruled.object()).isEqualTo("entity:12:S");
        assertThat(ruled.detail()).isEqualTo("[redacted]");
        assertThat(admin("case.view", "case:3", "")).satisfies(l -> {
            assertThat(l.detail()).isEmpty();
            assertThat(l.redacted()).isFalse();
        });
    }

    @Test
    void anObjectThatIsNotAnIdKeepsOnlyItsType() {
        assertThat(admin("referral.view", "referral:Jeanne Testarossa", "2 subjects").object()).isEqualTo("referral:[redacted]");
        assertThat(admin("access.refused", "/referrals/Jé rôme", "GET access table").object()).isEqualTo("[redacted]");
    }

    @Test
    void anUnknownActionIsWithheldBothWays() {
        var unknown = admin("future.lookup", "person:42", "asked about Jeanne");
        assertThat(unknown.object()).isEqualTo("person:[redacted]");
        assertThat(unknown.detail()).isEqualTo("[redacted]");
        assertThat(unknown.redacted()).isTrue();
    }

    @Test
    void aSearchOnMoreThanAWithheldObjectsTypeDropsIt() {
        List<AuditEvent> found = List.of(event("future.lookup", "person:Jeanne", "x"), event("entity.view", "entity:1:S", "page"));
        assertThat(AuditRedaction.forAdmins(found, new AuditLog.Query("", "", "person:J", Optional.empty(), Long.MAX_VALUE, 10)))
                .extracting(AuditRedaction.Line::action).containsExactly("entity.view");
        assertThat(AuditRedaction.forAdmins(found, new AuditLog.Query("", "", "person:", Optional.empty(), Long.MAX_VALUE, 10)))
                .hasSize(2);
    }

    /** Review of issue 16, 5: a sign-in's detail is Piste's sentence and shown; its object, the name as typed, is not. */
    @Test
    void signInsShowTheirDetailButNotTheNameAsTyped() {
        String detail = "form from 10.0.0.5: wrong username or password (failure 2 of this name, 3 of this address)";
        var failed = admin("signin.failed", "user:Soleil-Levant-42", detail);
        assertThat(failed.object()).isEqualTo("user:[redacted]");
        assertThat(failed.detail()).isEqualTo(detail);
        assertThat(admin("signin.throttled", "user:jo", "api from 10.0.0.5: held for 2 s, password not checked").detail())
                .isEqualTo("api from 10.0.0.5: held for 2 s, password not checked");
        assertThat(admin("signin.ok", "user:jo", "form from 10.0.0.5").detail()).isEqualTo("form from 10.0.0.5");
        var unlocked = admin("signin.unlock", "address:10.0.0.5", "sign-in failures and lockout lifted");
        assertThat(unlocked.object()).isEqualTo("address:[redacted]");
        assertThat(unlocked.detail()).isEqualTo("sign-in failures and lockout lifted");
    }

    /** Review of issue 16, 1: whatever names an activation link is withheld, even in an account action. */
    @Test
    void anActivationLinkIsWithheld() {
        String token = "Zq3_xY-9aBcDeFgHiJkLmNoPqRsTuVwXyZ012345678";
        var refused = admin("access.refused", "/activate/" + token, "POST CSRF token missing or invalid");
        assertThat(refused.object()).isEqualTo("[redacted]");
        assertThat(admin("user.reset", "user:jo", "new link /activate/" + token).detail()).isEqualTo("[redacted]");
        assertThat(admin("access.refused", "/activate/[token]", "POST CSRF token missing or invalid").object())
                .isEqualTo("[redacted]");
    }
}
