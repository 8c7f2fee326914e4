package org.piste.app.web.accounts;

import java.util.Optional;
import org.piste.app.accounts.Activations;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.AuditRedaction;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.web.PageProblems;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts and the audit trail, redacted (admins only; see AccessPolicy). */
@Controller
public class AccountsController {
    private final UserStore users;
    private final Activations activations;
    private final AuditLog audit;
    private final String publicUrl;

    public AccountsController(UserStore users, Activations activations, AuditLog audit,
            @Value("${piste.public-url:" + Activations.DEFAULT_PUBLIC_URL + "}") String publicUrl) {
        this.users = users;
        this.activations = activations;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        return "accounts/users";
    }

    /**
     * Creates an account awaiting activation: the admin sets no password, and is shown once the link to hand to the
     * holder (issue 16).
     */
    @PostMapping("/admin/users")
    public String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String role,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String contact,
            RedirectAttributes redirect) {
        try {
            var invited = activations.invite(new UserStore.NewUser(username.trim(), displayName.trim(), Role.parse(role),
                    unit.trim(), contact.trim()), WebAudit.username());
            redirect.addFlashAttribute("message", "admin.users.created");
            redirect.addFlashAttribute("activation", ActivationLinkView.of(invited.link(), publicUrl));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/admin/users";
    }

    /** Withdraws the password (sessions end) and shows a new activation link once; a missing user is 404. */
    @PostMapping("/admin/users/{username}/activation")
    public String reset(@PathVariable String username, RedirectAttributes redirect) {
        var link = activations.reset(username, WebAudit.username());
        redirect.addFlashAttribute("message", "admin.users.reset");
        redirect.addFlashAttribute("activation", ActivationLinkView.of(link, publicUrl));
        return "redirect:/admin/users";
    }

    /** Disabling ends the user's sessions at their next request (see AccountCheck); a missing user is 404. */
    @PostMapping("/admin/users/{username}/enabled")
    public String enable(@PathVariable String username, @RequestParam boolean enabled) {
        users.setEnabled(username, enabled, WebAudit.username());
        return "redirect:/admin/users";
    }

    /** A new role ends the user's sessions: they sign in again and act with it. */
    @PostMapping("/admin/users/{username}/role")
    public String role(@PathVariable String username, @RequestParam String role) {
        users.setRole(username, Role.parse(role), WebAudit.username());
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    public String audit(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String object, @RequestParam(required = false) Long caseId,
            @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Model model) {
        var query = new AuditLog.Query(user.trim(), action.trim(), object.trim(), Optional.ofNullable(caseId), before, 100);
        // Admins see no personal data: details and named objects are withheld (the console's owner sees them); the
        // next page is judged on what is shown, so it tells nothing of what was withheld.
        var page = AuditRedaction.forAdmins(audit, WebAudit.actor(), query);
        model.addAttribute("events", page.lines());
        model.addAttribute("filter", new Filter(user, action, object, caseId));
        model.addAttribute("next", page.next().orElse(null));
        return "accounts/audit";
    }

    public record Filter(String user, String action, String object, Long caseId) {}

    @PostMapping("/admin/audit/verify")
    public String verify(RedirectAttributes redirect) {
        AuditLog.Verification v = audit.verify();
        redirect.addFlashAttribute("verification", v);
        return "redirect:/admin/audit";
    }
}
