package org.piste.app.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Activations;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.AuditRedaction;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserAccount;
import org.piste.app.accounts.UserStore;
import org.piste.app.web.WebAudit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and the audit trail, redacted, as JSON (admins only; same stores as the admin pages). */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Accounts and the audit trail (admins)")
public class AccountsApi {
    private final UserStore users;
    private final Activations activations;
    private final AuditLog audit;
    private final String publicUrl;

    public AccountsApi(UserStore users, Activations activations, AuditLog audit,
            @Value("${piste.public-url:" + Activations.DEFAULT_PUBLIC_URL + "}") String publicUrl) {
        this.users = users;
        this.activations = activations;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/users")
    @Operation(summary = "The accounts (never their password hashes)")
    public List<UserAccount> users() {
        return users.list();
    }

    /** A new account; {@code password} is refused (admins set none: the holder does, through the link). */
    public record NewUserRequest(String username, String displayName, String role, String unit, String contact,
            String password) {}

    /** The account created and the link, shown once, that its holder sets their password with. */
    public record Invited(UserAccount account, ActivationLinkView activation) {}

    @PostMapping("/users")
    @Operation(summary = "Creates an account awaiting activation and returns its one-time activation link (72 h);"
            + " an admin sets no password")
    public ResponseEntity<Invited> create(@RequestBody NewUserRequest r) {
        if (r.username() == null || r.role() == null) throw new IllegalArgumentException("username and role are required");
        if (r.password() != null) {
            throw new IllegalArgumentException("an admin sets no password: the holder sets theirs through the activation link");
        }
        var invited = activations.invite(new UserStore.NewUser(r.username(), Optional.ofNullable(r.displayName())
                .orElse(r.username()), Role.parse(r.role()), Optional.ofNullable(r.unit()).orElse(""),
                Optional.ofNullable(r.contact()).orElse("")), WebAudit.username());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Invited(invited.account(),
                ActivationLinkView.of(invited.link(), publicUrl)));
    }

    @PostMapping("/users/{username}/activation")
    @Operation(summary = "Withdraws the account's password (its sessions end) and returns a new activation link (404: no such user)")
    public ActivationLinkView reset(@PathVariable String username) {
        return ActivationLinkView.of(activations.reset(username, WebAudit.username()), publicUrl);
    }

    /** The bodies of the enable and role calls. */
    public record Enabled(Boolean enabled) {}

    public record NewRole(String role) {}

    @PostMapping("/users/{username}/enabled")
    @Operation(summary = "Enables or disables an account; disabling ends its sessions (404: no such user, 409: the last admin)")
    public UserAccount enable(@PathVariable String username, @RequestBody Enabled r) {
        return users.setEnabled(username, required(r.enabled(), "enabled (true or false)"), WebAudit.username());
    }

    @PostMapping("/users/{username}/role")
    @Operation(summary = "Gives an account another role; its sessions end (404: no such user, 409: the last admin)")
    public UserAccount role(@PathVariable String username, @RequestBody NewRole r) {
        return users.setRole(username, Role.parse(required(r.role(), "role")), WebAudit.username());
    }

    private static <T> T required(T value, String what) {
        if (value == null) throw new IllegalArgumentException(what + " is required");
        return value;
    }

    @GetMapping("/audit")
    @Operation(summary = "Audit events, newest first, filtered by user, action, object prefix and case (the search is"
            + " audited); personal data in details and objects is withheld (see docs/web.md)")
    public List<AuditRedaction.Line> audit(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String object, @RequestParam(required = false) Long caseId,
            @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
        var query = new AuditLog.Query(user, action, object, Optional.ofNullable(caseId), before, limit);
        return AuditRedaction.forAdmins(audit, WebAudit.actor(), query).lines();
    }

    @PostMapping("/audit/verify")
    @Operation(summary = "Recomputes the audit trail's hash chain; names the first broken event if any")
    public Verified verify() {
        AuditLog.Verification v = audit.verify();
        return new Verified(v.intact(), v.events(), v.lastHash(), v.firstProblem().orElse(""));
    }

    /** The verification as the API reports it: intact or not, how many events, the first problem if any. */
    public record Verified(boolean intact, long events, String lastHash, String firstProblem) {}

}
